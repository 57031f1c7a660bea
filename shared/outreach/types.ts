/** Answer shapes of the outreach actions, shared by the function and the mini-program. */
import type { Page } from '../actions/common'
import type { EmploymentStatus, KeyGroup } from '../domain/person'
import type { VisitOutcome } from '../actions/outreach'
import type { PriorityLevel, Reason } from './listRules'
import type { Stage } from './sequence'

export interface OutreachListItem {
  personId: string
  name: string
  sex: 'male' | 'female' | null
  age: number | null
  /** Masked: 3701**********1234 */
  idNumber: string
  /** Masked: 138****5678 (revealContact shows the full number) */
  phone: string
  gridCode: string
  residenceRegion: string | null
  streetCode: string | null
  employmentStatus: EmploymentStatus
  keyGroups: KeyGroup[]
  priority: number
  level: PriorityLevel
  reasons: Reason[]
  /** ISO-8601 +08:00 */
  startAt: string
  dueAt: string
  stage: Stage
  stageText: string
  escalatedTo: 'street' | null
  taskIds: string[]
  lastVisit: { visitedAt: string; outcome: VisitOutcome; byStaff: true } | null
}

export type VisitResultStatus = 'saved' | 'duplicate' | 'rejected'
export interface VisitResult {
  clientId: string
  status: VisitResultStatus
  /** Error code when rejected (FORBIDDEN, NOT_FOUND, CONTENT_REJECTED, VALIDATION_FAILED, …). */
  code?: string
  /** Chinese reason when rejected. */
  message?: string
  visitId?: string
}

export interface GridStats {
  /** The grids counted (the worker's own, or the one asked for). */
  gridCodes: string[]
  /** YYYY-MM of "this month" (CST). */
  month: string
  /** Persons in the grids who are outreach targets this month (key groups, tasks, follow-ups). */
  assigned: number
  /** Distinct target persons visited this month. */
  visitedPersons: number
  /** visitedPersons / assigned, 0–1 (0 when nothing is assigned). */
  coverage: number
  /** Visits recorded this month. */
  visits: number
  /** Entries now overdue or escalated. */
  overdue: number
  escalated: number
  /** Visits this month by outcome. */
  outcomes: Record<VisitOutcome, number>
}

export interface RevealedContact {
  personId: string
  name: string
  phone: string
  revealedAt: string
}

/** What each `outreach` action answers (the client's `callAction` types its answers from this map). */
export interface OutreachActionOutputs {
  'outreach.myList': Page<OutreachListItem>
  'outreach.revealContact': RevealedContact
  'outreach.recordVisits': { results: VisitResult[] }
  'outreach.gridStats': GridStats
}
