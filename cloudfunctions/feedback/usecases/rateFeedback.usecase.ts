/** rate: after a reply, 1–5 and a comment; the item closes. */
import type { InputOf } from '../../../shared/actions/define'
import type { feedbackActions } from '../../../shared/actions/feedback'
import type { ActionContext } from '../../_core/function'
import { loadOwn } from '../helpers/feedbackAccess'
import { applyStep } from '../helpers/feedbackStep'
import { toIsoCst } from '../../../shared/calendar/chinaTime'

export async function rateFeedback(input: InputOf<typeof feedbackActions, 'rate'>, ctx: ActionContext) {
  const doc = await loadOwn(ctx, input.trackingNo)
  const now = ctx.now()
  const updated = await applyStep(
    ctx,
    doc,
    'rate',
    {
      rating: { score: input.score, comment: input.comment ?? null, solved: input.solved ?? null, at: toIsoCst(now) },
      closedAtMs: now.getTime(),
    },
    { note: `评分 ${input.score} 分${input.comment ? `：${input.comment}` : ''}` },
  )
  return { trackingNo: updated.trackingNo, status: updated.status, rating: updated.rating }
}
