/**
 * Policy seed: the policy library (shared/policies) as published version 1, and a baseline matching run
 * (notify: false) that records who is eligible today without telling anyone; the first `rematch` trigger
 * works it off. Publishing a new or changed policy afterwards tells only the newly eligible.
 */
import { POLICY_LIBRARY } from '../../shared/policies/library'
import type { ModuleSeed } from './types'
import { cstDateOf, toIsoCst } from '../../shared/calendar/chinaTime'

const policySeed: ModuleSeed = async (writer, options) => {
  const nowMs = options.now.getTime()
  const at = toIsoCst(nowMs)
  const docs = POLICY_LIBRARY.map(({ examples: _e, ...p }) => ({
    ...p,
    _id: p.id,
    publishedAt: at,
    publishedAtMs: nowMs,
    publishedBy: null,
  }))
  await writer.insertMany('policies', docs)
  await writer.insertMany(
    'policy_versions',
    docs.map((d) => ({ ...d, _id: `${d.id}@${d.version}`, policyId: d.id })),
  )
  const runId = 'baseline:seed'
  await writer.insertMany('policy_batch_checkpoints', [
    {
      _id: runId,
      kind: 'run',
      reason: 'baseline',
      asOf: cstDateOf(nowMs),
      notify: false,
      policies: docs.map((p) => ({
        id: p.id,
        version: p.version,
        title: p.title,
        summary: p.summary,
        rule: p.rule,
        effectiveFrom: p.effectiveFrom,
        effectiveTo: p.effectiveTo,
      })),
      boundaries: [],
      shardCount: 1,
      state: 'running',
      createdAt: at,
      createdAtMs: nowMs,
      finishedAt: null,
      by: null,
    },
    {
      _id: `${runId}#000`,
      kind: 'shard',
      runId,
      runCreatedAtMs: nowMs,
      k: 0,
      lo: '',
      hi: null,
      lastId: null,
      done: false,
      leaseUntilMs: 0,
      owner: null,
      updatedAtMs: nowMs,
      processed: 0,
      eligible: 0,
      newlyEligible: 0,
      pushes: 0,
      visitTasks: 0,
      lapsed: 0,
    },
  ])
}

export default policySeed
