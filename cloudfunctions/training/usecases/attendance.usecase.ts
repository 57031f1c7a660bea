/** The provider's side: roster, attendance, completion into the lifelong record. Every write is audited. */
import type { z } from 'zod'
import type { trainingActions } from '../../../shared/actions/training'
import type { Page } from '../../../shared/actions/common'
import { AppError } from '../../../shared/errors'
import { audit } from '../../_core/audit'
import type { ActionContext } from '../../_core/function'
import { decodeCursor, encodeCursor, pageSizeOf } from '../../_core/paging'
import { getCourse } from '../repositories/course.repository'
import { insertRecord } from '../repositories/record.repository'
import {
  casStatus,
  getSignup,
  signupsOfCourse,
  waitlistPosition,
  type SignupStatus,
} from '../repositories/signup.repository'
import { toIsoCst } from '../../../shared/calendar/chinaTime'

type RosterInput = z.output<typeof trainingActions.actions.roster.input>
type AttendInput = z.output<typeof trainingActions.actions.markAttendance.input>
type CompleteInput = z.output<typeof trainingActions.actions.complete.input>

const isKey = (v: unknown): v is { i: string } =>
  typeof v === 'object' && v !== null && typeof (v as { i: unknown }).i === 'string'

export async function roster(
  input: RosterInput,
  ctx: ActionContext,
): Promise<Page<{ signupId: string; status: SignupStatus; waitlistPosition: number | null; user: string }>> {
  void ctx
  if (!(await getCourse(input.courseId))) throw new AppError('NOT_FOUND', '课程不存在')
  const size = pageSizeOf(input.pageSize)
  const after = decodeCursor(input.cursor, isKey)
  const rows = await signupsOfCourse(input.courseId, input.status, after?.i ?? null, size + 1)
  const page = rows.slice(0, size)
  const items = await Promise.all(
    page.map(async (s) => ({
      signupId: s._id,
      status: s.status,
      waitlistPosition: s.status === 'waitlisted' ? await waitlistPosition(s) : null,
      user: `学员${s._id.slice(3, 9)}`,
    })),
  )
  const last = page[page.length - 1]
  return { items, nextCursor: rows.length > size && last ? encodeCursor({ i: last._id }) : null }
}

export async function markAttendance(
  input: AttendInput,
  ctx: ActionContext,
): Promise<{ results: { signupId: string; ok: boolean; reason?: string }[] }> {
  const course = await getCourse(input.courseId)
  if (!course) throw new AppError('NOT_FOUND', '课程不存在')
  const now = ctx.now()
  const results = []
  for (const id of input.signupIds) {
    const s = await getSignup(id)
    if (!s || s.courseId !== course._id) {
      results.push({ signupId: id, ok: false, reason: '不是本课程的报名' })
      continue
    }
    if (s.status === 'attended' || s.status === 'completed') {
      results.push({ signupId: id, ok: true })
      continue
    }
    const moved =
      s.status === 'confirmed' &&
      (await casStatus(id, 'confirmed', { status: 'attended', attendedAt: toIsoCst(now), updatedAtMs: now.getTime() }))
    results.push(
      moved ? { signupId: id, ok: true } : { signupId: id, ok: false, reason: '只有已确认报名的学员可以签到' },
    )
  }
  await audit(ctx, {
    event: 'training.markAttendance',
    targetType: 'course',
    targetId: course._id,
    outcome: 'ok',
    detail: { count: results.filter((r) => r.ok).length },
  })
  return { results }
}

export async function complete(
  input: CompleteInput,
  ctx: ActionContext,
): Promise<{ results: { signupId: string; ok: boolean; reason?: string }[] }> {
  const course = await getCourse(input.courseId)
  if (!course) throw new AppError('NOT_FOUND', '课程不存在')
  const now = ctx.now()
  const at = toIsoCst(now)
  const results = []
  for (const r of input.results) {
    const s = await getSignup(r.signupId)
    if (!s || s.courseId !== course._id) {
      results.push({ signupId: r.signupId, ok: false, reason: '不是本课程的报名' })
      continue
    }
    if (s.status !== 'attended' && s.status !== 'completed') {
      results.push({ signupId: r.signupId, ok: false, reason: '学员尚未签到，不能登记结业' })
      continue
    }
    if (s.status === 'attended')
      await casStatus(s._id, 'attended', { status: 'completed', completedAt: at, updatedAtMs: now.getTime() })
    await insertRecord({
      _id: `rec_${s._id}`,
      openid: s.openid,
      courseId: course._id,
      title: course.title,
      providerName: course.providerName,
      occupationCode: course.occupationCode,
      occupationName: course.occupationName,
      level: course.level,
      certificateType: course.certificateType,
      certificateNo: r.certificateNo || null,
      completedAt: at,
      completedAtMs: now.getTime(),
    })
    results.push({ signupId: r.signupId, ok: true })
  }
  await audit(ctx, {
    event: 'training.complete',
    targetType: 'course',
    targetId: course._id,
    outcome: 'ok',
    detail: { count: results.filter((x) => x.ok).length },
  })
  return { results }
}
