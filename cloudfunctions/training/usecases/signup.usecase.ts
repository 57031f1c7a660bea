import type { z } from 'zod'
import type { trainingActions } from '../../../shared/actions/training'
import { AppError } from '../../../shared/errors'
import type { SignupResult } from '../../../shared/training/views'
import { requireCaller, type ActionContext } from '../../_core/function'
import {
  addToWaitlistCount,
  getCourse,
  joinWaitlistWhileFull,
  releaseSeat,
  takeSeat,
  type CourseDoc,
} from '../repositories/course.repository'
import {
  casStatus,
  getSignup,
  insertSignup,
  signupIdOf,
  waitlistKeyOf,
  type SignupDoc,
  type SignupStatus,
} from '../repositories/signup.repository'
import { fillFreeSeats } from '../helpers/seats'
import { toIsoCst } from '../../../shared/calendar/chinaTime'
import { signupResult } from '../helpers/signupView'

type Input = z.output<typeof trainingActions.actions.signup.input>
export type { SignupResult }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

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
  return {
    status: 'waitlisted',
    waitlistedAtMs: nowMs,
    waitlistKey: waitlistKeyOf(nowMs, id),
    confirmedAt: null,
    promotedAt: null,
    cancelledAt: null,
    updatedAtMs: nowMs,
  }
}

/**
 * The first answer again for a repeated requestId, from the signup itself (it carries the request that made it):
 * any settled signup of this person for the course, or — cancelled since — the one this request made.
 */
async function replayed(courseId: string, openid: string, requestId: string): Promise<SignupResult | undefined> {
  const s = await getSignup(signupIdOf(courseId, openid))
  if (!s || s.status === 'pending') return undefined
  if (s.status !== 'cancelled') return signupResult(s)
  if (s.requestId !== requestId) return undefined
  return cancelledReplay(s)
}

const cancelledReplay = (s: SignupDoc): SignupResult => ({
  signupId: s._id,
  courseId: s.courseId,
  status: s.confirmedAt ? 'confirmed' : 'waitlisted',
  waitlistPosition: null,
})

/**
 * One signup per person and course, in as few database round trips as the guarantees allow (a burst of a
 * thousand people is served by the same database as everyone else):
 * - course not full: take a seat by a conditional update, then insert the signup `confirmed` (when this person
 *   already has a signup for the course, the seat is given back and the existing signup decides);
 * - course full (or the last seat went to someone else meanwhile): insert straight onto the waitlist;
 * - a cancelled signup reopens: `pending` while it takes a seat, or onto the waitlist.
 * A waitlisted signup then counts itself in with a conditional update that also checks the course is still full.
 * When it is not (a seat was freed after our read), the free seats are filled in waitlist order. A cancellation
 * does the same after freeing a seat, so a free seat and a waiting person never stay apart.
 *
 * Idempotency without a separate claim: the signup's `_id` is the person and the course, so a repeat can never
 * book twice, and the signup records the requestId that made (or reopened) it. The same requestId again answers
 * from that signup and never reopens it after a cancellation; a refusal (deadline, cancelled course) is answered
 * again unless the first call had booked.
 */
export async function signup(input: Input, ctx: ActionContext): Promise<SignupResult> {
  const caller = requireCaller(ctx)
  const now = ctx.now()
  let course: CourseDoc
  try {
    course = assertOpenForSignup(await getCourse(input.courseId), now.getTime())
  } catch (e) {
    const first =
      e instanceof AppError && e.code === 'CONFLICT'
        ? await replayed(input.courseId, caller.openid, input.requestId)
        : undefined
    if (first) return first
    throw e
  }
  const id = signupIdOf(course._id, caller.openid)
  const at = toIsoCst(now)
  let full = course.confirmedCount >= course.capacity
  const base = { _id: id, courseId: course._id, openid: caller.openid, createdAt: at }
  // the waitlist fields this call wrote last (a signup goes onto the waitlist at most once per call)
  let queued = onWaitlist(id, now.getTime())
  const enqueue = () => (queued = onWaitlist(id, ctx.now().getTime()))
  // a new (or reopened) signup: pending while it takes a seat, or straight onto the waitlist
  const fresh = (): Partial<SignupDoc> & { status: SignupStatus } => ({
    requestId: input.requestId,
    ...(full
      ? enqueue()
      : {
          status: 'pending',
          waitlistedAtMs: null,
          waitlistKey: null,
          confirmedAt: null,
          promotedAt: null,
          cancelledAt: null,
          updatedAtMs: now.getTime(),
        }),
  })

  if (!full) {
    if (await takeSeat(course._id, course.capacity)) {
      const confirmed = {
        ...base,
        requestId: input.requestId,
        status: 'confirmed',
        waitlistedAtMs: null,
        waitlistKey: null,
        confirmedAt: at,
        promotedAt: null,
        cancelledAt: null,
        updatedAtMs: now.getTime(),
      } as SignupDoc
      if (await insertSignup(confirmed))
        return { signupId: id, courseId: course._id, status: 'confirmed', waitlistPosition: null }
      // this person already has a signup for the course: the seat goes back (to the waitlist, if anyone waits)
      await releaseSeat(course._id)
      await fillFreeSeats(course._id, ctx)
    } else full = true
  }

  if (!(await insertSignup({ ...base, ...fresh() } as SignupDoc))) {
    const existing = await getSignup(id)
    if (existing && existing.status !== 'cancelled') return signupResult(await settled(id))
    // the same request again after a cancellation: its first answer, no new booking
    if (existing && existing.requestId === input.requestId) return cancelledReplay(existing)
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
}
