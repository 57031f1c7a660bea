/**
 * A person's facts changed (a visit found them employed, a profile update, …): mark the record so the policy
 * batch (owned by the policy module) re-evaluates it on its next run.
 */
import { db } from './app'

export async function markPersonFactsChanged(personId: string, now: Date): Promise<void> {
  await db().collection('persons').doc(personId).update({ factsChangedAtMs: now.getTime() })
}
