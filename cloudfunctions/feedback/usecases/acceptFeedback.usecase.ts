/** accept (受理): the routed department takes the item on; the resident is told. */
import type { InputOf } from '../../../shared/actions/define'
import type { feedbackActions } from '../../../shared/actions/feedback'
import type { ActionContext } from '../../_core/function'
import { loadForStaff } from '../helpers/feedbackAccess'
import { applyStep, notifyResident } from '../helpers/feedbackStep'

export async function acceptFeedback(input: InputOf<typeof feedbackActions, 'accept'>, ctx: ActionContext) {
  const doc = await loadForStaff(ctx, input.trackingNo)
  const nowMs = ctx.now().getTime()
  const updated = await applyStep(
    ctx,
    doc,
    'accept',
    { firstAcceptedAtMs: doc.firstAcceptedAtMs ?? nowMs },
    { note: input.note ?? null },
  )
  await notifyResident(ctx, updated, 'accept')
  return { trackingNo: updated.trackingNo, status: updated.status, dueAt: updated.dueAt }
}
