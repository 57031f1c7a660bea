/**
 * Port of the policy module (ports/ is what another function may import from this one; its repositories stay
 * private): re-run 政策找人 for one person now, e.g. after an approved registration changed their register facts
 * (the application function calls it before it answers). The policy module's own matching page: the same
 * writes, notifications and visit tasks as its batch, for one record. Bundled into each caller by esbuild.
 */
import { compilePolicies, inForce } from '../../../shared/policies/evaluatePolicy'
import { cstDateOf as cstDate } from '../../../shared/calendar/chinaTime'
import { allPolicies } from '../repositories/policy.repository'
import { findPersonFacts } from '../repositories/person.repository'
import { snapshot } from '../services/runPlanner.service'
import { processPage } from '../services/matching.service'

export async function rematchPerson(personId: string, now: Date): Promise<{ eligible: number }> {
  const person = await findPersonFacts(personId)
  if (!person) return { eligible: 0 }
  const today = cstDate(now)
  const current = (await allPolicies()).filter((p) => inForce(p, today) === 'inForce').map(snapshot)
  if (!current.length) return { eligible: 0 }
  const c = await processPage({
    persons: [person],
    policies: current,
    compiled: compilePolicies(current, today),
    asOf: today,
    runId: 'changes',
    notify: true,
    now,
  })
  return { eligible: c.eligible }
}
