import type { z } from 'zod'
import type { trainingActions } from '../../../shared/actions/training'
import { AppError } from '../../../shared/errors'
import type { SignupResult } from '../../../shared/training/views'
import { requireCaller, type ActionContext } from '../../_core/function'
import { once } from '../../_core/idempotency'
import { addToWaitlistCount, getCourse, joinWaitlistWhileFull, takeSeat, type CourseDoc } from '../repositories/course.repository'
import { casStatus, getSignup, insertSignup, signupIdOf, waitlistKeyOf, waitlistPosition, type SignupDoc, type SignupStatus } from '../repositories/signup.repository'
import { fillFreeSeats } from '../helpers/seats'
import { toIsoCst } from '../../../shared/calendar/chinaTime'

type Input = z.output<typeof trainingActions.actions.signup.input>
export type { SignupResult }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export async function signupResult(s: SignupDoc): Promise<SignupResult> {
  const status = s.status === 'waitlisted' || s.status === 'attended' || s.status === 'completed' ? s.status : 'confirmed'
  return {
    signupId: s._id,
    courseId: s.courseId,
    status,
    waitlistPosition: s.status === 'waitlisted' ? await waitlistPosition(s) : null,
  }
}

export function assertOpenForSignup(course: CourseDoc | null, nowMs: number): CourseDoc {
  if (!course) throw new AppError('NOT_FOUND', '课程不存在或已下架')
  if (course.status === 'cancelled') throw new AppError('CONFLICT', '该课程已取消，无法报名')
  if (nowMs > course.signupDeadlineMs) {
    throw new AppError('CONFLICT', `报名已于 ${course.signupDeadline.slice(0, 16).replace('T', ' ')} 截止`)
  }
  return course
}

/** Waits briefly for a concurrent signup of the same person to settle, then answers with it. */
async function settled(id: string): Promise<SignupDoc> {
  for (let i = 0; i < 100; i++) {
    const s = await getSignup(id)
    if (s && s.status !== 'pending') return s
    await sleep(20)
  }
  throw new AppError('CONFLICT', '报名正在处理中，请稍后在「我的报名」查看')
}

/** The fields that put a signup on the waitlist now (order: waitlistKey = time, then id). */
function onWaitlist(id: string, nowMs: number): Partial<SignupDoc> & { status: 'waitlisted' } {
  return { status: 'waitlisted', waitlistedAtMs: nowMs, waitlistKey: waitlistKeyOf(nowMs, id), confirmedAt: null, promotedAt: null, cancelledAt: null, updatedAtMs: nowMs }
}

/**
 * One signup per person and course, in as few database round trips as the guarantees allow (a burst of a
 * thousand people is served by the same database as everyone else):
 * - course not full: insert `pending` → take a seat by a conditional update → `confirmed` (or, when the last seat
 *   went to someone else meanwhile, `waitlisted`);
 * - course full: insert straight onto the waitlist.
 * A waitlisted signup then counts itself in with a conditional update that also checks the course is still full.
 * When it is not (a seat was freed after our read), the free seats are filled in waitlist order. A cancellation
 * does the same after freeing a seat, so a free seat and a waiting person never stay apart.
 */
export async function signup(input: Input, ctx: ActionContext): Promise<SignupResult> {
  const caller = requireCaller(ctx)
  return once(ctx, input.requestId, async () => {
    const now = ctx.now()
    const course = assertOpenForSignup(await getCourse(input.courseId), now.getTime())
    const id = signupIdOf(course._id, caller.openid)
    const at = toIsoCst(now)
    const full = course.confirmedCount >= course.capacity
    const base = { _id: id, courseId: course._id, openid: caller.openid, createdAt: at }
    // the waitlist fields this call wrote last (a signup goes onto the waitlist at most once per call)
    let queued = onWaitlist(id, now.getTime())
    const enqueue = () => (queued = onWaitlist(id, ctx.now().getTime()))
    // a new (or reopened) signup: pending while it takes a seat, or straight onto the waitlist
    const fresh = (): Partial<SignupDoc> & { status: SignupStatus } =>
      full ? enqueue() : { status: 'pending', waitlistedAtMs: null, waitlistKey: null, confirmedAt: null, promotedAt: null, cancelledAt: null, updatedAtMs: now.getTime() }

    if (!(await insertSignup({ ...base, ...fresh() } as SignupDoc))) {
      const existing = await getSignup(id)
      if (existing && existing.status !== 'cancelled') return signupResult(await settled(id))
      if (!(await casStatus(id, 'cancelled', fresh()))) return signupResult(await settled(id))
    }

    if (!full) {
      if (await takeSeat(course._id, course.capacity)) {
        await casStatus(id, 'pending', { status: 'confirmed', confirmedAt: at, updatedAtMs: now.getTime() })
        return { signupId: id, courseId: course._id, status: 'confirmed', waitlistPosition: null }
      }
      await casStatus(id, 'pending', enqueue())
    }

    if (!(await joinWaitlistWhileFull(course._id, course.capacity))) {
      // a seat was freed after our read: count in, then seat the waitlist in order (perhaps us)
      await addToWaitlistCount(course._id, 1)
      await fillFreeSeats(course._id, ctx)
      const after = await getSignup(id)
      if (after && after.status !== 'waitlisted') return signupResult(after)
    }
    return signupResult({ ...base, ...queued } as SignupDoc)
  })
}
