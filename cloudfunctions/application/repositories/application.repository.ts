/**
 * `service_applications`: one document per case (办事申请; not `applications`, which are job applications).
 * Every step is a version-conditional update, so two staff acting at once cannot both win.
 */
import { AppError } from '../../../shared/errors'
import type { ApplicationStatus, RefusalReason } from '../../../shared/application/status'
import { db } from '../../_core/app'
import { isDuplicateWrite } from '../../_core/insertOnce'

export type AnswerValue = string | number | boolean | string[] | null

export interface PrefillLine {
  key: string
  label: string
  value: AnswerValue
  display: string
  source: 'register' | 'profile' | 'previous'
  sourceLabel: string
}

export interface ApplicationDoc {
  _id: string
  kind: string
  title: string
  policyId?: string | null
  personId: string
  openid: string
  regionCode: string
  streetCode?: string | null
  gridCode?: string | null
  departmentId?: string | null
  status: ApplicationStatus
  answers: Record<string, AnswerValue>
  attachments: Record<string, string[]>
  prefill: PrefillLine[]
  trackingNo?: string | null
  reviewerOpenid?: string | null
  createdAt: string
  createdAtMs: number
  updatedAtMs: number
  submittedAt?: string | null
  submittedAtMs?: number | null
  decidedAt?: string | null
  decidedAtMs?: number | null
  dueAt?: string | null
  dueAtMs?: number | null
  clockStoppedAt?: string | null
  clockStoppedAtMs?: number | null
  remainingWorkingDays?: number | null
  correction?: { items: string[]; note: string; requestedAt: string; dueAt: string; dueAtMs: number } | null
  decision?: {
    outcome: 'approved' | 'refused'
    reasonCode?: RefusalReason
    amount?: number
    note?: string
    onTime: boolean
  } | null
  eligibility?: { status: string; asOf: string; reasons: { code: string; passed: boolean; text: string }[] } | null
  onBehalf?: { by: string; consent: { method: string; note?: string }; at: string } | null
  /** The submission after the draft's stage (the n-th application of this person and kind). */
  seq: number
  remindedForDueAtMs?: number | null
  escalatedAtMs?: number | null
  version: number
}

const col = () => db().collection('service_applications')

export async function findApplication(id: string): Promise<ApplicationDoc | null> {
  const res = await col().doc(id).get()
  return ((res.data as ApplicationDoc[] | undefined) ?? [])[0] ?? null
}

/** The open draft of this person and kind, if any. */
export async function findOpenDraft(personId: string, kind: string): Promise<ApplicationDoc | null> {
  const res = await col().where({ personId, kind, status: 'draft' }).orderBy('createdAtMs', 'desc').limit(1).get()
  return ((res.data as ApplicationDoc[] | undefined) ?? [])[0] ?? null
}

/** How many applications of this person and kind left the draft stage (submitted or withdrawn). */
export async function countPastApplications(personId: string, kind: string): Promise<number> {
  const _ = db().command
  const res = await col()
    .where({ personId, kind, status: _.neq('draft') })
    .count()
  return Number((res as { total?: number }).total ?? 0)
}

/** Insert; false when a document with this `_id` exists (a concurrent draft of the same person and kind). */
export async function insertApplication(doc: ApplicationDoc): Promise<boolean> {
  try {
    await col().add(doc)
    return true
  } catch (e) {
    if (isDuplicateWrite(e)) return false
    throw e
  }
}

/** Update when the version is still the one read; CONFLICT otherwise. Returns the new document. */
export async function updateApplication(doc: ApplicationDoc, patch: Partial<ApplicationDoc>): Promise<ApplicationDoc> {
  const next = { ...patch, version: doc.version + 1 }
  const res = await col().where({ _id: doc._id, version: doc.version }).update(next)
  if (Number((res as { updated?: number }).updated ?? 0) !== 1)
    throw new AppError('CONFLICT', '该申请刚被他人处理，请刷新后再试')
  return { ...doc, ...next } as ApplicationDoc
}

export async function applicationsOfOpenid(
  openid: string,
  after: { ms: number; id: string } | null,
  limit: number,
): Promise<ApplicationDoc[]> {
  const _ = db().command
  const where = after
    ? _.and([{ openid }, _.or([{ updatedAtMs: _.lt(after.ms) }, { updatedAtMs: after.ms, _id: _.gt(after.id) }])])
    : { openid }
  const res = await col().where(where).orderBy('updatedAtMs', 'desc').orderBy('_id', 'asc').limit(limit).get()
  return (res.data as ApplicationDoc[]) ?? []
}

export interface QueueQuery {
  departmentId: string | null
  statuses: ApplicationStatus[]
  reviewerOpenid?: string | null
  dueBeforeMs?: number
  dueAfterMs?: number
  kind?: string
  regionCode?: string
  /** 'due': by dueAtMs ascending (open queues); 'decided': newest decision first. */
  order: 'due' | 'decided'
}

