import type { z } from 'zod'
import type { trainingActions } from '../../../shared/actions/training'
import { AppError } from '../../../shared/errors'
import type { SignupResult } from '../../../shared/training/views'
import { toIsoCst } from '../../_core/clock'
import { requireCaller, type ActionContext } from '../../_core/function'
import { once } from '../../_core/idempotency'
import { addToWaitlistCount, getCourse, takeSeat, type CourseDoc } from '../repositories/course.repository'
import { casStatus, getSignup, insertSignup, signupIdOf, waitlistPosition, type SignupDoc } from '../repositories/signup.repository'
import { fillFreeSeats } from './seats'

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

export async function signup(input: Input, ctx: ActionContext): Promise<SignupResult> {
  const caller = requireCaller(ctx)
  return once(ctx, input.requestId, async () => {
    const now = ctx.now()
    const course = assertOpenForSignup(await getCourse(input.courseId), now.getTime())
    const id = signupIdOf(course._id, caller.openid)
    const at = toIsoCst(now)

    const existing = await getSignup(id)
    if (existing && existing.status !== 'cancelled') return signupResult(await settled(id))
    if (existing) {
      const reopened = await casStatus(id, 'cancelled', { status: 'pending', cancelledAt: null, waitlistedAtMs: null, updatedAtMs: now.getTime() })
      if (!reopened) return signupResult(await settled(id))
    } else {
      const inserted = await insertSignup({ _id: id, courseId: course._id, openid: caller.openid, status: 'pending', createdAt: at, updatedAtMs: now.getTime() })
      if (!inserted) return signupResult(await settled(id))
    }

    if (await takeSeat(course._id, course.capacity)) {
      await casStatus(id, 'pending', { status: 'confirmed', confirmedAt: at, updatedAtMs: now.getTime() })
      return { signupId: id, courseId: course._id, status: 'confirmed', waitlistPosition: null }
    }
    const waiting: SignupDoc = { _id: id, courseId: course._id, openid: caller.openid, status: 'waitlisted', createdAt: at, waitlistedAtMs: now.getTime(), updatedAtMs: now.getTime() }
    await casStatus(id, 'pending', { status: 'waitlisted', waitlistedAtMs: now.getTime(), updatedAtMs: now.getTime() })
    await addToWaitlistCount(course._id, 1)
    await fillFreeSeats(course._id, ctx)
    const after = await getSignup(id)
    return signupResult(after && after.status !== 'pending' ? after : waiting)
  })
}
