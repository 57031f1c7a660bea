/** kinds: the whole catalogue, with whether the caller may apply now and why not (engine + windows + open cases). */
import { APPLICATION_KINDS } from '../../../shared/application/kinds'
import { cstDateOf as cstDate } from '../../../shared/calendar/chinaTime'
import { type ActionContext, requireCaller } from '../../_core/function'
import { applicationsOfOpenid } from '../repositories/application.repository'
import { findRegisterPerson } from '../repositories/register.repository'
import { whyNotApply } from '../helpers/kindAccess'

export async function listKinds(_input: unknown, ctx: ActionContext) {
  const caller = requireCaller(ctx)
  const person = caller.user.personId ? await findRegisterPerson(caller.user.personId) : null
  const mine = await applicationsOfOpenid(caller.openid, null, 100)
  const today = cstDate(ctx.now())
  return {
    items: APPLICATION_KINDS.map((k) => {
      const whyNot = whyNotApply(k, person, mine, today)
      return {
        kind: k.kind,
        title: k.title,
        ...(k.policyId ? { policyId: k.policyId } : {}),
        summary: k.summary,
        materials: k.materials,
        reviewWorkingDays: k.reviewWorkingDays,
        canApply: whyNot === null,
        ...(whyNot ? { whyNot } : {}),
      }
    }),
  }
}
