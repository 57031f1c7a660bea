/**
 * The holiday calendar as data: the maintained `chinese-days` package (official State Council schedules since
 * 2004, its newest release covers 2026) is the base; years that no release covers yet are entered by an admin
 * (`feedback.setHolidays`) and passed in here. A year that is in neither falls back to the weekday rule
 * (Mon–Fri work), and `coverageWarning` says so for staff.
 *
 * Pure: no I/O. The function side loads the entered years through cloudfunctions/_core/workingCalendar.ts.
 */
import chineseDays from 'chinese-days/dist/chinese-days.json'
import { DAY_MS, cstDateOf, cstMidnightMs } from './chinaTime'

export type CalendarDayKind = 'holiday' | 'workday'
export interface CalendarDay {
  /** YYYY-MM-DD */
  date: string
  kind: CalendarDayKind
  /** Name of the holiday (春节 …); for a make-up working day, the holiday it belongs to. */
  name: string
}
export interface EnteredYear {
  year: number
  days: CalendarDay[]
}
export type YearSource = 'package' | 'admin' | 'none'

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

/** The Chinese part of a chinese-days name ("National Day,国庆节,3" → 国庆节). */
const zhName = (raw: string): string => raw.split(',')[1] ?? raw

const pkg = chineseDays as { holidays: Record<string, string>; workdays: Record<string, string> }

