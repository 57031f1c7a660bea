/**
 * Producers' entry to the grid workers' visit tasks (owned by the outreach module): a person whom a push
 * could not reach, or who matched a policy, becomes a task in their grid. Idempotent on `key`.
 */
import { db } from './app'
import { toIsoCst } from './clock'

export interface VisitTaskRequest {
  key: string
  personId: string
  /** Machine code and Chinese explanation, e.g. { code: 'policyUnclaimed', text: '符合一次性创业补贴条件但尚未申领' }. */
  reason: { code: string; text: string }
  source: { module: string; refId: string }
  priority?: number
  dueAt?: string
}

export async function createVisitTask(req: VisitTaskRequest, now: Date): Promise<{ created: boolean }> {
  try {
    await db().collection('visit_tasks').add({
      _id: req.key,
      ...req,
      priority: req.priority ?? 50,
      status: 'open',
      createdAt: toIsoCst(now),
      createdAtMs: now.getTime(),
    })
    return { created: true }
  } catch (e) {
    if ((e as { code?: string })?.code === 'DATABASE_DUPLICATE_WRITE') return { created: false }
    throw e
  }
}
