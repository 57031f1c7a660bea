/**
 * revealContact: the one unmasked path to a submitter's contact: a handler of the routed department (or an
 * admin), for a named submitter who consented to be contacted. Every reveal, and every refusal, is audited.
 */
import type { InputOf } from '../../../shared/actions/define'
import type { feedbackActions } from '../../../shared/actions/feedback'
import { AppError } from '../../../shared/errors'
import { audit } from '../../_core/audit'
import { revealPhone } from '../../_core/pii'
import type { ActionContext } from '../../_core/function'
import { findSubmitterContact } from '../repositories/staff.repository'
import { loadForStaff } from '../helpers/feedbackAccess'

export async function revealContact(input: InputOf<typeof feedbackActions, 'revealContact'>, ctx: ActionContext) {
  let doc: Awaited<ReturnType<typeof loadForStaff>>
  try {
    doc = await loadForStaff(ctx, input.trackingNo)
  } catch (e) {
    // NOT_FOUND (a guessed number) and another department's item are attempts too
    if (e instanceof AppError)
      await audit(ctx, {
        event: 'feedback.revealContact',
        targetType: 'feedback',
        targetId: input.trackingNo,
        outcome: 'denied',
        detail: { trackingNo: input.trackingNo, reason: e.code },
      })
    throw e
  }
  const entry = { event: 'feedback.revealContact', targetType: 'feedback', targetId: doc._id }
  if (doc.anonymous || !doc.contactConsent) {
    await audit(ctx, {
      ...entry,
      outcome: 'denied',
      detail: { trackingNo: doc.trackingNo, reason: doc.anonymous ? 'anonymous' : 'noConsent' },
    })
    throw new AppError('FORBIDDEN', doc.anonymous ? '匿名反馈不提供提交人信息' : '提交人未同意被联系')
  }
  const person = await findSubmitterContact(doc.openid)
  await audit(ctx, { ...entry, onBehalfOf: doc.openid, outcome: 'ok', detail: { trackingNo: doc.trackingNo } })
  return {
    trackingNo: doc.trackingNo,
    name: person.name,
    phone: revealPhone(doc.contactPhoneEnc, doc.contactPhone) ?? person.phone,
  }
}
