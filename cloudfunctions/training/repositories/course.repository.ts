/** `courses`: the training catalogue. Seat counters change only by conditional atomic updates. */
import type { CertificateType, TrainingLevel, TrainingMode } from '../../../shared/training/views'
import { db } from '../../_core/app'

export interface CourseSession {
  startAt: string
  endAt: string
  startAtMs: number
  topic?: string
}

export interface CourseDoc {
  _id: string
  title: string
  providerName: string
  occupationCode: string
  occupationName: string
  level: TrainingLevel
  mode: TrainingMode
  regionCode: string
  cityCode: string
  address: string
  lat: number | null
  lng: number | null
  capacity: number
  confirmedCount: number
  waitlistCount: number
  fee: number
  /** The policy whose eligibility pays for this course (e.g. 职业培训补贴), or null. */
  subsidyPolicyId: string | null
  subsidyAmount: number | null
  certificateType: CertificateType
  startAt: string
  startAtMs: number
  endAt: string
  sessions: CourseSession[]
  sessionStartsMs: number[]
  signupDeadline: string
  signupDeadlineMs: number
  status: 'open' | 'cancelled'
  cancelReason?: string
  createdAt: string
}

export interface CourseFilter {
  cityCode?: string
  districtCode?: string
  occupationCode?: string
  level?: CourseDoc['level']
  mode?: CourseDoc['mode']
  startFromMs: number
  startToMs?: number
  hasSubsidy?: boolean
  keyword?: string
  bbox?: { minLat: number; maxLat: number; minLng: number; maxLng: number }
}

const col = () => db().collection('courses')

export async function getCourse(id: string): Promise<CourseDoc | null> {
  const res = await col().doc(id).get()
  return ((res.data as CourseDoc[]) ?? [])[0] ?? null
}

export async function insertCourse(doc: CourseDoc): Promise<void> {
  await col().add(doc)
}

export async function setCourseFields(id: string, patch: Partial<CourseDoc>): Promise<void> {
  await col().doc(id).update(patch)
}

function whereOf(f: CourseFilter): Record<string, unknown> {
  const _ = db().command
  const q: Record<string, unknown> = { status: 'open' }
  if (f.districtCode) q.regionCode = f.districtCode
  else if (f.cityCode) q.cityCode = f.cityCode
  if (f.occupationCode) q.occupationCode = f.occupationCode
  if (f.level) q.level = f.level
  if (f.mode) q.mode = f.mode
  q.startAtMs = f.startToMs !== undefined ? _.gte(f.startFromMs).and(_.lte(f.startToMs)) : _.gte(f.startFromMs)
  if (f.hasSubsidy === true) q.subsidyPolicyId = _.neq(null)
  if (f.hasSubsidy === false) q.subsidyPolicyId = null
  if (f.keyword) q.title = db().RegExp({ regexp: f.keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), options: 'i' })
  if (f.bbox) {
    q.lat = _.gte(f.bbox.minLat).and(_.lte(f.bbox.maxLat))
    q.lng = _.gte(f.bbox.minLng).and(_.lte(f.bbox.maxLng))
  }
  return q
}

/** Keyset page ordered by start time then _id. */
export async function findCourses(
  f: CourseFilter,
  after: { startAtMs: number; id: string } | null,
  limit: number,
): Promise<CourseDoc[]> {
  const _ = db().command
  let q: Record<string, unknown> = whereOf(f)
  if (after) {
    q = _.and([
      q,
      _.or([{ startAtMs: _.gt(after.startAtMs) }, { startAtMs: after.startAtMs, _id: _.gt(after.id) }]),
    ]) as unknown as Record<string, unknown>
  }
  const res = await col().where(q).orderBy('startAtMs', 'asc').orderBy('_id', 'asc').limit(limit).get()
  return res.data as CourseDoc[]
}

/** Every match (for the map, ordered by distance in the use case); bounded by the catalogue's size. */
export async function findCoursesNear(f: CourseFilter, max = 1000): Promise<CourseDoc[]> {
  const res = await col().where(whereOf(f)).limit(max).get()
  return res.data as CourseDoc[]
}

/** Takes one seat if one is free: a single conditional atomic update (capacity never changes after creation). */
export async function takeSeat(courseId: string, capacity: number): Promise<boolean> {
  const _ = db().command
  const res = await col()
    .where({ _id: courseId, status: 'open', confirmedCount: _.lt(capacity) })
    .update({ confirmedCount: _.inc(1) })
  return Number(res.updated) === 1
}

export async function releaseSeat(courseId: string): Promise<void> {
  const _ = db().command
  await col()
    .where({ _id: courseId, confirmedCount: _.gt(0) })
    .update({ confirmedCount: _.inc(-1) })
}

/** Gives a seat back and returns the course as it is right after (null when no seat was held). */
export async function releaseSeatAndRead(courseId: string): Promise<CourseDoc | null> {
  const _ = db().command
  const res = await col()
    .where({ _id: courseId, confirmedCount: _.gt(0) })
    .updateAndReturn({ confirmedCount: _.inc(-1) })
  return ((res as { doc?: CourseDoc | null }).doc as CourseDoc | null) ?? null
}

export async function addToWaitlistCount(courseId: string, delta: number): Promise<void> {
  const _ = db().command
  await col()
    .doc(courseId)
    .update({ waitlistCount: _.inc(delta) })
}

/**
 * Counts one more person on the waitlist only while the course is still full, in one conditional update; false when
 * a seat is free (the caller then counts itself in and fills the free seats in waitlist order).
 */
export async function joinWaitlistWhileFull(courseId: string, capacity: number): Promise<boolean> {
  const _ = db().command
  const res = await col()
    .where({ _id: courseId, confirmedCount: _.gte(capacity) })
    .update({ waitlistCount: _.inc(1) })
  return Number(res.updated) === 1
}

/** Open courses with a session starting in [fromMs, toMs) (the array range may over-match; filtered exactly here). */
export async function coursesWithSessionBetween(fromMs: number, toMs: number, limit = 1000): Promise<CourseDoc[]> {
  const _ = db().command
  const res = await col()
    .where({ status: 'open', sessionStartsMs: _.gte(fromMs).and(_.lt(toMs)) })
    .limit(limit)
    .get()
  return (res.data as CourseDoc[]).filter((c) => c.sessionStartsMs.some((t) => t >= fromMs && t < toMs))
}
