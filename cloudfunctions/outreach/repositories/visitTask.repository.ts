/** `visit_tasks` as the outreach module reads and closes them (producers create them via _core/visitTasks). */
import type { VisitTaskDoc } from '../../_core/visitTasks'
import { db } from '../../_core/app'

export type { VisitTaskDoc }

export async function openTasksInGrids(gridCodes: readonly string[]): Promise<VisitTaskDoc[]> {
  if (gridCodes.length === 0) return []
  const _ = db().command
  const out: VisitTaskDoc[] = []
  for (let g = 0; g < gridCodes.length; g += 100) {
    let last: string | null = null
    for (;;) {
      const where: Record<string, unknown> = { gridCode: _.in(gridCodes.slice(g, g + 100)), status: 'open' }
      if (last !== null) where._id = _.gt(last)
      const res = await db().collection('visit_tasks').where(where).orderBy('_id', 'asc').limit(1000).get()
      const page = (res.data ?? []) as VisitTaskDoc[]
      out.push(...page)
      if (page.length < 1000) break
      last = page[page.length - 1]._id
    }
  }
  return out
}

export async function openTasksOfPerson(personId: string): Promise<VisitTaskDoc[]> {
  const res = await db().collection('visit_tasks').where({ personId, status: 'open' }).limit(100).get()
  return (res.data ?? []) as VisitTaskDoc[]
}

/** Closes the open tasks among `ids` (a task closed already stays as it was). */
export async function closeTasks(
  ids: readonly string[],
  visitId: string,
  nowIso: string,
  nowMs: number,
): Promise<number> {
  let closed = 0
  for (const id of ids) {
    const res = await db()
      .collection('visit_tasks')
      .where({ _id: id, status: 'open' })
      .update({ status: 'done', closedAt: nowIso, closedAtMs: nowMs, closedByVisitId: visitId })
    closed += Number((res as { updated?: number }).updated ?? 0)
  }
  return closed
}

export async function countAttempt(ids: readonly string[], nowIso: string): Promise<void> {
  const _ = db().command
  for (const id of ids)
    await db()
      .collection('visit_tasks')
      .doc(id)
      .update({ attempts: _.inc(1), lastAttemptAt: nowIso })
}

/** Tasks of the grids closed since sinceMs (for this month's coverage). */
export async function tasksClosedSince(gridCodes: readonly string[], sinceMs: number): Promise<VisitTaskDoc[]> {
  if (gridCodes.length === 0) return []
  const _ = db().command
  const res = await db()
    .collection('visit_tasks')
    .where({ gridCode: _.in(gridCodes.slice(0, 100)), status: 'done', closedAtMs: _.gte(sinceMs) })
    .limit(1000)
    .get()
  return (res.data ?? []) as VisitTaskDoc[]
}

/** Open tasks due before dueBeforeMs that have not reached `stage` yet, read by _id ranges. */
export async function openTasksDueBefore(
  dueBeforeMs: number,
  notYet: 'remindedAt' | 'overdueAt' | 'escalatedAt',
  limit = 5000,
): Promise<VisitTaskDoc[]> {
  const _ = db().command
  const out: VisitTaskDoc[] = []
  let last: string | null = null
  for (;;) {
    const where: Record<string, unknown> = { status: 'open', dueAtMs: _.lte(dueBeforeMs), [notYet]: _.exists(false) }
    if (last !== null) where._id = _.gt(last)
    const res = await db().collection('visit_tasks').where(where).orderBy('_id', 'asc').limit(1000).get()
    const page = (res.data ?? []) as VisitTaskDoc[]
    out.push(...page)
    if (page.length < 1000 || out.length >= limit) break
    last = page[page.length - 1]._id
  }
  return out
}

export async function markStage(id: string, patch: Record<string, unknown>): Promise<void> {
  await db().collection('visit_tasks').where({ _id: id, status: 'open' }).update(patch)
}
