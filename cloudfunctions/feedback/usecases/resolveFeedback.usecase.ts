/** resolve (办结) after the reply; the resident is told and may still reopen within the window. */
import type { InputOf } from '../../../shared/actions/define'
import type { feedbackActions } from '../../../shared/actions/feedback'
import type { ActionContext } from '../../_core/function'
import { loadForStaff } from '../helpers/feedbackAccess'
import { applyStep, notifyResident } from '../helpers/feedbackStep'

export async function resolveFeedback(input: InputOf<typeof feedbackActions, 'resolve'>, ctx: ActionContext) {
  const doc = await loadForStaff(ctx, input.trackingNo)
  const updated = await applyStep(
    ctx,
    doc,
    'resolve',
    { resolvedAtMs: ctx.now().getTime() },
    { note: input.note ?? null },
  )
  await notifyResident(ctx, updated, 'resolve')
  return { trackingNo: updated.trackingNo, status: updated.status }
}
