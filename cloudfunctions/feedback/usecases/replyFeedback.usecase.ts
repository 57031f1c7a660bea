/** reply: the answer (typed, or from a template); the resident is told and may rate or reopen. */
import type { InputOf } from '../../../shared/actions/define'
import type { feedbackActions } from '../../../shared/actions/feedback'
import { AppError } from '../../../shared/errors'
import { REPLY_TEMPLATES } from '../../../shared/feedback/rules'
import type { ActionContext } from '../../_core/function'
import { loadForStaff } from '../helpers/feedbackAccess'
import { applyStep, notifyResident } from '../helpers/feedbackStep'
import { toIsoCst } from '../../../shared/calendar/chinaTime'

export async function replyFeedback(input: InputOf<typeof feedbackActions, 'reply'>, ctx: ActionContext) {
  let content = input.content ?? ''
  if (!content) {
    const t = REPLY_TEMPLATES.find((x) => x.id === input.templateId)
    if (!t) throw new AppError('VALIDATION_FAILED', '答复模板不存在')
    content = t.text
  }
  const doc = await loadForStaff(ctx, input.trackingNo)
  const now = ctx.now()
  const at = toIsoCst(now)
  const updated = await applyStep(
    ctx,
    doc,
    'reply',
    {
      reply: { content, at, departmentName: doc.departmentName },
      repliedAt: at,
      repliedAtMs: now.getTime(),
      firstRepliedAtMs: doc.firstRepliedAtMs ?? now.getTime(),
      firstReplyDueAtMs: doc.firstReplyDueAtMs ?? doc.dueAtMs,
    },
    { note: content },
  )
  await notifyResident(ctx, updated, 'reply')
  return { trackingNo: updated.trackingNo, status: updated.status, repliedAt: at, onTime: now.getTime() <= doc.dueAtMs }
}
