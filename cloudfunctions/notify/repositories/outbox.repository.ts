/**
 * `outbox`: one document per notification (_id = idempotency key). States and who moves them:
 *   pending → claimed (a dispatcher, with an expiring claim) → sending (recorded before the HTTP call)
 *   → sent | skipped (no consent / no recipient) | dead (failed for good) | pending again (retry later);
 *   an expired `claimed` goes back to pending; an expired `sending` becomes `uncertain` (never resent
 *   automatically: it may have been delivered). Every transition of a claimed message is conditional on the
 *   claim token, so a dispatcher that lost its claim changes nothing.
 */
import type { OutboxState } from '../../../shared/actions/notify'
import { db } from '../../_core/app'
import { OUTBOX_SHARDS, type OutboxDoc } from '../../_core/notifications'

const col = () => db().collection('outbox')
const _ = () => db().command
const rows = <T>(res: { data: unknown }): T[] => (res.data as T[] | undefined) ?? []

export type { OutboxDoc }

/**
 * Due pending messages: shard by shard from a random shard, oldest due first within a shard. When no shard
 * has any, one plain query catches documents written without a shard.
 */
export async function findDue(nowMs: number, limit: number): Promise<Pick<OutboxDoc, '_id'>[]> {
  const out: Pick<OutboxDoc, '_id'>[] = []
  const start = Math.floor(Math.random() * OUTBOX_SHARDS)
  for (let i = 0; i < OUTBOX_SHARDS && out.length < limit; i++) {
    const shard = (start + i) % OUTBOX_SHARDS
    // shard first: the query is answered by the shard_state_next index
    const res = await col()
      .where({ shard, state: 'pending', nextAttemptAtMs: _().lte(nowMs) })
      .orderBy('nextAttemptAtMs', 'asc')
      .field({ _id: true })
      .limit(limit - out.length)
      .get()
    out.push(...rows<Pick<OutboxDoc, '_id'>>(res))
  }
  if (out.length) return out
  const res = await col()
    .where({ state: 'pending', nextAttemptAtMs: _().lte(nowMs) })
    .orderBy('nextAttemptAtMs', 'asc')
    .field({ _id: true })
    .limit(limit)
    .get()
  return rows(res)
}

/** Claims the given pending messages for `token`; returns the ones this token holds. */
export async function claim(ids: string[], token: string, nowMs: number, ttlMs: number): Promise<OutboxDoc[]> {
  if (!ids.length) return []
  await col()
    .where({ _id: _().in(ids), state: 'pending' })
    .update({ state: 'claimed', claimToken: token, claimExpiresAtMs: nowMs + ttlMs, stateChangedAtMs: nowMs })
  const res = await col().where({ claimToken: token, state: 'claimed' }).limit(1000).get()
  return rows(res)
}

/** Claims whose holder vanished (expired), in one state. */
export async function findExpired(state: 'claimed' | 'sending', nowMs: number, limit: number): Promise<OutboxDoc[]> {
  const res = await col()
    .where({ state, claimExpiresAtMs: _().lte(nowMs) })
    .limit(limit)
    .get()
  return rows(res)
}

/** Conditional transition of a message held under `token` (and optionally in `from`). True when it applied. */
export async function transition(
  id: string,
  token: string,
  from: OutboxState | null,
  patch: Partial<OutboxDoc>,
): Promise<boolean> {
  const where: Record<string, unknown> = { _id: id, claimToken: token }
  if (from) where.state = from
  const res = await col().where(where).update(patch)
  return Number((res as { updated?: number }).updated ?? 0) > 0
}

/** The same transition for many messages held under `token` (one round trip); returns how many applied. */
export async function transitionMany(
  ids: string[],
  token: string,
  from: OutboxState | null,
  patch: Partial<OutboxDoc>,
  incAttempts = false,
): Promise<number> {
  if (!ids.length) return 0
  const where: Record<string, unknown> = { _id: _().in(ids), claimToken: token }
  if (from) where.state = from
  const res = await col()
    .where(where)
    .update(incAttempts ? { ...patch, attempts: _().inc(1) } : patch)
  return Number((res as { updated?: number }).updated ?? 0)
}

/** Which of `ids` are held under `token` in `state`. */
export async function heldIn(ids: string[], token: string, state: OutboxState): Promise<Set<string>> {
  if (!ids.length) return new Set()
  const res = await col()
    .where({ _id: _().in(ids), claimToken: token, state })
    .field({ _id: true })
    .limit(1000)
    .get()
  return new Set(rows<{ _id: string }>(res).map((d) => d._id))
}

/** Newest first, paged by (createdAtMs, _id) after the previous page's last item; limit + 1 rows. */
export async function listByState(
  state: OutboxState | undefined,
  after: { ms: number; id: string } | null,
  limit: number,
): Promise<OutboxDoc[]> {
  const cmd = _()
  const parts: Record<string, unknown>[] = []
  if (state) parts.push({ state })
  if (after)
    parts.push(
      cmd.or([
        { createdAtMs: cmd.lt(after.ms) },
        { createdAtMs: after.ms, _id: cmd.lt(after.id) },
      ]) as unknown as Record<string, unknown>,
    )
  const where = parts.length === 0 ? {} : parts.length === 1 ? parts[0] : cmd.and(parts as never[])
  const res = await col()
    .where(where as never)
    .orderBy('createdAtMs', 'desc')
    .orderBy('_id', 'desc')
    .limit(limit + 1)
    .get()
  return rows(res)
}

export async function countByState(state: OutboxState): Promise<number> {
  const res = await col().where({ state }).count()
  return Number((res as { total?: number }).total ?? 0)
}

/** How many messages are in each of these states: one aggregate (`$match` on the indexed state, `$group`). */
export async function countByStates(states: readonly OutboxState[]): Promise<Map<OutboxState, number>> {
  const $ = db().command.aggregate
  const res = (await col()
    .aggregate()
    .match({ state: _().in([...states]) })
    .group({ _id: '$state', n: $.sum(1) })
    .end()) as { data?: { _id: OutboxState; n: number }[] }
  const counts = new Map<OutboxState, number>(states.map((s) => [s, 0]))
  for (const g of res.data ?? []) if (counts.has(g._id)) counts.set(g._id, Number(g.n))
  return counts
}

export async function findByKeys(keys: string[]): Promise<OutboxDoc[]> {
  if (!keys.length) return []
  return rows(
    await col()
      .where({ _id: _().in(keys) })
      .limit(1000)
      .get(),
  )
}

export async function findInState(state: OutboxState, limit: number): Promise<OutboxDoc[]> {
  return rows(await col().where({ state }).limit(limit).get())
}

/** Puts messages in one of `from` back to pending (attempts reset). Returns how many moved. */
export async function requeue(ids: string[], from: readonly OutboxState[], nowMs: number): Promise<number> {
  if (!ids.length) return 0
  const res = await col()
    .where({ _id: _().in(ids), state: _().in([...from]) })
    .update({
      state: 'pending',
      attempts: 0,
      nextAttemptAtMs: nowMs,
      stateChangedAtMs: nowMs,
      claimToken: null,
      claimExpiresAtMs: null,
      reason: null,
      mayHaveGrant: true,
    })
  return Number((res as { updated?: number }).updated ?? 0)
}