export async function queuePage(
  q: QueueQuery,
  after: { ms: number; id: string } | null,
  limit: number,
): Promise<ApplicationDoc[]> {
  const _ = db().command
  const base: Record<string, unknown> = { status: q.statuses.length === 1 ? q.statuses[0] : _.in(q.statuses) }
  if (q.departmentId) base.departmentId = q.departmentId
  if (q.reviewerOpenid !== undefined) base.reviewerOpenid = q.reviewerOpenid
  if (q.kind) base.kind = q.kind
  if (q.regionCode) base.regionCode = q.regionCode
  const field = q.order === 'due' ? 'dueAtMs' : 'decidedAtMs'
  const conds: unknown[] = [base]
  if (q.dueBeforeMs !== undefined) conds.push({ dueAtMs: _.lte(q.dueBeforeMs) })
  if (q.dueAfterMs !== undefined) conds.push({ dueAtMs: _.gte(q.dueAfterMs) })
  if (after) {
    conds.push(
      q.order === 'due'
        ? _.or([{ [field]: _.gt(after.ms) }, { [field]: after.ms, _id: _.gt(after.id) }])
        : _.or([{ [field]: _.lt(after.ms) }, { [field]: after.ms, _id: _.gt(after.id) }]),
    )
  }
  const res = await col()
    .where(conds.length === 1 ? base : _.and(conds as never[]))
    .orderBy(field, q.order === 'due' ? 'asc' : 'desc')
    .orderBy('_id', 'asc')
    .limit(limit)
    .get()
  return (res.data as ApplicationDoc[]) ?? []
}

export async function applicationsByIds(ids: string[]): Promise<ApplicationDoc[]> {
  const _ = db().command
  const res = await col()
    .where({ _id: _.in(ids) })
    .limit(100)
    .get()
  return (res.data as ApplicationDoc[]) ?? []
}

/** Running cases (submitted / under review) whose deadline is at or before `beforeMs`, by deadline, after a cursor. */
export async function runningDueBefore(
  beforeMs: number,
  after: { ms: number; id: string } | null,
  limit: number,
): Promise<ApplicationDoc[]> {
  const _ = db().command
  const base = { status: _.in(['submitted', 'underReview']), dueAtMs: _.lte(beforeMs) }
  const where = after
    ? _.and([base, _.or([{ dueAtMs: _.gt(after.ms) }, { dueAtMs: after.ms, _id: _.gt(after.id) }])])
    : base
  const res = await col().where(where).orderBy('dueAtMs', 'asc').orderBy('_id', 'asc').limit(limit).get()
  return (res.data as ApplicationDoc[]) ?? []
}

export interface StatsRow {
  kind: string
  regionCode: string
  decided: number
  onTime: number
  approved: number
  open: number
}

const sumIf = (test: unknown) => ({ $sum: { $cond: [test, 1, 0] } })

export interface StatsFilter {
  departmentId?: string
  regionCode?: string
  fromMs?: number
  toMs?: number
}

/** Decided / on time / approved / open counts by kind and region of the submitted cases the filter selects. */
export async function statsRows(filter: StatsFilter): Promise<StatsRow[]> {
  const _ = db().command
  const match: Record<string, unknown> = { status: _.nin(['draft', 'withdrawn']) }
  if (filter.departmentId !== undefined) match.departmentId = filter.departmentId
  if (filter.regionCode) match.regionCode = filter.regionCode
  if (filter.fromMs !== undefined || filter.toMs !== undefined)
    match.submittedAtMs = _.gte(filter.fromMs ?? 0).and(_.lt(filter.toMs ?? Number.MAX_SAFE_INTEGER))
  const res = (await col()
    .aggregate()
    .match(match)
    .group({
      _id: { kind: '$kind', regionCode: '$regionCode' },
      decided: sumIf({ $in: ['$status', ['approved', 'refused']] }),
      onTime: sumIf({ $eq: ['$decision.onTime', true] }),
      approved: sumIf({ $eq: ['$status', 'approved'] }),
      open: sumIf({ $in: ['$status', ['submitted', 'underReview', 'correctionRequested']] }),
    })
    .end()) as { data?: unknown; list?: unknown }
  const rows = (Array.isArray(res.data) ? res.data : Array.isArray(res.list) ? res.list : []) as {
    _id: { kind: string; regionCode: string }
    decided: number
    onTime: number
    approved: number
    open: number
  }[]
  return rows.map((r) => ({
    kind: r._id.kind,
    regionCode: r._id.regionCode,
    decided: r.decided,
    onTime: r.onTime,
    approved: r.approved,
    open: r.open,
  }))
}
