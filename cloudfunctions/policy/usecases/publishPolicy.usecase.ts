/**
 * Publish a policy (admin): the examples it carries must all pass, the version goes up by one, the previous
 * versions stay in `policy_versions`, and a matching run starts for it (the newly eligible are told once).
 */
import { AppError } from '../../../shared/errors'
import { audit } from '../../_core/audit'
import type { ActionContext } from '../../_core/function'
import { requireCaller } from '../../_core/function'
import { evaluatePolicy } from '../../../shared/policies/evaluatePolicy'
import { findPolicy, savePolicyVersion, type PolicyDoc } from '../repositories/policy.repository'
import { planRun, snapshot } from '../services/runPlanner.service'
import { toIsoCst } from '../../../shared/calendar/chinaTime'
import { checkDates, type PolicyInput } from '../helpers/policyInput'

/** Failures of a policy's own example cases (empty when all pass). */
export function failingExamples(p: PolicyInput): { name: string; expected: string; got: string }[] {
  const out: { name: string; expected: string; got: string }[] = []
  for (const ex of p.examples ?? []) {
    const r = evaluatePolicy(p, ex.facts, ex.asOf)
    if (r.status !== ex.expect) out.push({ name: ex.name, expected: ex.expect, got: r.status })
    else if (ex.eligibleFrom && r.eligibleFrom !== ex.eligibleFrom)
      out.push({
        name: ex.name,
        expected: `eligibleFrom ${ex.eligibleFrom}`,
        got: `eligibleFrom ${r.eligibleFrom ?? '无'}`,
      })
  }
  return out
}

export async function publishPolicy(input: { policy: PolicyInput }, ctx: ActionContext) {
  const caller = requireCaller(ctx)
  const p = input.policy
  checkDates(p)
  const failures = failingExamples(p)
  if (failures.length)
    throw new AppError('VALIDATION_FAILED', `示例用例未通过：${failures[0].name}`, { examples: failures })
  const current = await findPolicy(p.id)
  const version = (current?.version ?? 0) + 1
  const now = ctx.now()
  const { examples: _examples, ...rest } = p
  const doc: PolicyDoc = {
    ...rest,
    _id: p.id,
    version,
    publishedAt: toIsoCst(now),
    publishedAtMs: now.getTime(),
    publishedBy: caller.openid,
  }
  if ((await savePolicyVersion(doc)) === 'conflict') throw new AppError('CONFLICT', '该政策刚被他人更新，请刷新后重试')
  await audit(ctx, {
    event: 'policy.publish',
    targetType: 'policy',
    targetId: `${p.id}@${version}`,
    outcome: 'ok',
    detail: { title: p.title, previousVersion: current?.version ?? null },
  })
  const run = await planRun({
    id: `publish:${p.id}@${version}`,
    reason: 'publish',
    policies: [snapshot(doc)],
    notify: true,
    now,
    by: caller.openid,
  })
  return { id: p.id, version, runId: run.runId, shards: run.shards }
}
