/**
 * Timer trigger `rematch` (政策找人): (1) open runs for policies whose application window opened or that came
 * into force since they were published; (2) work through unfinished shards of every run, page by page by
 * `_id`, checkpointing after each page; (3) sweep persons whose facts changed since the last sweep. Stops
 * within its time budget and reports progress; the next invocation resumes from the checkpoints.
 */
import type { TriggerContext } from '../../_core/function'
import { compilePolicies } from '../../../shared/policies/evaluatePolicy'
import { inForce } from '../../../shared/policies/evaluatePolicy'
import type { CompiledRules } from '../../../shared/rules/compile'
import { allPolicies } from '../repositories/policy.repository'
import { changedPersons, pagePersons } from '../repositories/person.repository'
import {
  checkpointChanges,
  checkpointShard,
  claimChanges,
  claimShard,
  findRun,
  finishRunIfDone,
  getChangesCursor,
  releaseChanges,
  releaseShard,
  zeroCounters,
  type Counters,
  type RunDoc,
} from '../repositories/batch.repository'
import { processPage } from '../services/matching.service'
import { planRun, snapshot } from '../services/runPlanner.service'
import { batchProgress } from '../helpers/batchProgress'
import { cstDateOf, toIsoCst } from '../../../shared/calendar/chinaTime'

const envNum = (name: string, def: number): number => {
  const v = Number(process.env[name])
  return Number.isFinite(v) && v > 0 ? v : def
}

/** Fault injection for tests: crash after N pages' effects are written but before their checkpoint. */
function maybeCrash(pagesDone: number): void {
  const n = Number(process.env.POLICY_BATCH_CRASH_AFTER_PAGES)
  if (Number.isFinite(n) && n > 0 && pagesDone >= n) {
    delete process.env.POLICY_BATCH_CRASH_AFTER_PAGES
    throw new Error('injected crash (POLICY_BATCH_CRASH_AFTER_PAGES)')
  }
}

const add = (a: Counters, b: Counters) => {
  for (const k of Object.keys(a) as (keyof Counters)[]) a[k] += b[k]
}

export async function openDueRuns(ctx: Pick<TriggerContext, 'now'>): Promise<string[]> {
  const today = cstDateOf(ctx.now())
  const opened: string[] = []
  for (const p of await allPolicies()) {
    const from = [p.effectiveFrom, p.applicationWindow?.from ?? ''].sort().at(-1) as string
    if (from > today || from <= cstDateOf(p.publishedAtMs) || inForce(p, today) !== 'inForce') continue
    if (p.applicationWindow?.to && today > p.applicationWindow.to) continue
    const r = await planRun({
      id: `open:${p.id}@${p.version}:${from}`,
      reason: 'window',
      policies: [snapshot(p)],
      notify: true,
      now: ctx.now(),
      by: null,
    })
    if (r.created) opened.push(r.runId)
  }
  return opened
}

export async function rematch(ctx: TriggerContext): Promise<unknown> {
  const started = performance.now()
  const budgetMs = envNum('POLICY_BATCH_BUDGET_MS', 40_000)
  const pageSize = envNum('POLICY_BATCH_PAGE', 500)
  const maxPages = envNum('POLICY_BATCH_MAX_PAGES', Number.POSITIVE_INFINITY)
  const leaseMs = Math.max(60_000, budgetMs * 2)
  let pages = 0
  const outOfTime = () => performance.now() - started > budgetMs || pages >= maxPages
  const done = zeroCounters()

  const opened = await openDueRuns(ctx)

  const runs = new Map<string, { run: RunDoc; compiled: CompiledRules }>()
  // (2) shards of runs
  while (!outOfTime()) {
    const shard = await claimShard(ctx.requestId, ctx.now().getTime(), leaseMs)
    if (!shard) break
    let entry = runs.get(shard.runId)
    if (!entry) {
      const run = await findRun(shard.runId)
      if (!run) break
      entry = { run, compiled: compilePolicies(run.policies, run.asOf) }
      runs.set(run._id, entry)
    }
    const { run, compiled } = entry
    for (;;) {
      if (outOfTime()) {
        await releaseShard(shard)
        break
      }
      const persons = await pagePersons({ lo: shard.lo, hi: shard.hi }, shard.lastId, pageSize)
      const c = await processPage({
        persons,
        policies: run.policies,
        compiled,
        asOf: run.asOf,
        runId: run._id,
        notify: run.notify,
        now: ctx.now(),
      })
      pages++
      maybeCrash(pages)
      const finished = persons.length < pageSize
      const lastId = persons.length ? persons[persons.length - 1]._id : shard.lastId
      const ok = await checkpointShard(shard, lastId as string, c, finished, ctx.now().getTime(), leaseMs)
      if (!ok) {
        ctx.log.warn('policy batch: lost the lease of a shard', { shard: shard._id })
        break
      }
      add(done, c)
      shard.lastId = lastId
      if (finished) {
        if (await finishRunIfDone(run._id, toIsoCst(ctx.now())))
          ctx.log.info('policy batch: run done', { runId: run._id })
        break
      }
    }
  }

  // (3) persons whose facts changed
  let changes: Counters | null = null
  if (!outOfTime()) {
    const cursorDoc = await getChangesCursor()
    if (await claimChanges(ctx.requestId, ctx.now().getTime(), leaseMs)) {
      changes = zeroCounters()
      try {
        const today = cstDateOf(ctx.now())
        const current = (await allPolicies()).filter((p) => inForce(p, today) === 'inForce').map(snapshot)
        const compiled = compilePolicies(current, today)
        let cursor = { ms: cursorDoc.ms, id: cursorDoc.id }
        while (current.length && !outOfTime()) {
          const persons = await changedPersons(cursor, pageSize)
          if (!persons.length) break
          const c = await processPage({
            persons,
            policies: current,
            compiled,
            asOf: today,
            runId: 'changes',
            notify: true,
            now: ctx.now(),
          })
          pages++
          const last = persons[persons.length - 1]
          cursor = { ms: Number(last.factsChangedAtMs ?? 0), id: last._id }
          if (!(await checkpointChanges(ctx.requestId, cursor, c, ctx.now().getTime(), leaseMs))) break
          add(changes, c)
          if (persons.length < pageSize) break
        }
      } finally {
        await releaseChanges(ctx.requestId)
      }
    }
  }

  const progress = await batchProgress()
  ctx.log.info('policy batch progress', { pages, ...done })
  return { opened, pages, thisInvocation: done, changesThisInvocation: changes, ...progress }
}
