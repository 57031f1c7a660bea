/**
 * The policy check (政策体检): the given facts over the caller's bound person record (when there is one),
 * evaluated against every policy in force (or the ones asked for), each with its explanation, the facts
 * still missing (as questions to ask), and what would change a "no".
 */
import { AppError } from '../../../shared/errors'
import type { ActionContext } from '../../_core/function'
import { applicationOpen, evaluatePolicy, inForce } from '../../../shared/policies/evaluatePolicy'
import { factsOf } from '../../../shared/rules/facts'
import type { FactName, Facts } from '../../../shared/rules/types'
import { allPolicies } from '../repositories/policy.repository'
import { findPersonFacts } from '../repositories/person.repository'
import { questionOf } from '../helpers/policyView'
import { cstDateOf } from '../../../shared/calendar/chinaTime'

const ORDER = { eligible: 0, undetermined: 1, ineligible: 2 } as const

export async function checkEligibility(
  input: { facts?: Facts; useProfile?: boolean; policyIds?: string[]; asOf?: string },
  ctx: ActionContext,
) {
  const asOf = input.asOf ?? cstDateOf(ctx.now())
  let profile: Facts = {}
  const personId = ctx.caller?.user.personId
  if (personId && input.useProfile !== false) {
    const person = await findPersonFacts(personId)
    if (person) profile = factsOf(person as Record<string, unknown>)
  } else if (ctx.caller && input.useProfile !== false) {
    // not bound: what the resident told us in their profile (education, district) still counts
    const p = (ctx.caller.user.profile ?? {}) as { education?: unknown; regionCode?: unknown }
    profile = factsOf({ education: p.education, residenceRegion: p.regionCode })
  }
  const facts: Facts = { ...profile, ...(input.facts ?? {}) }
  let policies = await allPolicies()
  if (input.policyIds) {
    const wanted = new Set(input.policyIds)
    policies = policies.filter((p) => wanted.has(p.id))
    if (policies.length !== wanted.size) throw new AppError('NOT_FOUND', '部分政策不存在')
  } else {
    policies = policies.filter((p) => inForce(p, asOf) === 'inForce')
  }
  const results = policies
    .map((p) => {
      const r = evaluatePolicy(p, facts, asOf)
      return {
        policyId: p.id,
        version: p.version,
        title: p.title,
        status: r.status,
        reasons: r.reasons,
        missing: r.missing,
        changes: r.changes,
        eligibleFrom: r.eligibleFrom ?? null,
        applicationOpen: applicationOpen(p, asOf),
      }
    })
    .sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.policyId.localeCompare(b.policyId))
  // the questions still worth asking: facts that would decide an undetermined answer, most useful first
  const freq = new Map<FactName, number>()
  for (const r of results) for (const f of r.missing) freq.set(f, (freq.get(f) ?? 0) + 1)
  const missingFacts = [...freq.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([f, n]) => ({ ...questionOf(f), decides: n }))
  return {
    asOf,
    usedProfile: Object.keys(profile).length > 0,
    summary: {
      eligible: results.filter((r) => r.status === 'eligible').length,
      undetermined: results.filter((r) => r.status === 'undetermined').length,
      ineligible: results.filter((r) => r.status === 'ineligible').length,
    },
    results,
    missingFacts,
  }
}
