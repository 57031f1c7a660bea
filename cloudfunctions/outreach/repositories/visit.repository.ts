/** The `visits` collection: one document per recorded visit, unique on (workerOpenid, clientId). */
import type { EmploymentStatus } from '../../../shared/domain/person'
import type { ReferralKind, VisitNeed, VisitOutcome } from '../../../shared/actions/outreach'
import { db } from '../../_core/app'
import { isDuplicateWrite } from '../../_core/insertOnce'

export interface VisitDoc {
  _id?: string
  workerOpenid: string
  clientId: string
  personId: string
  gridCode: string
  streetCode: string | null
  outcome: VisitOutcome
  employmentStatus: EmploymentStatus | null
  previousEmploymentStatus: EmploymentStatus | null
  needs: VisitNeed[]
  referrals: { kind: ReferralKind; refId: string | null; note: string | null; byStaff: true; onBehalf: boolean }[]
  /** Masked (ID and phone numbers) before storage. */
  notes: string | null
  notesCheck: 'pass' | 'unchecked' | null
  nextFollowUpAt: string | null
  nextFollowUpAtMs: number | null
  visitedAt: string
  visitedAtMs: number
  onBehalf: boolean
  onBehalfConsent: { method: string; note: string | null; recordedAt: string } | null
  /** Label: recorded by staff (a grid worker), never by the resident. */
  recordedBy: 'staff'
  taskIds: string[]
  closedTaskIds: string[]
  /** Side effects (tasks, person update, audit) done. A visit saved but not applied is applied on a resend. */
  applied: boolean
  createdAt: string
  createdAtMs: number
}

export async function insertVisit(doc: VisitDoc): Promise<{ id: string } | { duplicate: true }> {
  try {
    const res = await db().collection('visits').add(doc)
    return { id: String((res as { id?: string }).id ?? '') }
  } catch (e) {
    if (isDuplicateWrite(e)) return { duplicate: true }
    throw e
  }
}

export async function findByClientId(
  workerOpenid: string,
  clientId: string,
): Promise<(VisitDoc & { _id: string }) | null> {
  const res = await db().collection('visits').where({ workerOpenid, clientId }).limit(1).get()
  return ((res.data ?? []) as (VisitDoc & { _id: string })[])[0] ?? null
}

export async function markApplied(id: string, patch: Partial<VisitDoc>): Promise<void> {
  await db()
    .collection('visits')
    .doc(id)
    .update({ ...patch, applied: true })
}

export type VisitSummary = Pick<
  VisitDoc,
  'personId' | 'outcome' | 'visitedAt' | 'visitedAtMs' | 'nextFollowUpAtMs' | 'workerOpenid'
> & { _id: string }

/** Visits to persons of the grids since sinceMs, read by _id ranges. */
export async function visitsInGridsSince(gridCodes: readonly string[], sinceMs: number): Promise<VisitSummary[]> {
  if (gridCodes.length === 0) return []
  const _ = db().command
  const out: VisitSummary[] = []
  for (let g = 0; g < gridCodes.length; g += 100) {
    let last: string | null = null
    for (;;) {
      const where: Record<string, unknown> = {
        gridCode: _.in(gridCodes.slice(g, g + 100)),
        visitedAtMs: _.gte(sinceMs),
      }
      if (last !== null) where._id = _.gt(last)
      const res = await db()
        .collection('visits')
        .where(where)
        .field({
          _id: true,
          personId: true,
          outcome: true,
          visitedAt: true,
          visitedAtMs: true,
          nextFollowUpAtMs: true,
          workerOpenid: true,
        })
        .orderBy('_id', 'asc')
        .limit(1000)
        .get()
      const page = (res.data ?? []) as VisitSummary[]
      out.push(...page)
      if (page.length < 1000) break
      last = page[page.length - 1]._id
    }
  }
  return out
}
