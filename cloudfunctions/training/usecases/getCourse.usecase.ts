import type { z } from 'zod'
import type { trainingActions } from '../../../shared/actions/training'
import { AppError } from '../../../shared/errors'
import { requireCaller, type ActionContext } from '../../_core/function'
import { getCourse } from '../repositories/course.repository'
import { getSignup, signupIdOf } from '../repositories/signup.repository'
import type { CourseDetail } from '../../../shared/training/views'
import { courseView } from '../helpers/courseView'
import { signupResult } from '../helpers/signupView'
import { subsidyFor } from '../helpers/subsidy'

type Input = z.output<typeof trainingActions.actions.get.input>

export async function getCourseDetail(input: Input, ctx: ActionContext): Promise<CourseDetail> {
  const caller = requireCaller(ctx)
  const course = await getCourse(input.id)
  if (!course) throw new AppError('NOT_FOUND', '课程不存在或已下架')
  const s = await getSignup(signupIdOf(course._id, caller.openid))
  return {
    ...courseView(course),
    sessions: course.sessions.map((x) => ({ startAt: x.startAt, endAt: x.endAt, topic: x.topic ?? null })),
    cancelReason: course.cancelReason ?? null,
    mySignup: s && s.status !== 'cancelled' && s.status !== 'pending' ? await signupResult(s) : null,
    subsidy: await subsidyFor(course, caller.user.personId ?? null, ctx.now()),
  }
}
