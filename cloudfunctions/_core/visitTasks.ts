/**
 * Producers' entry to the grid workers' visit tasks (owned by the outreach module): a person whom a push
 * could not reach, or who matched a policy, becomes a task in their grid. Idempotent on `key`.
 *
 * The task carries the person's grid (looked up here, so producers need not know it) so that the grid
 * worker's list reads it by the `grid_status` index; `reason.text` is shown to the worker as given, so a policy
 * producer passes the policy engine's own explanation. The contact sequence (invite → reminder after 3 days →
 * overdue → escalation) runs from `createdAt` to `dueAt` (default 7 days, shared/outreach/sequence.ts).
 * A visit that completes the contact closes the task (status 'done'); see cloudfunctions/outreach.
 */
import { defaultDueMs } from '../../shared/outreach/sequence'
import { db } from './app'
import { insertOnce } from './insertOnce'
import { toIsoCst } from '../../shared/calendar/chinaTime'

export interface VisitTaskRequest {
  key: string
  personId: string
  /** Machine code and Chinese explanation, e.g. { code: 'policyUnclaimed', text: '符合一次性创业补贴条件但尚未申领' }. */
  reason: { code: string; text: string }
  source: { module: string; refId: string }
  /** 0–100; the list raises it with the stage of the sequence. */
  priority?: number
  /** ISO-8601; default 7 days after creation. */
  dueAt?: string
}

export type VisitTaskStatus = 'open' | 'done' | 'cancelled'

export interface VisitTaskDoc {
  _id: string
  key: string
  personId: string
  gridCode: string | null
  streetCode: string | null
  reason: { code: string; text: string }
  source: { module: string; refId: string }
  priority: number
  status: VisitTaskStatus
  dueAt: string
  dueAtMs: number
  createdAt: string
  createdAtMs: number
  closedAt?: string | null
  closedByVisitId?: string | null
  attempts?: number
  /** Marks of the contact sequence set by the outreach `sequence` trigger. */
  remindedAt?: string
  overdueAt?: string
  escalatedAt?: string
  escalatedTo?: string | null
}

export async function createVisitTask(
  req: VisitTaskRequest,
  now: Date,
): Promise<{ created: boolean; gridCode?: string | null }> {
  const res = await db().collection('persons').doc(req.personId).field({ gridCode: true, streetCode: true }).get()
  const person = (res.data as { gridCode?: string; streetCode?: string }[] | undefined)?.[0]
  const dueMs =
    req.dueAt && Number.isFinite(Date.parse(req.dueAt)) ? Date.parse(req.dueAt) : defaultDueMs(now.getTime())
  const doc: VisitTaskDoc = {
    _id: req.key,
    key: req.key,
    personId: req.personId,
    gridCode: person?.gridCode ?? null,
    streetCode: person?.streetCode ?? null,
    reason: { code: String(req.reason.code), text: String(req.reason.text).slice(0, 200) },
    source: { module: String(req.source.module), refId: String(req.source.refId) },
    priority: Math.max(0, Math.min(100, Math.round(req.priority ?? 50))),
    status: 'open',
    dueAt: toIsoCst(dueMs),
    dueAtMs: dueMs,
    createdAt: toIsoCst(now),
    createdAtMs: now.getTime(),
    attempts: 0,
  }
  const created = await insertOnce('visit_tasks', doc)
  return { created, gridCode: doc.gridCode }
}
