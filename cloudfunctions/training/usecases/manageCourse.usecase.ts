/** Course management by staff (admins; provider accounts map onto the admin role for now: docs/authz.md). */
import type { z } from 'zod'
import type { trainingActions } from '../../../shared/actions/training'
import { deepLinks } from '../../../shared/deepLinks'
import { AppError } from '../../../shared/errors'
import { audit } from '../../_core/audit'
import type { ActionContext } from '../../_core/function'
import { enqueueNotification } from '../../_core/notifications'
import { getCourse, insertCourse, setCourseFields, type CourseDoc } from '../repositories/course.repository'
import { activeSignupsOfCourse } from '../repositories/signup.repository'
import { occupationName } from '../helpers/occupation'
import { toIsoCst } from '../../../shared/calendar/chinaTime'

type CreateInput = z.output<typeof trainingActions.actions.create.input>
type CancelInput = z.output<typeof trainingActions.actions.cancelCourse.input>

export async function createCourse(input: CreateInput, ctx: ActionContext): Promise<{ id: string }> {
  const now = ctx.now()
  const startAtMs = Date.parse(input.startAt)
  const deadlineMs = Date.parse(input.signupDeadline)
  if (deadlineMs > startAtMs) throw new AppError('VALIDATION_FAILED', '报名截止时间不能晚于开课时间')
  if (startAtMs < now.getTime()) throw new AppError('VALIDATION_FAILED', '开课时间不能早于现在')
  const endAt = input.endAt ?? toIsoCst(startAtMs + 3 * 3600_000)
  const sessions = (input.sessions ?? [{ startAt: input.startAt, endAt }]).map((s) => ({
    startAt: s.startAt,
    endAt: s.endAt,
    startAtMs: Date.parse(s.startAt),
    topic: s.topic,
  }))
  const id = `course_${now.getTime().toString(36)}${Math.random().toString(36).slice(2, 8)}`
  const doc: CourseDoc = {
    _id: id,
    title: input.title,
    providerName: input.providerName ?? '公共就业服务培训机构',
    occupationCode: input.occupationCode,
    occupationName: occupationName(input.occupationCode),
    level: input.level ?? 'junior',
    mode: input.mode ?? 'offline',
    regionCode: input.regionCode,
    cityCode: input.regionCode.slice(0, 4) + '00',
    address: input.address ?? '',
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    capacity: input.capacity,
    confirmedCount: 0,
    waitlistCount: 0,
    fee: input.fee ?? 0,
    subsidyPolicyId: 'vocational-training-subsidy',
    subsidyAmount: null,
    certificateType: input.certificateType ?? 'skillLevel',
    startAt: toIsoCst(startAtMs),
    startAtMs,
    endAt: toIsoCst(Date.parse(endAt)),
    sessions: sessions.map((s) => ({ ...s, startAt: toIsoCst(s.startAtMs), endAt: toIsoCst(Date.parse(s.endAt)) })),
    sessionStartsMs: sessions.map((s) => s.startAtMs),
    signupDeadline: toIsoCst(deadlineMs),
    signupDeadlineMs: deadlineMs,
    status: 'open',
    createdAt: toIsoCst(now),
  }
  await insertCourse(doc)
  await audit(ctx, {
    event: 'training.create',
    targetType: 'course',
    targetId: id,
    outcome: 'ok',
    detail: { title: doc.title, capacity: doc.capacity },
  })
  return { id }
}

export async function cancelCourse(input: CancelInput, ctx: ActionContext): Promise<{ notified: number }> {
  const course = await getCourse(input.courseId)
  if (!course) throw new AppError('NOT_FOUND', '课程不存在或已下架')
  if (course.status === 'cancelled') throw new AppError('CONFLICT', '该课程已取消')
  const now = ctx.now()
  await setCourseFields(course._id, { status: 'cancelled', cancelReason: input.reason })
  const affected = await activeSignupsOfCourse(course._id, ['confirmed', 'waitlisted'])
  for (const s of affected) {
    await enqueueNotification(
      {
        key: `training:courseCancelled:${s._id}`,
        openid: s.openid,
        template: 'trainingReminder',
        data: {
          courseTitle: course.title,
          startAt: course.startAt,
          address: course.address || '线上课程',
          status: '课程取消',
        },
        page: deepLinks.trainingCourse(course._id),
        title: '课程已取消',
        body: `你报名的课程「${course.title}」已取消：${input.reason}。可以在培训目录中选择其他课程。`,
        fallback: null,
        source: { module: 'training', refId: s._id },
      },
      now,
    )
  }
  await audit(ctx, {
    event: 'training.cancelCourse',
    targetType: 'course',
    targetId: course._id,
    outcome: 'ok',
    detail: { reason: input.reason, affected: affected.length },
  })
  return { notified: affected.length }
}