function baseDays(): Map<number, CalendarDay[]> {
  const byYear = new Map<number, CalendarDay[]>()
  const push = (date: string, kind: CalendarDayKind, raw: string) => {
    const y = Number(date.slice(0, 4))
    const list = byYear.get(y) ?? []
    list.push({ date, kind, name: zhName(raw) })
    byYear.set(y, list)
  }
  for (const [d, n] of Object.entries(pkg.holidays)) push(d, 'holiday', n)
  for (const [d, n] of Object.entries(pkg.workdays)) push(d, 'workday', n)
  for (const list of byYear.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  return byYear
}

const BASE = baseDays()
/** Years the package covers, ascending (2004 … 2026 in release 1.5.7). */
export const PACKAGE_YEARS: readonly number[] = [...BASE.keys()].sort((a, b) => a - b)
export const PACKAGE_SOURCE = 'chinese-days 1.5.7（据国务院办公厅历年部分节假日安排的通知整理）'

/** The package's days of one year (empty when it does not cover the year). */
export const packageDays = (year: number): CalendarDay[] => (BASE.get(year) ?? []).map((d) => ({ ...d }))

/** A real calendar date 'YYYY-MM-DD'. */
export function isRealDate(date: string): boolean {
  const m = DATE_RE.exec(date)
  if (!m) return false
  const t = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return t.toISOString().slice(0, 10) === date
}

const weekdayOfDate = (date: string): number => {
  const m = DATE_RE.exec(date)!
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay()
}

export interface DayProblem {
  /** Index in the days list. */
  index: number
  path: string
  message: string
}

/**
 * Checks a year's days as an admin entered them: real dates inside that year, each date at most once (a date
 * in two holidays, or a holiday and a make-up working day on the same date, is an overlap), make-up working
 * days only on a Saturday or Sunday (a weekday is a working day anyway), a name for every day.
 */
export function validateYearDays(year: number, days: readonly CalendarDay[]): DayProblem[] {
  const problems: DayProblem[] = []
  const seen = new Map<string, number>()
  days.forEach((d, index) => {
    if (!isRealDate(d.date)) {
      problems.push({ index, path: `days.${index}.date`, message: `${d.date} 不是有效日期` })
      return
    }
    if (Number(d.date.slice(0, 4)) !== year) {
      problems.push({ index, path: `days.${index}.date`, message: `${d.date} 不在${year}年内` })
      return
    }
    const first = seen.get(d.date)
    if (first !== undefined) {
      problems.push({
        index,
        path: `days.${index}.date`,
        message: `${d.date} 与第${first + 1}项重叠（同一天只能是放假日或调休上班日之一）`,
      })
      return
    }
    seen.set(d.date, index)
    if (d.kind === 'workday') {
      const wd = weekdayOfDate(d.date)
      if (wd !== 0 && wd !== 6)
        problems.push({
          index,
          path: `days.${index}.date`,
          message: `${d.date} 是周一至周五，本来就是工作日，不必列为调休上班日`,
        })
    }
    if (!d.name.trim()) problems.push({ index, path: `days.${index}.name`, message: '请填写节日名称' })
  })
  return problems
}

/** Days sorted by date (a stored year keeps this order). */
export const sortDays = (days: readonly CalendarDay[]): CalendarDay[] =>
  [...days]
    .map((d) => ({ date: d.date, kind: d.kind, name: d.name.trim() }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))

const cstDate = cstDateOf
const cstMidnight = cstMidnightMs
const plusDays = (date: string, n: number): string => cstDate(cstMidnight(date) + n * DAY_MS)

/**
 * Working days on the package's years plus the entered ones. A year the package covers ignores an entered
 * version (the published schedule wins); `setHolidays` refuses such years anyway.
 */
export class WorkingCalendar {
  private readonly off = new Map<string, string>()
  private readonly work = new Map<string, string>()
  private readonly source = new Map<number, YearSource>()

  constructor(entered: readonly EnteredYear[] = []) {
    for (const y of PACKAGE_YEARS) this.addYear(y, BASE.get(y) ?? [], 'package')
    for (const e of entered) if (!this.source.has(e.year)) this.addYear(e.year, e.days, 'admin')
  }

  private addYear(year: number, days: readonly CalendarDay[], src: YearSource) {
    this.source.set(year, src)
    for (const d of days) (d.kind === 'holiday' ? this.off : this.work).set(d.date, d.name)
  }

  sourceOf(year: number): YearSource {
    return this.source.get(year) ?? 'none'
  }

  isCovered(year: number): boolean {
    return this.source.has(year)
  }

  isWorkingDay(date: string): boolean {
    if (this.off.has(date)) return false
    if (this.work.has(date)) return true
    const wd = weekdayOfDate(date)
    return wd >= 1 && wd <= 5
  }

  /** The holiday's name on a holiday date, null on other days. */
  holidayName(date: string): string | null {
    return this.off.get(date) ?? null
  }

  nthWorkingDayAfter(date: string, n: number): string {
    if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer')
    let d = date
    let left = n
    while (left > 0) {
      d = plusDays(d, 1)
      if (this.isWorkingDay(d)) left--
    }
    return d
  }

  /** End (23:59:59.999 +08:00) of the n-th working day after the calendar day of `from`, epoch ms. */
  workingDayDeadline(from: Date | number, n: number): number {
    const ms = typeof from === 'number' ? from : from.getTime()
    return cstMidnight(this.nthWorkingDayAfter(cstDate(ms), n)) + DAY_MS - 1
  }

  extendDeadline(deadlineMs: number, n: number): number {
    return this.workingDayDeadline(deadlineMs, n)
  }

  workingDaysBetween(fromDate: string, toDate: string): number {
    if (toDate <= fromDate) return 0
    let n = 0
    for (let d = plusDays(fromDate, 1); d <= toDate; d = plusDays(d, 1)) if (this.isWorkingDay(d)) n++
    return n
  }

  /** Years between two moments (inclusive, China time) that neither the package nor an admin covers. */
  uncoveredYears(fromMs: number, toMs: number): number[] {
    const a = Number(cstDate(fromMs).slice(0, 4))
    const b = Number(cstDate(toMs).slice(0, 4))
    const out: number[] = []
    for (let y = a; y <= b; y++) if (!this.isCovered(y)) out.push(y)
    return out
  }
}

/** Days ahead staff are warned about: a deadline set today can reach this far (longest answer time + extension). */
export const COVERAGE_HORIZON_DAYS = 60

/**
 * The warning staff see while deadlines within the horizon may fall in a year nobody entered: those deadlines
 * count Monday–Friday only. null when every year in reach is covered.
 */
export function coverageWarning(cal: WorkingCalendar, nowMs: number): string | null {
  const years = cal.uncoveredYears(nowMs, nowMs + COVERAGE_HORIZON_DAYS * DAY_MS)
  if (!years.length) return null
  return `${years.map((y) => `${y}年`).join('、')}节假日安排尚未录入：落在这些年份的办理期限暂按周一至周五为工作日计算，节假日不顺延。请管理员在「节假日日历」中录入国务院办公厅公布的安排。`
}
