/** Chinese date formats (dayjs), one place for the whole app. */
import dayjs from 'dayjs'

/** 2026年11月23日 */
export const formatDate = (iso: string | null | undefined): string => (iso ? dayjs(iso).format('YYYY年M月D日') : '')
/** 11月23日 14:05 */
export const formatDateTime = (iso: string | null | undefined): string => (iso ? dayjs(iso).format('M月D日 HH:mm') : '')

/** 早上好 / 上午好 / 中午好 / 下午好 / 晚上好 by the hour of the given time. */
export function greeting(hour: number): string {
  if (hour < 6) return '晚上好'
  if (hour < 9) return '早上好'
  if (hour < 12) return '上午好'
  if (hour < 14) return '中午好'
  if (hour < 18) return '下午好'
  return '晚上好'
}
