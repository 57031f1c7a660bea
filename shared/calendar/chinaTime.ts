/**
 * China time (Asia/Shanghai, UTC+8, no daylight saving): the one place that knows the +8 h offset.
 * Every conversion between an instant and a China calendar date or wall-clock reading goes through here
 * (functions, mock, seed and the mini-program alike); nothing else writes `8 * 3600_000`.
 * Pure: no I/O, no holiday data (that is `./workingDay.ts`), so the mini-program's main package can import it.
 */

/** UTC+8, in ms. */
export const CST_OFFSET_MS = 8 * 3_600_000
export const DAY_MS = 86_400_000

const ms = (t: Date | number | string): number => (typeof t === 'number' ? t : new Date(t).getTime())

/**
 * A Date whose UTC fields (getUTCFullYear … getUTCSeconds, getUTCDay) read the China wall clock at `t`.
 * Only for reading fields; never pass it on as an instant.
 */
export function cstWallClock(t: Date | number | string): Date {
  return new Date(ms(t) + CST_OFFSET_MS)
}

/** 'YYYY-MM-DD' of a moment, in China time. */
export function cstDateOf(t: Date | number | string): string {
  return cstWallClock(t).toISOString().slice(0, 10)
}

/** ISO-8601 with +08:00 (the contract's time format), milliseconds included. */
export function toIsoCst(t: Date | number | string): string {
  return cstWallClock(t).toISOString().replace('Z', '+08:00')
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Midnight (00:00 +08:00) of a 'YYYY-MM-DD' date, in epoch ms. Throws on anything else. */
export function cstMidnightMs(date: string): number {
  const m = DATE_RE.exec(date)
  if (!m) throw new RangeError(`not a date: ${date}`)
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - CST_OFFSET_MS
}

/**
 * Lenient form for stored data: midnight (China time) of the date a value starts with ('YYYY-MM-DD…'), an
 * ISO instant parsed as such otherwise, NaN when absent or malformed.
 */
export function cstDateMs(date: string | null | undefined): number {
  if (!date) return NaN
  const d = /^\d{4}-\d{2}-\d{2}/.exec(date)?.[0]
  return d ? cstMidnightMs(d) : Date.parse(date)
}

/** End of a China day: 23:59:59.999 +08:00, epoch ms. */
export const endOfCstDayMs = (date: string): number => cstMidnightMs(date) + DAY_MS - 1

/** Midnight (China time) of the day containing `t`, epoch ms. */
export function cstStartOfDayMs(t: Date | number): number {
  return Math.floor((ms(t) + CST_OFFSET_MS) / DAY_MS) * DAY_MS - CST_OFFSET_MS
}

/** The next 00:00 in China time strictly after `t`, epoch ms. */
export const nextCstMidnightMs = (t: Date | number): number => cstStartOfDayMs(t) + DAY_MS

/** Midnight (China time) of the first day of the month containing `t`. */
export function cstMonthStartMs(t: Date | number): number {
  const w = cstWallClock(t)
  return Date.UTC(w.getUTCFullYear(), w.getUTCMonth(), 1) - CST_OFFSET_MS
}

/** Midnight (China time) of the first day of a month; `month0` is 0-based and may overflow (Date.UTC rules). */
export const cstMonthMs = (year: number, month0: number): number => Date.UTC(year, month0, 1) - CST_OFFSET_MS

/** Whole days since 1970-01-01 in China time. */
export const cstDayNumber = (t: Date | number): number => Math.floor((ms(t) + CST_OFFSET_MS) / DAY_MS)
