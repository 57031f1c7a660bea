/** reopen: unsatisfied with the answer, within the window after the reply/resolution; a new round with new deadlines. */
import { workingCalendar } from '../../_core/workingCalendar'
import type { InputOf } from '../../../shared/actions/define'
import type { feedbackActions } from '../../../shared/actions/feedback'
import { AppError } from '../../../shared/errors'
import { canTransition } from '../../../shared/feedback/status'
import type { ActionContext } from '../../_core/function'
import { deadlineRules } from '../config'
import { loadOwn } from '../helpers/feedbackAccess'
import { applyStep } from '../helpers/feedbackStep'
import { reopenDeadlineMs } from '../helpers/feedbackView'
import { deadlinesFrom } from '../helpers/contentHold'

export async function reopenFeedback(input: InputOf<typeof feedbackActions, 'reopen'>, ctx: ActionContext) {
  const doc = await loadOwn(ctx, input.trackingNo)
  const rules = deadlineRules()
  const now = ctx.now()
  if (canTransition(doc.status, 'reopen')) {
    if (doc.reopenCount >= rules.maxReopens)
      throw new AppError('CONFLICT', `每条反馈最多可申请重新办理${rules.maxReopens}次`)
    const until = reopenDeadlineMs(doc, rules)
    if (until === null || now.getTime() > until) {
      throw new AppError('CONFLICT', `已超过可申请重新办理的期限（答复或办结后${rules.reopenWindowDays}天内）`)
    }
  }
  const updated = await applyStep(
    ctx,
    doc,
    'reopen',
    {
      round: doc.round + 1,
      reopenCount: doc.reopenCount + 1,
      escalatedAt: null,
      escalatedAtMs: null,
      extension: null,
      resolvedAtMs: null,
      closedAtMs: null,
      ...deadlinesFrom(now, doc.category, await workingCalendar()),
    },
    { note: input.reason ?? null },
  )
  return { trackingNo: updated.trackingNo, status: updated.status, dueAt: updated.dueAt }
}
