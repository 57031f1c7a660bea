/** get: the owner's view or the staff view (routed department / admin) with the timeline. */
import type { InputOf } from '../../../shared/actions/define'
import type { feedbackActions } from '../../../shared/actions/feedback'
import type { ActionContext } from '../../_core/function'
import { deadlineRules } from '../config'
import { listEvents } from '../repositories/feedbackEvent.repository'
import { findSubmitterName } from '../repositories/staff.repository'
import { loadForViewer } from '../helpers/feedbackAccess'
import { ownerView, staffView } from '../helpers/feedbackView'

export async function getFeedback(input: InputOf<typeof feedbackActions, 'get'>, ctx: ActionContext) {
  const { doc, viewer } = await loadForViewer(ctx, input.trackingNo)
  const events = await listEvents(doc._id)
  const nowMs = ctx.now().getTime()
  if (viewer === 'owner') return ownerView(doc, events, nowMs, deadlineRules())
  const name = doc.anonymous ? null : await findSubmitterName(doc.openid)
  return staffView(doc, events, nowMs, name)
}
