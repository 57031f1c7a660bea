/**
 * The case clock: a working-day deadline that can stop while the case waits for the resident (补正) and
 * resume with the working days that were left. Feedback's answer deadline (a clock that never stops) and the
 * application's review deadline both use it; the reminder and escalation windows are read from it too. Every
 * function takes the working calendar in force (cloudfunctions/_core/workingCalendar.ts; the package's years by
 * default). Pure.
 */
import type { WorkingCalendar } from './holidayCalendar'
import { BASE_CALENDAR } from './workingDay'
import { cstDateOf, endOfCstDayMs } from './chinaTime'

export interface CaseClock {
  /** The deadline while running (epoch ms); kept as it was when the clock stopped. */
  dueAtMs: number
  /** Set while stopped. */
  stoppedAtMs: number | null
  /** Working days left when it stopped (they restart from the day of resumption). */
  remainingWorkingDays: number | null
}

/** "Within n working days" of `fromMs` (the day itself not counted). */
export function startClock(fromMs: number, workingDays: number, cal: WorkingCalendar = BASE_CALENDAR): CaseClock {
  return { dueAtMs: cal.workingDayDeadline(fromMs, workingDays), stoppedAtMs: null, remainingWorkingDays: null }
}

/** Stop: the working days from the stop day (exclusive) to the due day (inclusive) are kept. */
export function stopClock(c: CaseClock, atMs: number, cal: WorkingCalendar = BASE_CALENDAR): CaseClock {
  if (c.stoppedAtMs !== null) return c
  const left = Math.max(0, cal.workingDaysBetween(cstDateOf(atMs), cstDateOf(c.dueAtMs)))
  return { dueAtMs: c.dueAtMs, stoppedAtMs: atMs, remainingWorkingDays: left }
}

/** Resume: the kept working days count again from the day of resumption (at least one). */
export function resumeClock(c: CaseClock, atMs: number, cal: WorkingCalendar = BASE_CALENDAR): CaseClock {
  if (c.stoppedAtMs === null) return c
  const n = Math.max(1, c.remainingWorkingDays ?? 0)
  return {
    dueAtMs: endOfCstDayMs(cal.nthWorkingDayAfter(cstDateOf(atMs), n)),
    stoppedAtMs: null,
    remainingWorkingDays: null,
  }
}

/** Past its deadline, running. A stopped clock is never overdue. */
export const isOverdue = (c: CaseClock, nowMs: number): boolean => c.stoppedAtMs === null && nowMs > c.dueAtMs

/** Running and due within `workingDays` working days (the reminder window), not yet overdue. */
export function isDueSoon(c: CaseClock, nowMs: number, workingDays = 2, cal: WorkingCalendar = BASE_CALENDAR): boolean {
  if (c.stoppedAtMs !== null || nowMs > c.dueAtMs) return false
  return c.dueAtMs <= cal.workingDayDeadline(nowMs, workingDays)
}

/** The moment before which a running case counts as due soon (for indexed queries: dueAtMs ≤ this). */
export const dueSoonBefore = (nowMs: number, workingDays = 2, cal: WorkingCalendar = BASE_CALENDAR): number =>
  cal.workingDayDeadline(nowMs, workingDays)

/** Whether a decision at `atMs` met the deadline. */
export const decidedOnTime = (c: CaseClock, atMs: number): boolean => atMs <= c.dueAtMs || c.stoppedAtMs !== null
