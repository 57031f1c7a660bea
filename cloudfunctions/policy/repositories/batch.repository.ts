/**
 * `policy_batch_checkpoints`: the matching batch's runs, their shards (person `_id` ranges) and the cursor
 * of the facts-changed sweep. Shards are claimed with a lease (a conditional update), and each shard's
 * checkpoint (last `_id` done + counters) moves only after a page's effects are written, so a crash redoes at
 * most one page, whose writes are idempotent (unique ids and keys): no effect twice, no person skipped.
 */
import { db } from '../../_core/app'
import { insertOnce } from '../../_core/insertOnce'
import type { Condition } from '../../../shared/rules/types'

export interface RunPolicy {
  id: string
  version: number
  title: string
  summary: string
  rule: Condition
  effectiveFrom: string
  effectiveTo: string | null
}

export interface RunDoc {
  _id: string
  kind: 'run'
  reason: 'publish' | 'window' | 'baseline'
  asOf: string
  /** Tell the newly eligible (false for a baseline that only records who is eligible today). */
  notify: boolean
  policies: RunPolicy[]
  /** Shard k covers [boundaries[k-1] ?? '', boundaries[k] ?? ∞). */
  boundaries: string[]
  shardCount: number
  state: 'running' | 'done'
  createdAt: string
  createdAtMs: number
  finishedAt?: string | null
  by: string | null
}

export interface Counters {
  processed: number
  eligible: number
  newlyEligible: number
  pushes: number
  visitTasks: number
  lapsed: number
}

export interface ShardDoc extends Counters {
  _id: string
  kind: 'shard'
  runId: string
  runCreatedAtMs: number
  k: number
  lo: string
  hi: string | null
  lastId: string | null
  done: boolean
  leaseUntilMs: number
  owner: string | null
  updatedAtMs: number
}

export interface ChangesCursorDoc extends Counters {
  _id: 'changes'
  kind: 'changes'
  ms: number
  id: string
  leaseUntilMs: number
  owner: string | null
}

const col = () => db().collection('policy_batch_checkpoints')
export const zeroCounters = (): Counters => ({
  processed: 0,
  eligible: 0,
  newlyEligible: 0,
  pushes: 0,
  visitTasks: 0,
  lapsed: 0,
})

export async function countPersons(): Promise<number> {
  const res = await db().collection('persons').count()
  return Number((res as { total?: number }).total ?? 0)
}

/** Create the run and its shards (both idempotent on their ids). Returns false when the run already existed. */
export async function createRun(run: RunDoc): Promise<boolean> {
  const created = await insertOnce('policy_batch_checkpoints', run)
  await ensureShards(run)
  return created
}

/** Shards from the boundaries stored on the run (so a crash while planning re-creates the same ones). */
export async function ensureShards(run: RunDoc): Promise<void> {
  const shards: ShardDoc[] = []
  for (let k = 0; k < run.shardCount; k++) {
    shards.push({
      _id: `${run._id}#${String(k).padStart(3, '0')}`,
      kind: 'shard',
      runId: run._id,
      runCreatedAtMs: run.createdAtMs,
      k,
      lo: k === 0 ? '' : run.boundaries[k - 1],
      hi: k < run.boundaries.length ? run.boundaries[k] : null,
      lastId: null,
      done: false,
      leaseUntilMs: 0,
      owner: null,
      updatedAtMs: run.createdAtMs,
      ...zeroCounters(),
    })
  }
  for (const s of shards) await insertOnce('policy_batch_checkpoints', s)
}

export async function findRun(id: string): Promise<RunDoc | null> {
  const res = await col().doc(id).get()
  return ((res.data as RunDoc[] | undefined) ?? [])[0] ?? null
}

export async function recentRuns(limit: number): Promise<RunDoc[]> {
  const res = await col().where({ kind: 'run' }).orderBy('createdAtMs', 'desc').limit(limit).get()
  return (res.data as RunDoc[]) ?? []
}

