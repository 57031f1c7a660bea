/**
 * Working-day arithmetic on the mainland China calendar (Asia/Shanghai, UTC+8, no daylight saving).
 *
 * Data: the `chinese-days` package (official State Council schedules since 2004), through
 * `holidayCalendar.ts`. A date that is a 放假日 is not a working day even on Monday–Friday; a 调休上班日 is one
 * even on Saturday/Sunday; otherwise a date is a working day exactly when it is Mon–Fri. The functions below use
 * the package's years only; cloud functions that must also honour years an admin entered (the years no release
 * covers yet) use the `WorkingCalendar` from cloudfunctions/_core/workingCalendar.ts, which has the same methods.
 *
 * Deadline rule (docs/adr/0006-working-day-deadlines.md): "within n working days" of a moment means by the
 * end (23:59:59.999 +08:00) of the n-th working day after the calendar day of that moment: the day itself
 * is never counted (期间开始之日不计算在内), so an item sent on a holiday or at 23:00 gets the same full days.
 * Pure: no I/O.
 */
import { PACKAGE_SOURCE, PACKAGE_YEARS, packageDays, WorkingCalendar } from './holidayCalendar'
import { CST_OFFSET_MS, DAY_MS, cstDateOf, cstMidnightMs } from './chinaTime'

/** The calendar of the package's years alone. */
export const BASE_CALENDAR = new WorkingCalendar()

/** Years the holiday data covers (the package's, 2004 … 2026). */
export const COVERED_YEARS: readonly number[] = PACKAGE_YEARS
export const HOLIDAY_SOURCES: Readonly<Record<string, string>> = Object.fromEntries(
  PACKAGE_YEARS.map((y) => [String(y), PACKAGE_SOURCE]),
)
export const OFF_DAYS: readonly string[] = PACKAGE_YEARS.flatMap((y) =>
  packageDays(y)
    .filter((d) => d.kind === 'holiday')
    .map((d) => d.date),
)
export const ADJUSTED_WORK_DAYS: readonly string[] = PACKAGE_YEARS.flatMap((y) =>
  packageDays(y)
    .filter((d) => d.kind === 'workday')
    .map((d) => d.date),
)

export const isCovered = (year: number): boolean => BASE_CALENDAR.isCovered(year)

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return new Date(cstMidnightMs(date) + CST_OFFSET_MS).getUTCDay()
}

export function addCalendarDays(date: string, n: number): string {
  return cstDateOf(cstMidnightMs(date) + n * DAY_MS)
}

export const isWorkingDay = (date: string): boolean => BASE_CALENDAR.isWorkingDay(date)

/** The holiday's name on a holiday date (元旦, 春节 …), null on other days. */
export const holidayName = (date: string): string | null => BASE_CALENDAR.holidayName(date)

/** The n-th working day strictly after `date` (n ≥ 1); n = 0 gives `date` itself. */
export const nthWorkingDayAfter = (date: string, n: number): string => BASE_CALENDAR.nthWorkingDayAfter(date, n)

/**
 * The deadline "within n working days" of `from`: the end of the n-th working day after from's calendar day.
 * Returns epoch ms.
 */
export const workingDayDeadline = (from: Date | number, n: number): number => BASE_CALENDAR.workingDayDeadline(from, n)

/** Extends an existing deadline by n working days: the end of the n-th working day after the deadline's day. */
export const extendDeadline = (deadlineMs: number, n: number): number => BASE_CALENDAR.extendDeadline(deadlineMs, n)

/** Working days in the half-open range (fromDate, toDate]: how many working days later `toDate` is. */
export const workingDaysBetween = (fromDate: string, toDate: string): number =>
  BASE_CALENDAR.workingDaysBetween(fromDate, toDate)
