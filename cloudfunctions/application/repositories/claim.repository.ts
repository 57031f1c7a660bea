/**
 * The claimed effect of an approved policy application on the 政策找人 loop: the person's matches of that
 * policy (any version) carry `claimed`, and the open visit tasks the policy module made for them
 * (source.refId `<policyId>` or `<policyId>@<version>`) are closed, so the outreach reason disappears.
 */
import { db } from '../../_core/app'

export async function markMatchesClaimed(
  personId: string,
  policyId: string,
  applicationId: string,
  at: string,
): Promise<void> {
  await db()
    .collection('policy_matches')
    .where({ personId, policyId })
    .update({ claimed: true, claimedAt: at, claimedBy: applicationId })
}

export async function closePolicyVisitTasks(
  personId: string,
  policyId: string,
  at: string,
  nowMs: number,
): Promise<number> {
  const res = await db()
    .collection('visit_tasks')
    .where({ personId, status: 'open' })
    .orderBy('_id', 'asc')
    .limit(100)
    .get()
  const tasks = ((res.data as { _id: string; source?: { module?: string; refId?: string } }[]) ?? []).filter(
    (t) => t.source?.module === 'policy' && (t.source.refId === policyId || t.source.refId?.startsWith(`${policyId}@`)),
  )
  for (const t of tasks) {
    await db()
      .collection('visit_tasks')
      .where({ _id: t._id, status: 'open' })
      .update({ status: 'done', closedAt: at, closedAtMs: nowMs, closedReason: 'claimed' })
  }
  return tasks.length
}

/** A policy push still waiting in the outbox for this person loses its visit-task fallback (nothing more to chase). */
export async function dropPendingPolicyFallbacks(openid: string, policyId: string): Promise<void> {
  const res = await db()
    .collection('outbox')
    .where({ openid, template: 'policyMatch' })
    .orderBy('createdAtMs', 'desc')
    .limit(100)
    .get()
  const docs = ((res.data as { _id: string; state: string; source?: { refId?: string } }[]) ?? []).filter(
    (d) => d.state !== 'sent' && (d.source?.refId === policyId || d.source?.refId?.startsWith(`${policyId}@`)),
  )
  for (const d of docs) await db().collection('outbox').doc(d._id).update({ fallback: null })
}
