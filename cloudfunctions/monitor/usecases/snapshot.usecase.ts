/**
 * Timer trigger `snapshot` (每日监测快照): opens one run per China-time day (the figures of the current month as
 * of that instant), then works through its shards (one per district: the district and its streets, counted by
 * aggregation in the database), checkpointing each; when every district is done it rolls the districts up into
 * cities and the province. Stops within its time budget; the next invocation resumes. An unfinished run of an
 * earlier day (a run started just before midnight) is finished first, for its own month.
 */
import type { TriggerContext } from '../../_core/function'
import { toIsoCst } from '../../../shared/calendar/chinaTime'
import { cstDateOf, cstMonthOf } from '../../../shared/monitor/indicators'
import { childrenOf, getRegion, regionsAtLevel, type RegionDoc } from '../repositories/region.repository'
import { childSnapshots, snapshotId, writeSnapshot, type SnapshotDoc } from '../repositories/snapshot.repository'
import {
  claimShard,
  countShards,
  createRun,
  findRun,
  finishRun,
  finishShard,
  runningRuns,
  type RunDoc,
} from '../repositories/run.repository'
import { type Figures, regionFigures, rollUp } from '../services/figures.service'

const envNum = (name: string, def: number): number => {
  const v = Number(process.env[name])
  return Number.isFinite(v) && v > 0 ? v : def
}

/** Fault injection for tests: crash after N districts' snapshots are written but before their checkpoint. */
function maybeCrash(shardsDone: number): void {
  const n = Number(process.env.MONITOR_SNAPSHOT_CRASH_AFTER_SHARDS)
  if (Number.isFinite(n) && n > 0 && shardsDone >= n) {
    delete process.env.MONITOR_SNAPSHOT_CRASH_AFTER_SHARDS
    throw new Error('injected crash (MONITOR_SNAPSHOT_CRASH_AFTER_SHARDS)')
  }
}

export const runIdOf = (date: string) => `snapshot:${date}`

function snapshotDoc(
  run: RunDoc,
  region: Pick<RegionDoc, 'code' | 'name' | 'level' | 'parent'>,
  f: Figures,
  missing: string[],
  at: string,
): SnapshotDoc {
  return {
    _id: snapshotId(run.month, region.code),
    month: run.month,
    regionCode: region.code,
    regionName: region.name,
    level: region.level,
    parent: region.parent,
    counts: f.counts,
    values: f.values,
    occupations: f.occupations,
    policies: f.policies,
    deliveries: f.deliveries,
    training: f.training,
    missing,
    asOfMs: run.asOfMs,
    updatedAt: at,
    runId: run._id,
  }
}

async function openToday(nowMs: number): Promise<RunDoc> {
  const id = runIdOf(cstDateOf(nowMs))
  const existing = await findRun(id)
  if (existing) return existing
  const districts = (await regionsAtLevel('district')).map((d) => d.code).sort()
  const run: RunDoc = {
    _id: id,
    kind: 'run',
    date: cstDateOf(nowMs),
    month: cstMonthOf(nowMs),
    asOfMs: nowMs,
    shardCount: districts.length,
    state: 'running',
    createdAt: toIsoCst(nowMs),
    createdAtMs: nowMs,
    finishedAt: null,
  }
  await createRun(run, districts)
  return (await findRun(id)) ?? run
}

/** Cities from their districts' snapshots, then the province from its cities'. */
async function rollUpRun(run: RunDoc, at: string): Promise<void> {
  for (const level of ['city', 'province'] as const) {
    for (const region of await regionsAtLevel(level)) {
      const parts = await childSnapshots(run.month, region.code)
      const f = rollUp(level, parts)
      await writeSnapshot(snapshotDoc(run, region, f, f.missing, at))
    }
  }
}

export async function snapshot(ctx: TriggerContext): Promise<unknown> {
  const started = performance.now()
  const budgetMs = envNum('MONITOR_SNAPSHOT_BUDGET_MS', 40_000)
  const maxShards = envNum('MONITOR_SNAPSHOT_MAX_SHARDS', Number.POSITIVE_INFINITY)
  const leaseMs = Math.max(60_000, budgetMs * 2)
  let shards = 0
  const outOfTime = () => performance.now() - started > budgetMs || shards >= maxShards
  const nowMs = ctx.now().getTime()

  const today = await openToday(nowMs)
  const runs = [...(await runningRuns()).filter((r) => r._id !== today._id), today]
  const report: { runId: string; month: string; state: string; shards: number; done: number }[] = []
  for (const run of runs) {
    while (run.state === 'running' && !outOfTime()) {
      const shard = await claimShard(run._id, ctx.requestId, ctx.now().getTime(), leaseMs)
      if (!shard) break
      const district = await getRegion(shard.districtCode)
      if (district) {
        const streets = await childrenOf(district.code)
        const f = await regionFigures(district, streets, run.month, run.asOfMs)
        const at = toIsoCst(ctx.now())
        await Promise.all([
          ...f.children.map((c) => writeSnapshot(snapshotDoc(run, c.region, c.figures, f.missing, at))),
          writeSnapshot(snapshotDoc(run, district, f.total, f.missing, at)),
        ])
      }
      shards++
      maybeCrash(shards)
      if (!(await finishShard(shard, ctx.now().getTime())))
        ctx.log.warn('monitor snapshot: lost the lease of a shard', { shard: shard._id })
    }
    if (run.state === 'running' && (await countShards(run._id, false)) === 0) {
      await rollUpRun(run, toIsoCst(ctx.now()))
      if (await finishRun(run._id, toIsoCst(ctx.now()))) run.state = 'done'
    }
    const done = await countShards(run._id, true)
    report.push({ runId: run._id, month: run.month, state: run.state, shards: run.shardCount, done })
  }
  ctx.log.info('monitor snapshot progress', { shards })
  return { shardsThisInvocation: shards, runs: report }
}
