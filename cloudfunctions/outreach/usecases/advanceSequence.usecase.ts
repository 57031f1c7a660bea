/**
 * Timer trigger `sequence` (daily): makes the contact sequence of open visit tasks durable. A task not visited
 * 3 days after its invitation is marked reminded, one past its due date overdue, and one overdue for 7 more days
 * escalated to its street office (escalatedTo = the 9-digit street code), so the street office and admins can
 * query escalations without opening a worker's list. Idempotent: each mark is set once.
 */
import { DAY_MS, ESCALATE_AFTER_OVERDUE_DAYS, sequenceAt } from '../../../shared/outreach/sequence'
import type { TriggerContext } from '../../_core/function'
import { markStage, openTasksDueBefore } from '../repositories/visitTask.repository'
import { toIsoCst } from '../../../shared/calendar/chinaTime'

export async function advanceSequence(
  ctx: TriggerContext,
): Promise<{ reminded: number; overdue: number; escalated: number }> {
  const nowMs = ctx.now().getTime()
  const at = toIsoCst(nowMs)
  const counts = { reminded: 0, overdue: 0, escalated: 0 }

  // Escalation first (due ≤ now − 7 days), then overdue (due ≤ now), then reminders (3 days after creation).
  for (const t of await openTasksDueBefore(nowMs - ESCALATE_AFTER_OVERDUE_DAYS * DAY_MS, 'escalatedAt')) {
    await markStage(t._id, {
      escalatedAt: at,
      escalatedAtMs: nowMs,
      escalatedTo: t.streetCode ?? null,
      overdueAt: t.overdueAt ?? at,
      remindedAt: t.remindedAt ?? at,
    })
    counts.escalated++
  }
  for (const t of await openTasksDueBefore(nowMs, 'overdueAt')) {
    await markStage(t._id, { overdueAt: at, remindedAt: t.remindedAt ?? at })
    counts.overdue++
  }
  for (const t of await openTasksDueBefore(nowMs + 366 * DAY_MS, 'remindedAt')) {
    if (sequenceAt(t.createdAtMs, t.dueAtMs, nowMs).stage === 'invite') continue
    await markStage(t._id, { remindedAt: at })
    counts.reminded++
  }
  ctx.log.info('outreach sequence advanced', counts)
  return counts
}
