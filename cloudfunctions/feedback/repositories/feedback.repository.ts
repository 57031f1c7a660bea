/** `feedback`: one document per item (投诉/反馈). Status changes are conditional on `version` (optimistic). */
import { db } from '../../_core/app'
import { isDuplicateWrite } from '../../_core/insertOnce'
import type { FeedbackCategory } from '../../../shared/feedback/rules'
import type { FeedbackStatus } from '../../../shared/feedback/status'

export interface FeedbackDoc {
  _id: string
  trackingNo: string
  /** The submitter. Never returned to staff. */
  openid: string
  anonymous: boolean
  contactConsent: boolean
  /** Only for a consenting, named submitter: the masked form; the number itself is sealed in contactPhoneEnc. */
  contactPhone: string | null
  /** AES-256-GCM sealed contact number (cloudfunctions/_core/pii.ts), opened only by revealContact. */
  contactPhoneEnc?: string | null
  category: FeedbackCategory
  content: string
  images: string[]
  serviceName: string | null
  place: string | null
  regionCode: string | null
  status: FeedbackStatus
  version: number
  /** 1, then +1 on every reopen. */
  round: number
  reopenCount: number
  departmentId: string | null
  departmentName: string | null
  createdAt: string
  createdAtMs: number
  /** 'YYYY-MM' of submission (CST), for the monthly figures. */
  month: string
  acceptDueAt: string
  acceptDueAtMs: number
  dueAt: string
  dueAtMs: number
  firstAcceptedAtMs: number | null
  firstRepliedAtMs: number | null
  /** The answer deadline that held when the first reply was given (for the on-time rate). */
  firstReplyDueAtMs: number | null
  repliedAt: string | null
  repliedAtMs: number | null
  resolvedAtMs: number | null
  closedAtMs: number | null
  reply: { content: string; at: string; departmentName: string | null } | null
  rating: { score: number; comment: string | null; solved: boolean | null; at: string } | null
  escalatedAt: string | null
  escalatedAtMs: number | null
  extension: {
    status: 'requested' | 'approved' | 'rejected'
    workingDays: number
    reason: string
    requestedAt: string
    decidedAt: string | null
  } | null
  review: { state: 'passed' | 'pending' | 'rejected'; attempts: number; nextCheckAtMs: number | null }
  updatedAt: string
}

const col = () => db().collection('feedback')
const first = <T>(res: { data: unknown }): T | null => ((res.data as T[] | undefined) ?? [])[0] ?? null

export async function insertFeedback(doc: FeedbackDoc): Promise<'ok' | 'duplicateTrackingNo'> {
  try {
    await col().add(doc)
    return 'ok'
  } catch (e) {
    if (isDuplicateWrite(e)) return 'duplicateTrackingNo'
    throw e
  }
}

export async function findByTrackingNo(trackingNo: string): Promise<FeedbackDoc | null> {
  return first<FeedbackDoc>(await col().where({ trackingNo }).limit(1).get())
}

export async function findById(id: string): Promise<FeedbackDoc | null> {
  return first<FeedbackDoc>(await col().doc(id).get())
}

/** Applies the patch only if nobody changed the item since `version` was read. */
export async function updateIfVersion(id: string, version: number, patch: Partial<FeedbackDoc>): Promise<boolean> {
  const res = await col().where({ _id: id, version }).update(patch)
  return Number((res as { updated?: number }).updated ?? 0) === 1
}

export interface KeysetCursor {
  k: number
  id: string
}

/** A resident's own items, newest first. */
export async function listByOpenid(openid: string, limit: number, after: KeysetCursor | null): Promise<FeedbackDoc[]> {
  const _ = db().command
  const where = after
    ? _.and([{ openid }, _.or([{ createdAtMs: _.lt(after.k) }, { createdAtMs: after.k, _id: _.lt(after.id) }])])
    : { openid }
  const res = await col().where(where).orderBy('createdAtMs', 'desc').orderBy('_id', 'desc').limit(limit).get()
  return res.data as FeedbackDoc[]
}

export interface InboxQuery {
  /** undefined: every department (admin); null: unrouted items only. */
  departmentId?: string | null
  statuses: readonly FeedbackStatus[]
  category?: FeedbackCategory
  /** Only items past their answer deadline (nowMs) / only items within it. */
  dueBeforeMs?: number
  dueFromMs?: number
}

