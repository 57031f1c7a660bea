/**
 * Calendar arithmetic shared by the single-person and the batch path, so both give the same answer.
 *
 * A date is keyed as ((year × 12 + month − 1) × 32 + day): keys order like dates, and "at least n full months
 * from a to b" is exactly `key(a) + 32n ≤ key(b)` (a day-of-month that the later month lacks counts as reached
 * on the first of the following month, the usual civil rule for 满 n 个月 / 周岁).
 */
export const NO_DATE = -1

const DIGIT0 = 48

function digits(s: string, from: number, len: number): number {
  let v = 0
  for (let i = from; i < from + len; i++) {
    const c = s.charCodeAt(i) - DIGIT0
    if (c < 0 || c > 9) return -1
    v = v * 10 + c
  }
  return v
}

/** YYYY-MM-DD (a longer ISO string is cut to its date part) → key; NO_DATE when it does not parse. */
export function dateKey(s: string): number {
  if (typeof s !== 'string' || s.length < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return NO_DATE
  const y = digits(s, 0, 4)
  const m = digits(s, 5, 2)
  const d = digits(s, 8, 2)
  if (y < 1900 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return NO_DATE
  return (y * 12 + m - 1) * 32 + d
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31
}

export const MONTH = 32

/** The first calendar date whose key is ≥ k, as YYYY-MM-DD. */
export function keyToDate(k: number): string {
  let mi = Math.floor(k / 32)
  let d = k - mi * 32
  let y = Math.floor(mi / 12)
  let m = mi - y * 12 + 1
  if (d < 1) d = 1
  if (d > daysInMonth(y, m)) {
    d = 1
    mi += 1
    y = Math.floor(mi / 12)
    m = mi - y * 12 + 1
  }
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

export const yearOfKey = (k: number): number => Math.floor(k / 32 / 12)

/** Full months from a to b, the same arithmetic as the threshold test `a + 32n ≤ b`. */
export function monthsBetween(a: number, b: number): number {
  const ma = Math.floor(a / 32)
  const mb = Math.floor(b / 32)
  const da = a - ma * 32
  const db = b - mb * 32
  return mb - ma - (db < da ? 1 : 0)
}
