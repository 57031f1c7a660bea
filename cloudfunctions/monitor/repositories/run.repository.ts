/**
 * `monitor_runs`: the daily snapshot's runs and their shards (one per district), like the policy batch's
 * checkpoints. A shard is claimed with a lease (a conditional update) and marked done only after its snapshot
 * documents are written; a crash in between redoes that district, whose writes replace the same documents
 * (no double count), and every district stays pending until done (no gap).
 */
import { db } from '../../_core/app'
import { insertOnce } from '../../_core/insertOnce'

export interface RunDoc {
  _id: string
  kind: 'run'
  date: string
  month: string
  /** The instant the figures are as of (stock figures); the same for every shard of the run. */
  asOfMs: number
  shardCount: number
  state: 'running' | 'done'
  createdAt: string
  createdAtMs: number
  finishedAt: string | null
}

export interface ShardDoc {
  _id: string
  kind: 'shard'
  runId: string
  k: number
  districtCode: string
  done: boolean
  leaseUntilMs: number
  owner: string | null
  attempts: number
  updatedAtMs: number
}

const col = () => db().collection('monitor_runs')
const updated = (res: unknown) => Number((res as { updated?: number }).updated ?? 0)

export async function findRun(id: string): Promise<RunDoc | null> {
  const res = await col().doc(id).get()
  return ((res.data as RunDoc[] | undefined) ?? [])[0] ?? null
}

/** The run and its shards, both idempotent on their ids (a crash while creating re-creates the same ones). */
export async function createRun(run: RunDoc, districtCodes: string[]): Promise<void> {
  await insertOnce('monitor_runs', run)
  const shards: ShardDoc[] = districtCodes.map((districtCode, k) => ({
    _id: `${run._id}#${districtCode}`,
    kind: 'shard',
    runId: run._id,
    k,
    districtCode,
    done: false,
    leaseUntilMs: 0,
    owner: null,
    attempts: 0,
    updatedAtMs: run.createdAtMs,
  }))
  for (let i = 0; i < shards.length; i += 20)
    await Promise.all(shards.slice(i, i + 20).map((s) => insertOnce('monitor_runs', s)))
}

export async function claimShard(
  runId: string,
  owner: string,
  nowMs: number,
  leaseMs: number,
): Promise<ShardDoc | null> {
  const _ = db().command
  const res = await col()
    .where({ kind: 'shard', runId, done: false, leaseUntilMs: _.lt(nowMs) })
    .orderBy('k', 'asc')
    .limit(20)
    .get()
  for (const s of (res.data as ShardDoc[] | undefined) ?? []) {
    const upd = await col()
      .where({ _id: s._id, done: false, leaseUntilMs: _.lt(nowMs) })
      .update({ owner, leaseUntilMs: nowMs + leaseMs, attempts: _.inc(1), updatedAtMs: nowMs })
    if (updated(upd) === 1) return { ...s, owner, leaseUntilMs: nowMs + leaseMs }
  }
  return null
}

/** Mark a shard done; false when the lease was lost to another worker. */
export async function finishShard(shard: ShardDoc, nowMs: number): Promise<boolean> {
  return (
    updated(
      await col()
        .where({ _id: shard._id, owner: shard.owner, done: false })
        .update({ done: true, leaseUntilMs: 0, updatedAtMs: nowMs }),
    ) === 1
  )
}

export async function releaseShard(shard: ShardDoc): Promise<void> {
  await col().where({ _id: shard._id, owner: shard.owner }).update({ leaseUntilMs: 0 })
}

export async function countShards(runId: string, done?: boolean): Promise<number> {
  const where: Record<string, unknown> = { kind: 'shard', runId }
  if (done !== undefined) where.done = done
  return Number(((await col().where(where).count()) as { total?: number }).total ?? 0)
}

export async function finishRun(runId: string, at: string): Promise<boolean> {
  return updated(await col().where({ _id: runId, state: 'running' }).update({ state: 'done', finishedAt: at })) === 1
}

/** Unfinished runs, oldest first. */
export async function runningRuns(): Promise<RunDoc[]> {
  const res = await col().where({ kind: 'run', state: 'running' }).orderBy('createdAtMs', 'asc').limit(10).get()
  return (res.data as RunDoc[] | undefined) ?? []
}
