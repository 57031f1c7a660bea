/**
 * Impact dry run (admin): how many persons, by city, a policy as drafted would make newly eligible compared
 * with its current version (or with nothing, for a new policy), and how many would lose eligibility.
 * Reads persons by `_id` pages within a time budget; when the population is larger it answers a partial
 * count with `nextCursor` to continue from (add the counts up). Writes nothing.
 */
import type { ActionContext } from '../../_core/function'
import { decodeCursor, encodeCursor } from '../../_core/paging'
import { compilePolicies } from '../../../shared/policies/evaluatePolicy'
import { encodeFacts } from '../../../shared/rules/columns'
import { factsOf } from '../../../shared/rules/facts'
import { findPolicy } from '../repositories/policy.repository'
import { pagePersons } from '../repositories/person.repository'
import { regionNames } from '../repositories/region.repository'
import { checkDates, type PolicyInput } from '../helpers/policyInput'
import { cstDateOf } from '../../../shared/calendar/chinaTime'

const PAGE = 1000

async function cityNames(codes: string[]): Promise<Map<string, string>> {
  try {
    return await regionNames(codes)
  } catch {
    return new Map() /* names are a nicety */
  }
}

export async function impact(input: { policy: PolicyInput; asOf?: string; cursor?: string }, ctx: ActionContext) {
  checkDates(input.policy)
  const started = performance.now()
  const budget = Number(process.env.POLICY_IMPACT_BUDGET_MS) || 8000
  const asOf = input.asOf ?? cstDateOf(ctx.now())
  const cur = decodeCursor(
    input.cursor,
    (v): v is { after: string } =>
      typeof v === 'object' && v !== null && typeof (v as { after: string }).after === 'string',
  )
  const current = await findPolicy(input.policy.id)
  const compiled = compilePolicies(current ? [input.policy, current] : [input.policy], asOf)
  const byCity = new Map<string, number>()
  let gained = 0
  let lost = 0
  let eligible = 0
  let scanned = 0
  let after: string | null = cur?.after ?? null
  let finished = false
  while (performance.now() - started < budget) {
    const persons = await pagePersons({ lo: '', hi: null }, after, PAGE)
    const out = compiled.run(encodeFacts(persons.map((p) => factsOf(p as Record<string, unknown>))))
    for (let i = 0; i < persons.length; i++) {
      const now = out[0][i] === 2
      const before = current ? out[1][i] === 2 : false
      if (now) eligible++
      if (now && !before) {
        gained++
        const city = persons[i].cityCode ?? String(persons[i].residenceRegion ?? '').slice(0, 4) + '00'
        byCity.set(city, (byCity.get(city) ?? 0) + 1)
      }
      if (before && !now) lost++
    }
    scanned += persons.length
    if (persons.length) after = persons[persons.length - 1]._id
    if (persons.length < PAGE) {
      finished = true
      break
    }
  }
  const names = await cityNames([...byCity.keys()])
  return {
    policyId: input.policy.id,
    comparedWithVersion: current?.version ?? null,
    asOf,
    scanned,
    eligible,
    newlyEligible: gained,
    noLongerEligible: lost,
    byCity: [...byCity.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([cityCode, count]) => ({ cityCode, cityName: names.get(cityCode) ?? null, count })),
    nextCursor: finished || after === null ? null : encodeCursor({ after }),
  }
}
