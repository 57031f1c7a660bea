/** Timer trigger `remind`: the day before a session, every confirmed trainee gets a reminder (once per session). */
import { deepLinks } from '../../../shared/deepLinks'
import type { TriggerContext } from '../../_core/function'
import { enqueueNotification } from '../../_core/notifications'
import { coursesWithSessionBetween } from '../repositories/course.repository'
import { activeSignupsOfCourse } from '../repositories/signup.repository'
import { cstStartOfDayMs } from '../../../shared/calendar/chinaTime'

const DAY = 86400_000

/** Start of tomorrow in China time, as epoch ms. */
export function tomorrowWindow(nowMs: number): { from: number; to: number } {
  const startOfToday = cstStartOfDayMs(nowMs)
  return { from: startOfToday + DAY, to: startOfToday + 2 * DAY }
}

export async function remindTomorrow(ctx: TriggerContext): Promise<{ courses: number; reminders: number }> {
  const now = ctx.now()
  const { from, to } = tomorrowWindow(now.getTime())
  const courses = await coursesWithSessionBetween(from, to)
  let reminders = 0
  for (const c of courses) {
    const session = c.sessions.find((s) => s.startAtMs >= from && s.startAtMs < to)
    if (!session) continue
    const signups = await activeSignupsOfCourse(c._id, ['confirmed', 'attended'])
    for (const s of signups) {
      const r = await enqueueNotification(
        {
          key: `training:remind:${s._id}:${session.startAtMs}`,
          openid: s.openid,
          template: 'trainingReminder',
          data: {
            courseTitle: c.title,
            startAt: session.startAt,
            address: c.mode === 'online' ? '线上课程' : c.address,
            status: '明天开课',
          },
          page: deepLinks.trainingCourse(c._id),
          title: '培训明天开课',
          body: `你报名的「${c.title}」明天 ${session.startAt.slice(11, 16)} 开课，地点：${c.mode === 'online' ? '线上' : c.address}。`,
          fallback: null,
          source: { module: 'training', refId: s._id },
        },
        now,
      )
      if (!r.duplicate) reminders++
    }
  }
  return { courses: courses.length, reminders }
}
