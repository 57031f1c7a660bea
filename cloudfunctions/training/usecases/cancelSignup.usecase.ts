import type { z } from 'zod'
import type { trainingActions } from '../../../shared/actions/training'
import { AppError } from '../../../shared/errors'
import { requireCaller, type ActionContext } from '../../_core/function'
import { addToWaitlistCount, getCourse, releaseSeatAndRead } from '../repositories/course.repository'
import { casStatus, getSignup, signupIdOf } from '../repositories/signup.repository'
import { fillFreeSeats, promoteIntoHeldSeat } from '../helpers/seats'
import { toIsoCst } from '../../../shared/calendar/chinaTime'

type Input = z.output<typeof trainingActions.actions.cancel.input>

/** Cancels the caller's signup; a freed seat goes to the first person on the waitlist, who is notified. */
export async function cancelSignup(
  input: Input,
  ctx: ActionContext,
): Promise<{ status: 'cancelled'; promoted: boolean }> {
  const caller = requireCaller(ctx)
  const course = await getCourse(input.courseId)
  if (!course) throw new AppError('NOT_FOUND', '课程不存在或已下架')
  const id = signupIdOf(course._id, caller.openid)
  const s = await getSignup(id)
  if (!s || s.status === 'cancelled') throw new AppError('NOT_FOUND', '你没有报名这门课程')
  if (s.status === 'attended' || s.status === 'completed')
    throw new AppError('CONFLICT', '课程已开始学习，不能取消报名')
  if (s.status === 'pending') throw new AppError('CONFLICT', '报名正在处理中，请稍后再试')

  const now = ctx.now()
  const moved = await casStatus(id, s.status, {
    status: 'cancelled',
    cancelledAt: toIsoCst(now),
    updatedAtMs: now.getTime(),
  })
  if (!moved) throw new AppError('CONFLICT', '报名状态已变化，请刷新后重试')

  let promoted = false
  if (s.status === 'confirmed') {
    // nobody was waiting when we read the course: give the seat back, and fill it after all if someone joined the
    // waitlist meanwhile (the course as the release left it tells)
    promoted = course.waitlistCount > 0 && (await promoteIntoHeldSeat(course, ctx)) !== null
    if (!promoted) {
      const after = await releaseSeatAndRead(course._id)
      if (after && after.status === 'open' && after.waitlistCount > 0) await fillFreeSeats(course._id, ctx)
    }
  } else {
    await addToWaitlistCount(course._id, -1)
  }
  return { status: 'cancelled', promoted }
}
