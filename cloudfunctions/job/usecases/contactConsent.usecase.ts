/**
 * 同意招聘方/经办人员联系我: the applicant gives or withdraws consent to be contacted about one application, from
 * 我的投递. Staff see the number masked until it is given; revealContact is the only unmasked path and is
 * refused again once it is withdrawn. Every change is audited (when consent was given is a fact staff may need).
 */
import type { MyApplicationItem } from '../../../shared/job/views'
import { toIsoCst } from '../../../shared/calendar/chinaTime'
import { requireCaller, type ActionContext } from '../../_core/function'
import { audit } from '../../_core/audit'
import { setContactConsent as storeConsent } from '../repositories/application.repository'
import { findMyApplication, toMyItem } from '../helpers/myApplicationItem'

export async function setContactConsent(
  input: { applicationId: string; consent: boolean },
  ctx: ActionContext,
): Promise<MyApplicationItem> {
  const caller = requireCaller(ctx)
  const app = await findMyApplication(caller.openid, input.applicationId)
  const now = ctx.now()
  if ((app.contactConsent === true) === input.consent) return toMyItem(app, now.getTime())
  const at = toIsoCst(now)
  await storeConsent(app._id, input.consent, at, now.getTime())
  await audit(ctx, {
    event: 'job.setContactConsent',
    targetType: 'application',
    targetId: app._id,
    outcome: 'ok',
    detail: { consent: input.consent, jobId: app.jobId },
  })
  return toMyItem(
    { ...app, contactConsent: input.consent, contactConsentAt: at, updatedAt: at, updatedAtMs: now.getTime() },
    now.getTime(),
  )
}