/** Inbox order: earliest answer deadline first, so overdue items come first. */
export async function listInbox(q: InboxQuery, limit: number, after: KeysetCursor | null): Promise<FeedbackDoc[]> {
  const _ = db().command
  // items of a blocked account that staff had not yet accepted are held back (privacy.block sets heldByBlock)
  const conds: object[] = [{ status: _.in([...q.statuses]) }, { heldByBlock: _.neq(true) }]
  if (q.departmentId !== undefined) conds.unshift({ departmentId: q.departmentId })
  if (q.category) conds.push({ category: q.category })
  if (q.dueBeforeMs !== undefined) conds.push({ dueAtMs: _.lt(q.dueBeforeMs) })
  if (q.dueFromMs !== undefined) conds.push({ dueAtMs: _.gte(q.dueFromMs) })
  if (after) conds.push(_.or([{ dueAtMs: _.gt(after.k) }, { dueAtMs: after.k, _id: _.gt(after.id) }]))
  const res = await col().where(_.and(conds)).orderBy('dueAtMs', 'asc').orderBy('_id', 'asc').limit(limit).get()
  return res.data as FeedbackDoc[]
}

/** Items awaiting a reply whose deadline has passed and that were not escalated in this round. */
export async function listOverdueUnescalated(
  statuses: readonly FeedbackStatus[],
  nowMs: number,
  limit: number,
): Promise<FeedbackDoc[]> {
  const _ = db().command
  const res = await col()
    .where({ status: _.in([...statuses]), dueAtMs: _.lt(nowMs), escalatedAtMs: null })
    .orderBy('dueAtMs', 'asc')
    .limit(limit)
    .get()
  return res.data as FeedbackDoc[]
}

/** Held items whose next content check is due. */
export async function listPendingReview(nowMs: number, limit: number): Promise<FeedbackDoc[]> {
  const _ = db().command
  const res = await col()
    .where({ status: 'pendingReview', 'review.nextCheckAtMs': _.lte(nowMs) })
    .orderBy('review.nextCheckAtMs', 'asc')
    .limit(limit)
    .get()
  return res.data as FeedbackDoc[]
}

/** Held items that carry this photo are due for the `recheck` timer now (its asynchronous verdict arrived). */
export async function markHeldWithImageDue(fileId: string, nowMs: number): Promise<number> {
  const res = await col().where({ status: 'pendingReview', images: fileId }).update({ 'review.nextCheckAtMs': nowMs })
  return Number((res as { updated?: number }).updated ?? 0)
}

/** Resolved items not rated, resolved before `beforeMs` (auto close). */
export async function listResolvedBefore(beforeMs: number, limit: number): Promise<FeedbackDoc[]> {
  const _ = db().command
  const res = await col()
    .where({ status: 'resolved', resolvedAtMs: _.lt(beforeMs) })
    .limit(limit)
    .get()
  return res.data as FeedbackDoc[]
}

export type StatsFields = Pick<
  FeedbackDoc,
  | '_id'
  | 'departmentId'
  | 'status'
  | 'acceptDueAtMs'
  | 'firstAcceptedAtMs'
  | 'dueAtMs'
  | 'firstRepliedAtMs'
  | 'firstReplyDueAtMs'
  | 'rating'
>

/** Every item of a month (optionally one department), only the fields the figures need. */
export async function listForStats(month: string, departmentId?: string): Promise<StatsFields[]> {
  const out: StatsFields[] = []
  const where: Record<string, unknown> = departmentId ? { month, departmentId } : { month }
  const fields = {
    _id: true,
    departmentId: true,
    status: true,
    acceptDueAtMs: true,
    firstAcceptedAtMs: true,
    dueAtMs: true,
    firstRepliedAtMs: true,
    firstReplyDueAtMs: true,
    rating: true,
  }
  for (let offset = 0; ; offset += 1000) {
    const res = await col().where(where).orderBy('_id', 'asc').skip(offset).limit(1000).field(fields).get()
    const page = res.data as StatsFields[]
    out.push(...page)
    if (page.length < 1000) return out
  }
}
