/** `training_signups`: one document per (course, resident); _id derived from both, so a person signs up once. */
import { createHash } from 'node:crypto'
import { db } from '../../_core/app'
import { insertOnce } from '../../_core/insertOnce'

export type SignupStatus = 'pending' | 'confirmed' | 'waitlisted' | 'cancelled' | 'attended' | 'completed'

export interface SignupDoc {
  _id: string
  courseId: string
  openid: string
  status: SignupStatus
  /** The client request that created or last reopened this signup (idempotent repeats, see signup.usecase). */
  requestId?: string
  createdAt: string
  confirmedAt?: string | null
  /** Waitlist order: (waitlistedAtMs, _id), also kept as one sortable string `waitlistKey` (see waitlistKeyOf). */
  waitlistedAtMs?: number | null
  waitlistKey?: string | null
  promotedAt?: string | null
  cancelledAt?: string | null
  attendedAt?: string | null
  completedAt?: string | null
  updatedAtMs: number
}

const col = () => db().collection('training_signups')

/** Letters only (hex digits mapped to g–p): an id never contains a run of digits that looks like a phone number. */
export const signupIdOf = (courseId: string, openid: string): string =>
  'su_' +
  createHash('sha256')
    .update(`${courseId}\n${openid}`)
    .digest('hex')
    .slice(0, 24)
    .replace(/\d/g, (d) => 'ghijklmnop'[Number(d)])

/**
 * The waitlist order as one string: the time zero-padded, then the id. Comparing keys compares (time, id), so a
 * person's position is one index count (`waitlistKey < mine`) instead of a scan of everyone waiting.
 */
export const waitlistKeyOf = (waitlistedAtMs: number, id: string): string =>
  `${String(waitlistedAtMs).padStart(15, '0')}|${id}`

export async function getSignup(id: string): Promise<SignupDoc | null> {
  const res = await col().doc(id).get()
  return ((res.data as SignupDoc[]) ?? [])[0] ?? null
}

/** Inserts a new signup; false when one already exists for this person and course. */
export function insertSignup(doc: SignupDoc): Promise<boolean> {
  return insertOnce('training_signups', doc)
}

/** Compare-and-set on status: true when this call moved the signup from `from`. */
export async function casStatus(
  id: string,
  from: SignupStatus,
  patch: Partial<SignupDoc> & { status: SignupStatus },
): Promise<boolean> {
  const res = await col().where({ _id: id, status: from }).update(patch)
  return Number(res.updated) === 1
}

export async function firstWaitlisted(courseId: string, limit: number): Promise<SignupDoc[]> {
  const res = await col().where({ courseId, status: 'waitlisted' }).orderBy('waitlistKey', 'asc').limit(limit).get()
  return res.data as SignupDoc[]
}

/** 1-based waitlist position of a waitlisted signup: one count on the (courseId, status, waitlistKey) index. */
export async function waitlistPosition(s: SignupDoc): Promise<number> {
  const _ = db().command
  const key = s.waitlistKey ?? waitlistKeyOf(s.waitlistedAtMs ?? 0, s._id)
  const res = await col()
    .where({ courseId: s.courseId, status: 'waitlisted', waitlistKey: _.lt(key) })
    .count()
  return Number(res.total) + 1
}

export async function signupsOf(
  openid: string,
  afterMs: number | null,
  afterId: string | null,
  limit: number,
): Promise<SignupDoc[]> {
  const _ = db().command
  const base = { openid }
  const q =
    afterMs === null
      ? base
      : _.and([base, _.or([{ updatedAtMs: _.lt(afterMs) }, { updatedAtMs: afterMs, _id: _.gt(afterId ?? '') }])])
  const res = await col().where(q).orderBy('updatedAtMs', 'desc').orderBy('_id', 'asc').limit(limit).get()
  return res.data as SignupDoc[]
}

export async function signupsOfCourse(
  courseId: string,
  status: SignupStatus | undefined,
  afterId: string | null,
  limit: number,
): Promise<SignupDoc[]> {
  const _ = db().command
  const q: Record<string, unknown> = { courseId }
  if (status) q.status = status
  if (afterId) q._id = _.gt(afterId)
  const res = await col().where(q).orderBy('_id', 'asc').limit(limit).get()
  return res.data as SignupDoc[]
}

export async function activeSignupsOfCourse(
  courseId: string,
  statuses: SignupStatus[],
  limit = 1000,
): Promise<SignupDoc[]> {
  const _ = db().command
  const res = await col()
    .where({ courseId, status: _.in(statuses) })
    .limit(limit)
    .get()
  return res.data as SignupDoc[]
}