export async function shardsOf(runId: string): Promise<ShardDoc[]> {
  const res = await col().where({ kind: 'shard', runId }).orderBy('k', 'asc').limit(1000).get()
  return (res.data as ShardDoc[]) ?? []
}

/** Claim one unfinished shard whose lease has expired (oldest run first). */
export async function claimShard(owner: string, nowMs: number, leaseMs: number): Promise<ShardDoc | null> {
  const _ = db().command
  const res = await col()
    .where({ kind: 'shard', done: false, leaseUntilMs: _.lt(nowMs) })
    .orderBy('runCreatedAtMs', 'asc')
    .orderBy('k', 'asc')
    .limit(20)
    .get()
  for (const s of (res.data as ShardDoc[]) ?? []) {
    const upd = await col()
      .where({ _id: s._id, done: false, leaseUntilMs: _.lt(nowMs) })
      .update({ owner, leaseUntilMs: nowMs + leaseMs, updatedAtMs: nowMs })
    if (Number((upd as { updated?: number }).updated ?? 0) === 1) return { ...s, owner, leaseUntilMs: nowMs + leaseMs }
  }
  return null
}

/** Move a shard's checkpoint after a page; false when the lease was lost (another worker took the shard over). */
export async function checkpointShard(
  shard: ShardDoc,
  lastId: string,
  delta: Counters,
  done: boolean,
  nowMs: number,
  leaseMs: number,
): Promise<boolean> {
  const _ = db().command
  const inc: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(delta)) inc[k] = _.inc(v)
  const upd = await col()
    .where({ _id: shard._id, owner: shard.owner, lastId: shard.lastId })
    .update({
      ...inc,
      lastId,
      done,
      leaseUntilMs: done ? 0 : nowMs + leaseMs,
      updatedAtMs: nowMs,
    })
  return Number((upd as { updated?: number }).updated ?? 0) === 1
}

export async function releaseShard(shard: ShardDoc): Promise<void> {
  await col().where({ _id: shard._id, owner: shard.owner }).update({ leaseUntilMs: 0 })
}

/** Mark the run done when none of its shards is left. */
export async function finishRunIfDone(runId: string, at: string): Promise<boolean> {
  const res = await col().where({ kind: 'shard', runId, done: false }).count()
  if (Number((res as { total?: number }).total ?? 0) > 0) return false
  await col().where({ _id: runId, state: 'running' }).update({ state: 'done', finishedAt: at })
  return true
}

export async function getChangesCursor(): Promise<ChangesCursorDoc> {
  const res = await col().doc('changes').get()
  const doc = ((res.data as ChangesCursorDoc[] | undefined) ?? [])[0]
  if (doc) return doc
  const fresh: ChangesCursorDoc = {
    _id: 'changes',
    kind: 'changes',
    ms: 0,
    id: '',
    leaseUntilMs: 0,
    owner: null,
    ...zeroCounters(),
  }
  await insertOnce('policy_batch_checkpoints', fresh)
  return fresh
}

export async function claimChanges(owner: string, nowMs: number, leaseMs: number): Promise<boolean> {
  const _ = db().command
  const upd = await col()
    .where({ _id: 'changes', leaseUntilMs: _.lt(nowMs) })
    .update({ owner, leaseUntilMs: nowMs + leaseMs })
  return Number((upd as { updated?: number }).updated ?? 0) === 1
}

export async function checkpointChanges(
  owner: string,
  cursor: { ms: number; id: string },
  delta: Counters,
  nowMs: number,
  leaseMs: number,
): Promise<boolean> {
  const _ = db().command
  const inc: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(delta)) inc[k] = _.inc(v)
  const upd = await col()
    .where({ _id: 'changes', owner })
    .update({ ...inc, ms: cursor.ms, id: cursor.id, leaseUntilMs: nowMs + leaseMs })
  return Number((upd as { updated?: number }).updated ?? 0) === 1
}

export async function releaseChanges(owner: string): Promise<void> {
  await col().where({ _id: 'changes', owner }).update({ leaseUntilMs: 0 })
}
