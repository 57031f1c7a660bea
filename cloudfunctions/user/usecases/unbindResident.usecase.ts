/**
 * unbindResident (admin): the staff side of rebinding. At a service window the person shows their ID card;
 * staff release the old WeChat account's binding here (audited, with the reason); the person then binds
 * again from their own account with bindResident. The old account's queued subscription messages are voided and
 * its message centre emptied (repositories/unbind.repository.ts).
 */
import type { InputOf } from '../../../shared/actions/define'
import type { userActions } from '../../../shared/actions/user'
import { AppError } from '../../../shared/errors'
import { audit } from '../../_core/audit'
import { type ActionContext } from '../../_core/function'
import { releasePerson } from '../repositories/person.repository'
import { findUser, setPersonId } from '../repositories/user.repository'
import { toIsoCst } from '../../../shared/calendar/chinaTime'
import { hideMessageCentre, voidQueuedMessages } from '../repositories/unbind.repository'

export async function unbindResident(
  input: InputOf<typeof userActions, 'unbindResident'>,
  ctx: ActionContext,
): Promise<{ openid: string; unbound: boolean }> {
  const target = await findUser(input.openid)
  if (!target) throw new AppError('NOT_FOUND', '用户不存在')
  if (!target.personId) return { openid: input.openid, unbound: false }
  const personId = target.personId
  await releasePerson(personId, input.openid)
  await setPersonId(input.openid, null, toIsoCst(ctx.now()))
  // the old account must not receive nor read what was meant for the person
  const voided = await voidQueuedMessages(input.openid, ctx.now().getTime())
  const hidden = await hideMessageCentre(input.openid, personId)
  await audit(ctx, {
    event: 'user.unbindResident',
    targetType: 'person',
    targetId: personId,
    onBehalfOf: input.openid,
    outcome: 'ok',
    detail: { reason: input.reason, voidedMessages: voided, hiddenMessages: hidden },
  })
  return { openid: input.openid, unbound: true }
}
