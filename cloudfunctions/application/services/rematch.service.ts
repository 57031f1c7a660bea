/**
 * Re-run 政策找人 for one person now (after an approval changed their register facts), with the policy
 * module's own matching page: the same writes, notifications and visit tasks as its batch, for one record.
 */
import { compilePolicies, inForce } from '../../../shared/policies/evaluatePolicy'
import { allPolicies } from '../../policy/repositories/policy.repository'
import { findPersonFacts } from '../../policy/repositories/person.repository'
import { snapshot } from '../../policy/services/runPlanner.service'
import { processPage } from '../../policy/services/matching.service'
import { cstDateOf } from '../../../shared/calendar/chinaTime'

export async function rematchPerson(personId: string, now: Date): Promise<{ eligible: number }> {
  const person = await findPersonFacts(personId)
  if (!person) return { eligible: 0 }
  const today = cstDateOf(now)
  const current = (await allPolicies()).filter((p) => inForce(p, today) === 'inForce').map(snapshot)
  if (!current.length) return { eligible: 0 }
  const c = await processPage({ persons: [person], policies: current, compiled: compilePolicies(current, today), asOf: today, runId: 'changes', notify: true, now })
  return { eligible: c.eligible }
}
