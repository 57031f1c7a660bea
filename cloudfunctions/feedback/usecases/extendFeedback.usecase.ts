/**
 * extend: a handler asks, before the answer deadline and with a reason, for more working days; an admin
 * approves (the deadline moves by that many working days) or rejects. Both are staff-only timeline steps.
 */
import type { InputOf } from '../../../shared/actions/define'
import type { feedbackActions } from '../../../shared/actions/feedback'
import { AppError } from '../../../shared/errors'
import { AWAITING_REPLY, STATUS_LABELS } from '../../../shared/feedback/status'
import { workingCalendar } from '../../_core/workingCalendar'
import { type ActionContext, requireCaller } from '../../_core/function'
import { deadlineRules } from '../config'
import { isAdmin, loadForStaff } from '../helpers/feedbackAccess'
import { applyStep } from '../helpers/feedbackStep'
import { toIsoCst } from '../../../shared/calendar/chinaTime'

export async function extendFeedback(input: InputOf<typeof feedbackActions, 'extend'>, ctx: ActionContext) {
  const caller = requireCaller(ctx)
  if (input.decision && !isAdmin(caller)) throw new AppError('FORBIDDEN', '延期申请需由管理员审批')
  if (!input.decision && !input.reason)
    throw new AppError('VALIDATION_FAILED', '申请延期请写明理由', {
      fields: [{ path: 'reason', message: '请填写延期理由' }],
    })
  const rules = deadlineRules()
  if (!input.decision && (input.workingDays ?? 5) > rules.maxExtensionWorkingDays) {
    throw new AppError('VALIDATION_FAILED', `每次最多延期${rules.maxExtensionWorkingDays}个工作日`, {
      fields: [{ path: 'workingDays', message: '延期天数过多' }],
    })
  }
  const doc = await loadForStaff(ctx, input.trackingNo)
  const now = ctx.now()
  const at = toIsoCst(now)

  if (input.decision) {
    if (doc.extension?.status !== 'requested') throw new AppError('CONFLICT', '没有待审批的延期申请')
    if (!AWAITING_REPLY.includes(doc.status))
      throw new AppError('CONFLICT', `当前状态为「${STATUS_LABELS[doc.status]}」，无需延期`)
    const approve = input.decision === 'approve'
    const dueAtMs = approve
      ? (await workingCalendar()).extendDeadline(doc.dueAtMs, doc.extension.workingDays)
      : doc.dueAtMs
    const updated = await applyStep(
      ctx,
      doc,
      approve ? 'extendApprove' : 'extendReject',
      {
        extension: { ...doc.extension, status: approve ? 'approved' : 'rejected', decidedAt: at },
        ...(approve ? { dueAtMs, dueAt: toIsoCst(dueAtMs) } : {}),
      },
      {
        public: approve,
        note: approve ? `答复期限延长${doc.extension.workingDays}个工作日，至${toIsoCst(dueAtMs).slice(0, 10)}` : null,
      },
    )
    return { trackingNo: updated.trackingNo, extensionStatus: updated.extension?.status ?? null, dueAt: updated.dueAt }
  }

  if (!AWAITING_REPLY.includes(doc.status))
    throw new AppError('CONFLICT', `当前状态为「${STATUS_LABELS[doc.status]}」，不能申请延期`)
  if (now.getTime() > doc.dueAtMs) throw new AppError('CONFLICT', '已超过答复期限，不能再申请延期')
  if (doc.extension?.status === 'requested') throw new AppError('CONFLICT', '已有待审批的延期申请')
  const workingDays = input.workingDays ?? 5
  const updated = await applyStep(
    ctx,
    doc,
    'extendRequest',
    {
      extension: { status: 'requested', workingDays, reason: input.reason ?? '', requestedAt: at, decidedAt: null },
    },
    { public: false, note: `申请延期${workingDays}个工作日：${input.reason}` },
  )
  return { trackingNo: updated.trackingNo, extensionStatus: 'requested' as const, dueAt: updated.dueAt }
}
