/**
 * Chinese date formats, one place for the whole app. Always China time, whatever time zone the phone is set
 * to (shared/calendar/chinaTime reads the UTC+8 wall clock of an instant).
 */
import { cstWallClock } from '@shared/calendar/chinaTime'

const pad = (n: number) => String(n).padStart(2, '0')
const wall = (iso: string) => {
  const d = cstWallClock(iso)
  return Number.isNaN(d.getTime()) ? null : d
}

/** 2026年11月23日 (a bare YYYY-MM-DD is a China calendar date already) */
export const formatDate = (iso: string | null | undefined): string => {
  if (!iso) return ''
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (m) return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`
  const d = wall(iso)
  return d ? `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日` : ''
}
/** 11月23日 14:05, with the year (2027年2月13日 09:00) when it is not this year in China time. */
export const formatDateTime = (iso: string | null | undefined, nowMs: number = Date.now()): string => {
  if (!iso) return ''
  const d = wall(iso)
  if (!d) return ''
  const year = d.getUTCFullYear() === cstWallClock(nowMs).getUTCFullYear() ? '' : `${d.getUTCFullYear()}年`
  return `${year}${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}
/** The hour (0–23) in China time now. */
export const chinaHour = (nowMs: number = Date.now()): number => cstWallClock(nowMs).getUTCHours()

/** 早上好 / 上午好 / 中午好 / 下午好 / 晚上好 by the hour of the given time. */
export function greeting(hour: number): string {
  if (hour < 6) return '晚上好'
  if (hour < 9) return '早上好'
  if (hour < 12) return '上午好'
  if (hour < 14) return '中午好'
  if (hour < 18) return '下午好'
  return '晚上好'
}
