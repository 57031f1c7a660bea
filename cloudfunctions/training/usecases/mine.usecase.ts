import type { z } from 'zod'
import type { trainingActions } from '../../../shared/actions/training'
import type { Page } from '../../../shared/actions/common'
import { requireCaller, type ActionContext } from '../../_core/function'
import { decodeCursor, encodeCursor, pageSizeOf } from '../../_core/paging'
import { getCourse } from '../repositories/course.repository'
import { recordsOf, type TrainingRecordDoc } from '../repositories/record.repository'
import { signupsOf } from '../repositories/signup.repository'
import type { MySignup, TrainingRecordView } from '../../../shared/training/views'
import { courseView } from '../helpers/courseView'
import { signupResult } from '../helpers/signupView'

type PageInput = z.output<typeof trainingActions.actions.mySignups.input>
const isKey = (v: unknown): v is { m: number; i: string } =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as { m: unknown }).m === 'number' &&
  typeof (v as { i: unknown }).i === 'string'

/** The caller's signups, newest change first, with the waitlist position. Cancelled ones are included. */
export async function mySignups(input: PageInput, ctx: ActionContext): Promise<Page<MySignup>> {
  const caller = requireCaller(ctx)
  const size = pageSizeOf(input.pageSize)
  const after = decodeCursor(input.cursor, isKey)
  const rows = (await signupsOf(caller.openid, after?.m ?? null, after?.i ?? null, size + 1)).filter(
    (s) => s.status !== 'pending',
  )
  const page = rows.slice(0, size)
  const items = await Promise.all(
    page.map(async (s) => {
      const course = await getCourse(s.courseId)
      const base: Omit<MySignup, 'course'> =
        s.status === 'cancelled'
          ? { signupId: s._id, courseId: s.courseId, status: 'cancelled', waitlistPosition: null }
          : await signupResult(s)
      return { ...base, course: course ? courseView(course) : null }
    }),
  )
  const last = page[page.length - 1]
  return { items, nextCursor: rows.length > size && last ? encodeCursor({ m: last.updatedAtMs, i: last._id }) : null }
}

const recordView = (r: TrainingRecordDoc): TrainingRecordView => ({
  id: r._id,
  courseId: r.courseId,
  title: r.title,
  providerName: r.providerName,
  occupationCode: r.occupationCode,
  occupationName: r.occupationName,
  level: r.level,
  certificateType: r.certificateType,
  certificateNo: r.certificateNo,
  completedAt: r.completedAt,
})

/** The lifelong training record: every completed course with its certificate, newest first. */
export async function myRecords(input: PageInput, ctx: ActionContext): Promise<Page<TrainingRecordView>> {
  const caller = requireCaller(ctx)
  const size = pageSizeOf(input.pageSize)
  const after = decodeCursor(input.cursor, isKey)
  const rows = await recordsOf(caller.openid, after ? { ms: after.m, id: after.i } : null, size + 1)
  const page = rows.slice(0, size)
  const last = page[page.length - 1]
  return {
    items: page.map(recordView),
    nextCursor: rows.length > size && last ? encodeCursor({ m: last.completedAtMs, i: last._id }) : null,
  }
}
