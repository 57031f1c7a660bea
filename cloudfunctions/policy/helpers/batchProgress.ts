/** Progress of the matching batch (admin): what batchStatus answers and every `rematch` invocation returns. */
import {
  countPersons,
  findRun,
  getChangesCursor,
  recentRuns,
  shardsOf,
  zeroCounters,
  type RunDoc,
} from '../repositories/batch.repository'

async function runProgress(run: RunDoc, total: number) {
  const shards = await shardsOf(run._id)
  const sum = zeroCounters()
  for (const s of shards) for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += s[k]
  return {
    runId: run._id,
    reason: run.reason,
    asOf: run.asOf,
    state: run.state,
    notify: run.notify,
    policies: run.policies.map((p) => ({ id: p.id, version: p.version, title: p.title })),
    shards: run.shardCount,
    shardsDone: shards.filter((s) => s.done).length,
    ...sum,
    percent: total > 0 ? Math.min(100, Math.round((sum.processed / total) * 1000) / 10) : 100,
    createdAt: run.createdAt,
    finishedAt: run.finishedAt ?? null,
  }
}

export async function batchProgress(runId?: string) {
  const total = await countPersons()
  const runs = runId ? [await findRun(runId)].filter((r): r is RunDoc => !!r) : await recentRuns(5)
  const changes = await getChangesCursor()
  return {
    persons: total,
    runs: await Promise.all(runs.map((r) => runProgress(r, total))),
    changes: {
      processed: changes.processed,
      newlyEligible: changes.newlyEligible,
      pushes: changes.pushes,
      visitTasks: changes.visitTasks,
      lapsed: changes.lapsed,
      cursorMs: changes.ms,
    },
  }
}
