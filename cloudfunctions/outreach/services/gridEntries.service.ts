/**
 * Loads what the list rules need for a set of grids (persons, open tasks, recent visits) and evaluates every
 * person with shared/outreach/listRules. Used by myList and gridStats so both count the same entries.
 */
import {
  evaluatePerson,
  compareEntries,
  isCompletedOutcome,
  type ListEntry,
  type TaskFacts,
  type VisitFacts,
} from '../../../shared/outreach/listRules'
import { DAY_MS } from '../../../shared/outreach/sequence'
import { personsInGrids, type PersonRecord } from '../repositories/person.repository'
import { openTasksInGrids } from '../repositories/visitTask.repository'
import { visitsInGridsSince, type VisitSummary } from '../repositories/visit.repository'

/** Visits older than this do not affect the list (the longest quiet period is 90 days; follow-ups are rarer). */
export const VISIT_LOOKBACK_DAYS = 400

export interface GridEntries {
  persons: Map<string, PersonRecord>
  /** Sorted, most urgent first. */
  entries: ListEntry[]
  lastVisit: Map<string, VisitSummary>
  visits: VisitSummary[]
}

export async function loadGridEntries(gridCodes: readonly string[], nowMs: number): Promise<GridEntries> {
  const [persons, tasks, visits] = await Promise.all([
    personsInGrids(gridCodes),
    openTasksInGrids(gridCodes),
    visitsInGridsSince(gridCodes, nowMs - VISIT_LOOKBACK_DAYS * DAY_MS),
  ])
  const tasksByPerson = new Map<string, TaskFacts[]>()
  for (const t of tasks) {
    const list = tasksByPerson.get(t.personId) ?? []
    list.push({
      _id: t._id,
      reason: t.reason,
      source: t.source,
      priority: t.priority,
      dueAt: t.dueAt,
      createdAtMs: t.createdAtMs,
    })
    tasksByPerson.set(t.personId, list)
  }
  const lastVisit = new Map<string, VisitSummary>()
  const lastCompleted = new Map<string, VisitSummary>()
  for (const v of visits) {
    if (v.visitedAtMs > nowMs) continue
    const a = lastVisit.get(v.personId)
    if (!a || v.visitedAtMs > a.visitedAtMs) lastVisit.set(v.personId, v)
    if (isCompletedOutcome(v.outcome)) {
      const c = lastCompleted.get(v.personId)
      if (!c || v.visitedAtMs > c.visitedAtMs) lastCompleted.set(v.personId, v)
    }
  }
  const facts = (v: VisitSummary | undefined): VisitFacts | null =>
    v ? { visitedAtMs: v.visitedAtMs, outcome: v.outcome, nextFollowUpAtMs: v.nextFollowUpAtMs } : null
  const byId = new Map(persons.map((p) => [p._id, p]))
  const entries: ListEntry[] = []
  for (const p of persons) {
    const e = evaluatePerson(p, {
      nowMs,
      tasks: tasksByPerson.get(p._id),
      lastVisit: facts(lastVisit.get(p._id)),
      lastCompletedVisit: facts(lastCompleted.get(p._id)),
    })
    if (e) entries.push(e)
  }
  entries.sort(compareEntries)
  return { persons: byId, entries, lastVisit, visits }
}
