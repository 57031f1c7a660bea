/**
 * Working-day arithmetic on the mainland China calendar (Asia/Shanghai, UTC+8, no daylight saving).
 *
 * Data: `cnHolidays.json`, copied from the project's reference data (cn-holidays-2025-2026.json, outside this repository); the sources are the State
 * Council General Office notices cited inside it (国办发明电〔2024〕12号 for 2025; the notice of 2025-11-04
 * for 2026). A date under offDays is not a working day even on Monday–Friday; a date under workDays
 * (调休上班日) is one even on Saturday/Sunday; otherwise a date is a working day exactly when it is Mon–Fri.
 * Outside the covered years only the weekday rule applies (`isCovered` tells; extend the file each November).
 *
 * Deadline rule (docs/adr/0006-working-day-deadlines.md): "within n working days" of a moment means by the
 * end (23:59:59.999 +08:00) of the n-th working day after the calendar day of that moment: the day itself
 * is never counted (期间开始之日不计算在内), so an item sent on a holiday or at 23:00 gets the same full days.
 * Pure: no I/O.
 */
import holidays from './cnHolidays.json'
import { CST_OFFSET_MS, DAY_MS, cstDateOf, cstMidnightMs, endOfCstDayMs } from './chinaTime'

interface YearData { offDays: string[]; workDays: string[]; names?: Record<string, string> }
const years = (holidays as { years: Record<string, YearData> }).years

const OFF = new Set<string>()
const WORK = new Set<string>()
const NAMES = new Map<string, string>()
for (const y of Object.values(years)) {
  y.offDays.forEach((d) => OFF.add(d))
  y.workDays.forEach((d) => WORK.add(d))
  Object.entries(y.names ?? {}).forEach(([d, n]) => NAMES.set(d, n))
}

/** Years the holiday data covers, e.g. [2025, 2026]. */
export const COVERED_YEARS: readonly number[] = Object.keys(years).map(Number).sort()
export const HOLIDAY_SOURCES: Readonly<Record<string, string>> = (holidays as { sources: Record<string, string> }).sources
export const OFF_DAYS: readonly string[] = [...OFF].sort()
export const ADJUSTED_WORK_DAYS: readonly string[] = [...WORK].sort()

export const isCovered = (year: number): boolean => COVERED_YEARS.includes(year)

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return new Date(cstMidnightMs(date) + CST_OFFSET_MS).getUTCDay()
}

export function addCalendarDays(date: string, n: number): string {
  return cstDateOf(cstMidnightMs(date) + n * DAY_MS)
}

export function isWorkingDay(date: string): boolean {
  if (OFF.has(date)) return false
  if (WORK.has(date)) return true
  const wd = weekdayOf(date)
  return wd >= 1 && wd <= 5
}

/** The holiday's name for the first day of a holiday (元旦, 春节 …) when the data names it. */
export const holidayName = (date: string): string | null => NAMES.get(date) ?? null

/** The n-th working day strictly after `date` (n ≥ 1); n = 0 gives `date` itself. */
export function nthWorkingDayAfter(date: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer')
  let d = date
  let left = n
  while (left > 0) {
    d = addCalendarDays(d, 1)
    if (isWorkingDay(d)) left--
  }
  return d
}

/**
 * The deadline "within n working days" of `from`: the end of the n-th working day after from's calendar day.
 * Returns epoch ms.
 */
export function workingDayDeadline(from: Date | number, n: number): number {
  return endOfCstDayMs(nthWorkingDayAfter(cstDateOf(from), n))
}

/**
 * Extends an existing deadline by n working days: the end of the n-th working day after the deadline's day.
 */
export function extendDeadline(deadlineMs: number, n: number): number {
  return workingDayDeadline(deadlineMs, n)
}

/** Working days in the half-open range (fromDate, toDate]: how many working days later `toDate` is. */
export function workingDaysBetween(fromDate: string, toDate: string): number {
  if (toDate <= fromDate) return 0
  let n = 0
  for (let d = addCalendarDays(fromDate, 1); d <= toDate; d = addCalendarDays(d, 1)) if (isWorkingDay(d)) n++
  return n
}
