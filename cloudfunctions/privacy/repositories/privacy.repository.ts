/** What the privacy function reads and writes: a resident's data across modules, requests, the audit log, blocks. */
import { db } from '../../_core/app'
import { insertOnce } from '../../_core/insertOnce'

export interface PrivacyRequestDoc {
  _id: string
  openid: string
  kind: 'correction' | 'deletion'
  field?: string
  correctValue?: string
  /** The correct value sealed (cloudfunctions/_core/pii.ts) when it holds a phone or ID number; correctValue is then masked. */
  correctValueEnc?: string
  reason?: string
  reasonEnc?: string
  state: 'pending' | 'done' | 'rejected'
  note?: string
  createdAt: string
  createdAtMs: number
  completedAt?: string
  completedBy?: string
}

/** Documents of one collection whose `field` equals `value` (a resident's own data is bounded; at most 1,000). */
export async function docsWhere(
  collection: string,
  field: string,
  value: string,
  limit = 1000,
): Promise<Record<string, unknown>[]> {
  const res = await db()
    .collection(collection)
    .where({ [field]: value })
    .limit(limit)
    .get()
  return res.data as Record<string, unknown>[]
}

export async function docById(collection: string, id: string): Promise<Record<string, unknown> | null> {
  const res = await db().collection(collection).doc(id).get()
  return ((res.data as Record<string, unknown>[]) ?? [])[0] ?? null
}

export function insertRequest(doc: PrivacyRequestDoc): Promise<boolean> {
  return insertOnce('privacy_requests', doc)
}

export async function getRequest(id: string): Promise<PrivacyRequestDoc | null> {
  return (await docById('privacy_requests', id)) as PrivacyRequestDoc | null
}

export async function casRequestState(id: string, patch: Partial<PrivacyRequestDoc>): Promise<boolean> {
  const res = await db().collection('privacy_requests').where({ _id: id, state: 'pending' }).update(patch)
  return Number(res.updated) === 1
}

export async function pageRequests(
  where: Record<string, unknown>,
  after: { ms: number; id: string } | null,
  limit: number,
): Promise<PrivacyRequestDoc[]> {
  const _ = db().command
  const q = after
    ? _.and([where, _.or([{ createdAtMs: _.lt(after.ms) }, { createdAtMs: after.ms, _id: _.gt(after.id) }])])
    : where
  const res = await db()
    .collection('privacy_requests')
    .where(q)
    .orderBy('createdAtMs', 'desc')
    .orderBy('_id', 'asc')
    .limit(limit)
    .get()
  return res.data as PrivacyRequestDoc[]
}

/** An `audit_logs` document as cloudfunctions/_core/audit.ts writes it. */
export interface AuditDoc {
  _id: string
  event: string
  /** null: no signed-in caller (a timer, an anonymous call). */
  actor: string | null
  actorRoles: string[]
  targetType?: string
  targetId?: string
  onBehalfOf?: string
  outcome?: string
  detail?: Record<string, unknown>
  at: string
  atMs: number
}

export interface AuditFilter {
  actor?: string
  event?: string
  targetId?: string
  fromMs?: number
  toMs?: number
}

export async function pageAudit(
  filter: AuditFilter,
  after: { ms: number; id: string } | null,
  limit: number,
): Promise<AuditDoc[]> {
  const _ = db().command
  const where: Record<string, unknown> = {}
  if (filter.actor) where.actor = filter.actor
  if (filter.event) where.event = filter.event
  if (filter.targetId) where.targetId = filter.targetId
  const { fromMs: from, toMs: to } = filter
  if (from !== undefined && to !== undefined) where.atMs = _.gte(from).and(_.lte(to))
  else if (from !== undefined) where.atMs = _.gte(from)
  else if (to !== undefined) where.atMs = _.lte(to)
  const q = after ? _.and([where, _.or([{ atMs: _.lt(after.ms) }, { atMs: after.ms, _id: _.gt(after.id) }])]) : where
  const res = await db()
    .collection('audit_logs')
    .where(q)
    .orderBy('atMs', 'desc')
    .orderBy('_id', 'asc')
    .limit(limit)
    .get()
  return res.data as AuditDoc[]
}

/** Hold back (or release) the not-yet-accepted feedback of an account from staff inboxes. */
export async function holdUnpublishedFeedback(openid: string, held: boolean): Promise<number> {
  const _ = db().command
  const where = held ? { openid, status: _.in(['submitted', 'pendingReview']) } : { openid, heldByBlock: true }
  const res = await db().collection('feedback').where(where).update({ heldByBlock: held })
  return Number(res.updated)
}

export async function setUserFields(openid: string, patch: Record<string, unknown>): Promise<number> {
  const res = await db().collection('users').where({ _id: openid }).update(patch)
  return Number(res.updated)
}

/** Erase the personal content of a deleted account: what is not kept by law goes, the rest is de-identified. */
export async function eraseAccount(
  openid: string,
  personId: string | null,
  tombstone: string,
  at: string,
): Promise<Record<string, number>> {
  const _ = db().command
  const n: Record<string, number> = {}
  const count = (k: string, r: { deleted?: number; updated?: number }) => {
    n[k] = Number(r.deleted ?? r.updated ?? 0)
  }
  count('favorites', await db().collection('favorites').where({ openid }).remove())
  count('messages', await db().collection('messages').where({ openid }).remove())
  // a message centre moved off the account at an unbinding, and subscription messages still queued for it
  count('unboundMessages', await db().collection('messages').where({ formerOpenid: openid }).remove())
  count(
    'outbox',
    await db()
      .collection('outbox')
      .where({ openid, state: _.in(['pending', 'dead', 'uncertain', 'skipped']) })
      .update({ state: 'skipped', reason: 'deleted', openid: null, stateChangedAtMs: Date.parse(at) }),
  )
  count('consents', await db().collection('consents').where({ openid }).remove())
  count('consent_grants', await db().collection('consent_grants').where({ openid }).remove())
  count(
    'applications',
    await db().collection('applications').where({ openid }).update({ openid: tombstone, resume: _.remove() }),
  )
  count('training_signups', await db().collection('training_signups').where({ openid }).update({ openid: tombstone }))
  count('training_records', await db().collection('training_records').where({ openid }).update({ openid: tombstone }))
  count(
    'feedback',
    await db()
      .collection('feedback')
      .where({ openid })
      .update({ openid: tombstone, contactPhone: _.remove(), contactPhoneEnc: _.remove(), contactConsent: false }),
  )
  if (personId)
    await db()
      .collection('persons')
      .where({ _id: personId, boundOpenid: openid })
      .update({ boundOpenid: null, boundAt: null })
  await db()
    .collection('users')
    .doc(openid)
    .update({ personId: null, profile: _.remove(), deletedAt: at, blocked: true, privacyConsent: _.remove() })
  return n
}

/** Retention: delete documents of `collection` whose numeric `field` is older than `beforeMs` (bounded batches). */
export async function deleteOlderThan(collection: string, field: string, before: number | Date): Promise<number> {
  const _ = db().command
  const res = await db()
    .collection(collection)
    .where({ [field]: _.lt(before) })
    .remove()
  return Number(res.deleted ?? 0)
}
