/** The content hold of a feedback item: the texts checked as one, the check verdict, the recheck delay, and the answer deadlines the item starts with. */
import { BASE_CALENDAR } from '../../../shared/calendar/workingDay'
import { startClock } from '../../../shared/calendar/caseClock'
import type { WorkingCalendar } from '../../../shared/calendar/holidayCalendar'
import type { FeedbackCategory } from '../../../shared/feedback/rules'
import { deadlineRules } from '../config'
import { contentChecker, type CheckVerdict } from '../services/contentCheck.service'
import { toIsoCst } from '../../../shared/calendar/chinaTime'

export const RECHECK_DELAY_MS = 5 * 60_000

/**
 * The free texts of an item that staff and (in stats) others read, checked as one text: the content, the place
 * and the service name (the registry's contentCheck rule leaves them to this hold-and-recheck path).
 */
export const checkedText = (d: { content: string; place?: string | null; serviceName?: string | null }): string =>
  [d.content, d.place, d.serviceName]
    .filter((t): t is string => typeof t === 'string' && t.trim().length > 0)
    .join('\n')

/**
 * Text first, then each image; the first risky verdict wins, any unavailable one (or an image whose asynchronous
 * check is pending: a photo over img_sec_check's limits) holds the item.
 */
export async function checkContent(
  content: string,
  images: string[],
  openid: string,
  nowMs: number = Date.now(),
): Promise<CheckVerdict | 'riskyImage' | 'missingImage'> {
  const checker = contentChecker()
  const text = await checker.checkText({ content, openid })
  if (text === 'risky') return 'risky'
  let held = text === 'unavailable'
  for (const fileId of images) {
    const v = await checker.checkImage({ fileId, openid, nowMs })
    if (v === 'risky') return 'riskyImage'
    if (v === 'missing') return 'missingImage'
    if (v === 'unavailable' || v === 'pending') held = true
  }
  return held ? 'unavailable' : 'pass'
}

/** Deadlines on the given calendar (the package's years alone when none is given, e.g. for the seed). */
export function deadlinesFrom(now: Date, category: FeedbackCategory, cal: WorkingCalendar = BASE_CALENDAR) {
  const rules = deadlineRules()
  const acceptDueAtMs = startClock(now.getTime(), rules.acceptWithinWorkingDays, cal).dueAtMs
  const dueAtMs = startClock(now.getTime(), rules.answerWithinWorkingDays[category], cal).dueAtMs
  return { acceptDueAtMs, acceptDueAt: toIsoCst(acceptDueAtMs), dueAtMs, dueAt: toIsoCst(dueAtMs) }
}
