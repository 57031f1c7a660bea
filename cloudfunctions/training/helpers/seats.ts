/**
 * Seat accounting. The course's `confirmedCount` only moves by conditional atomic updates (take a seat only
 * while one is free), and a signup only moves between states by compare-and-set, so concurrent signups and
 * cancellations can neither overbook a course nor promote anyone twice.
 */
import { deepLinks } from '../../../shared/deepLinks'
import { enqueueNotification } from '../../_core/notifications'
import type { ActionContext, TriggerContext } from '../../_core/function'
import { addToWaitlistCount, getCourse, releaseSeat, takeSeat, type CourseDoc } from '../repositories/course.repository'
import { casStatus, firstWaitlisted, type SignupDoc } from '../repositories/signup.repository'
import { toIsoCst } from '../../../shared/calendar/chinaTime'

type Ctx = Pick<ActionContext, 'now'> | Pick<TriggerContext, 'now'>

/** Moves the first waitlisted person (if any) into a seat the caller already holds. */
export async function promoteIntoHeldSeat(course: CourseDoc, ctx: Ctx): Promise<SignupDoc | null> {
  for (let round = 0; round < 20; round++) {
    const candidates = await firstWaitlisted(course._id, 5)
    if (candidates.length === 0) return null
    for (const s of candidates) {
      const now = ctx.now()
      const promotedAt = toIsoCst(now)
      const moved = await casStatus(s._id, 'waitlisted', {
        status: 'confirmed',
        promotedAt,
        confirmedAt: promotedAt,
        updatedAtMs: now.getTime(),
      })
      if (!moved) continue
      await addToWaitlistCount(course._id, -1)
      await notifyPromoted(course, s, now)
      return { ...s, status: 'confirmed', promotedAt }
    }
  }
  return null
}

/** While seats are free and people wait, seat them (closes the race between a cancel and a new signup). */
export async function fillFreeSeats(courseId: string, ctx: Ctx): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    const course = await getCourse(courseId)
    if (!course || course.status !== 'open' || course.waitlistCount <= 0 || course.confirmedCount >= course.capacity)
      return
    if (!(await takeSeat(courseId, course.capacity))) return
    const promoted = await promoteIntoHeldSeat(course, ctx)
    if (!promoted) {
      await releaseSeat(courseId)
      return
    }
  }
}

async function notifyPromoted(course: CourseDoc, s: SignupDoc, now: Date): Promise<void> {
  await enqueueNotification(
    {
      key: `training:promoted:${s._id}:${now.getTime()}`,
      openid: s.openid,
      template: 'trainingPromoted',
      data: {
        courseTitle: course.title,
        startAt: course.startAt,
        address: course.mode === 'online' ? '线上课程' : course.address,
        status: '候补成功',
      },
      page: deepLinks.trainingCourse(course._id),
      title: '候补成功，已为你保留名额',
      body: `你候补的课程「${course.title}」已有空位，现已为你确认报名，开课时间 ${course.startAt.slice(0, 16).replace('T', ' ')}。`,
      fallback: null,
      source: { module: 'training', refId: s._id },
    },
    now,
  )
}
