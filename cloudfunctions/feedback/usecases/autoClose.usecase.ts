/** Timer `autoClose`: resolved items the resident neither rated nor reopened within the window are closed. */
import type { TriggerContext } from '../../_core/function'
import { deadlineRules } from '../config'
import { listResolvedBefore } from '../repositories/feedback.repository'
import { applyStep, notifyResident } from '../helpers/feedbackStep'
import { triggerStepContext } from '../helpers/triggerStep'

export async function autoClose(ctx: TriggerContext) {
  const sctx = triggerStepContext(ctx)
  const now = ctx.now()
  const docs = await listResolvedBefore(now.getTime() - deadlineRules().autoCloseAfterDays * 86_400_000, 200)
  let closed = 0
  for (const doc of docs) {
    try {
      const updated = await applyStep(
        sctx,
        doc,
        'close',
        { closedAtMs: now.getTime() },
        { note: '办结后未申请重新办理，自动关闭' },
      )
      await notifyResident(sctx, updated, 'close')
      closed++
    } catch (e) {
      if ((e as { code?: string }).code !== 'CONFLICT') throw e
    }
  }
  return { closed }
}
