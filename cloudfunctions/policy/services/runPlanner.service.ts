/** Planning a matching run: a snapshot of the policies and `_id` shard boundaries from a random sample. */
import type { PolicyRecord } from '../../../shared/policies/types'
import { countPersons, createRun, type RunDoc, type RunPolicy } from '../repositories/batch.repository'
import { sampleIds } from '../repositories/person.repository'
import { cstDateOf, toIsoCst } from '../../../shared/calendar/chinaTime'

const envInt = (name: string, def: number): number => {
  const v = Number(process.env[name])
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : def
}

/** Persons per shard (default 100,000: a province of 10 million is 100 shards). */
export const shardSize = () => envInt('POLICY_BATCH_SHARD_SIZE', 100_000)

export const snapshot = (
  p: Pick<PolicyRecord, 'id' | 'version' | 'title' | 'summary' | 'rule' | 'effectiveFrom' | 'effectiveTo'>,
): RunPolicy => ({
  id: p.id,
  version: p.version,
  title: p.title,
  summary: p.summary,
  rule: p.rule,
  effectiveFrom: p.effectiveFrom,
  effectiveTo: p.effectiveTo,
})

/** Split the `_id` space into about `shards` ranges of similar size (quantiles of a random sample). */
export async function shardBoundaries(shards: number): Promise<string[]> {
  if (shards <= 1) return []
  const ids = (await sampleIds(Math.min(shards * 20, 5000))).sort()
  if (ids.length < shards) return []
  const out: string[] = []
  for (let k = 1; k < shards; k++) {
    const b = ids[Math.floor((k * ids.length) / shards)]
    if (b && b !== out[out.length - 1] && b > '') out.push(b)
  }
  return out
}

export async function planRun(opts: {
  id: string
  reason: RunDoc['reason']
  policies: RunPolicy[]
  notify: boolean
  now: Date
  by: string | null
}): Promise<{ runId: string; created: boolean; shards: number }> {
  const total = await countPersons()
  const wanted = Math.max(1, Math.min(256, Math.ceil(total / shardSize())))
  const boundaries = await shardBoundaries(wanted)
  const run: RunDoc = {
    _id: opts.id,
    kind: 'run',
    reason: opts.reason,
    asOf: cstDateOf(opts.now),
    notify: opts.notify,
    policies: opts.policies,
    boundaries,
    shardCount: boundaries.length + 1,
    state: 'running',
    createdAt: toIsoCst(opts.now),
    createdAtMs: opts.now.getTime(),
    finishedAt: null,
    by: opts.by,
  }
  const created = await createRun(run)
  return { runId: run._id, created, shards: run.shardCount }
}
