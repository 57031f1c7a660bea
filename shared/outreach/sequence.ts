/**
 * The contact sequence of a list entry: invite → reminder after 3 days → overdue → escalation to the street
 * office. Pure: times are epoch milliseconds, computed from when the entry started (became due for a visit).
 */
export const DAY_MS = 86_400_000
/** A reminder goes out when the person has not been visited 3 days after the invitation. */
export const REMINDER_AFTER_DAYS = 3
/** The visit is due 7 days after the invitation unless the producer gave a due date. */
export const DUE_AFTER_DAYS = 7
/** Overdue for this many days → escalated to the street office (街道). */
export const ESCALATE_AFTER_OVERDUE_DAYS = 7

export const STAGES = ['invite', 'reminder', 'overdue', 'escalated'] as const
export type Stage = (typeof STAGES)[number]
export const STAGE_LABELS: Record<Stage, string> = {
  invite: '待邀约走访',
  reminder: '已提醒（3天未走访）',
  overdue: '已逾期',
  escalated: '已上报街道',
}

export interface SequenceState {
  stage: Stage
  /** When the reminder is (or was) due. */
  remindAtMs: number
  dueMs: number
  escalateAtMs: number
}

/** Default due time for an entry that started at startMs. */
export const defaultDueMs = (startMs: number): number => startMs + DUE_AFTER_DAYS * DAY_MS

export function sequenceAt(startMs: number, dueMs: number, nowMs: number): SequenceState {
  const remindAtMs = Math.min(startMs + REMINDER_AFTER_DAYS * DAY_MS, dueMs)
  const escalateAtMs = dueMs + ESCALATE_AFTER_OVERDUE_DAYS * DAY_MS
  let stage: Stage
  if (nowMs >= escalateAtMs) stage = 'escalated'
  else if (nowMs >= dueMs) stage = 'overdue'
  else if (nowMs >= remindAtMs) stage = 'reminder'
  else stage = 'invite'
  return { stage, remindAtMs, dueMs, escalateAtMs }
}

export const isOverdueStage = (s: Stage): boolean => s === 'overdue' || s === 'escalated'
