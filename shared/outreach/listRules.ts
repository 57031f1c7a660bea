/**
 * Who is on a grid worker's visit list, why, how urgent, and at which stage of the contact sequence.
 * Pure: the outreach use case loads the facts (persons of the worker's grids, their open visit tasks and
 * visits) and calls `evaluatePerson` for each; tests call it directly, one rule at a time.
 *
 * Sources of an entry (issue 9):
 * - key groups: registered unemployed for N days, graduates without a job within 6 months of graduating,
 *   employment difficulty, disabled job seekers, returned migrant workers — contacted once per cycle
 *   (REVISIT_DAYS after the last completed visit; never-visited persons from the start of the month);
 * - open visit tasks made by other modules through createVisitTask: policy matches not claimed (the reason
 *   text is the policy engine's own explanation, carried on the task), pushes that could not be delivered;
 * - follow-ups the worker scheduled on an earlier visit.
 */
import type { Education, EmploymentStatus, KeyGroup } from '../domain/person'
import type { VisitOutcome } from '../actions/outreach'
import { DAY_MS, defaultDueMs, REMINDER_AFTER_DAYS, sequenceAt, type Stage, STAGE_LABELS } from './sequence'
import { cstDateMs, cstMonthMs, cstMonthStartMs, cstWallClock } from '../calendar/chinaTime'

/** Registered unemployed persons enter the list after this many days. */
export const REGISTERED_UNEMPLOYED_MIN_DAYS = 30
/** From this many days on, registered unemployment is long-term (长期失业) and more urgent. */
export const LONG_TERM_UNEMPLOYED_DAYS = 180
/** Graduates are followed up within this many months after leaving school (graduation taken as 1 July). */
export const GRADUATE_FOLLOW_MONTHS = 6
/** Key-group persons are contacted again this many days after a completed visit. */
export const REVISIT_DAYS = 30
/** After a refusal, key-group contact waits this long (tasks and follow-ups still show). */
export const REFUSED_QUIET_DAYS = 90
/** A follow-up shows this many days before the agreed date. */
export const FOLLOW_UP_LEAD_DAYS = REMINDER_AFTER_DAYS

export const REASON_CODES = [
  'followUpDue',
  'policyUnclaimed',
  'pushUndelivered',
  'employmentDifficulty',
  'disabledJobSeeker',
  'recentGraduate',
  'registeredUnemployed',
  'returnedMigrant',
  'visitTask',
  'retryUnreachable',
] as const
export type ReasonCode = (typeof REASON_CODES)[number]

/** Base priority (0–100) of each reason; the entry takes the highest, plus extras (see `priorityOf`). */
export const REASON_BASE_PRIORITY: Record<ReasonCode, number> = {
  followUpDue: 70,
  policyUnclaimed: 60,
  pushUndelivered: 60,
  employmentDifficulty: 55,
  disabledJobSeeker: 55,
  recentGraduate: 50,
  registeredUnemployed: 45,
  returnedMigrant: 40,
  visitTask: 50,
  retryUnreachable: 0,
}
const STAGE_BONUS: Record<Stage, number> = { invite: 0, reminder: 5, overdue: 15, escalated: 25 }
const EXTRA_REASON_BONUS = 5
const LONG_TERM_BONUS = 10

export type PriorityLevel = 'high' | 'medium' | 'low'
export const PRIORITY_LEVEL_LABELS: Record<PriorityLevel, string> = { high: '高', medium: '中', low: '低' }
export const levelOf = (priority: number): PriorityLevel =>
  priority >= 75 ? 'high' : priority >= 55 ? 'medium' : 'low'

export interface PersonFacts {
  _id: string
  keyGroups?: KeyGroup[] | null
  education?: Education | null
  graduationYear?: number | null
  employmentStatus: EmploymentStatus
  employmentStatusSince?: string | null
  registeredUnemployed?: boolean | null
  registeredUnemployedSince?: string | null
  createdAt?: string | null
}

export interface TaskFacts {
  _id: string
  reason: { code: string; text: string }
  source: { module: string; refId: string }
  priority?: number | null
  /** ISO-8601 */
  dueAt?: string | null
  createdAtMs: number
}

export interface VisitFacts {
  visitedAtMs: number
  outcome: VisitOutcome
  nextFollowUpAtMs?: number | null
}

export interface PersonContext {
  nowMs: number
  /** Open visit tasks of the person. */
  tasks?: TaskFacts[]
  /** The person's latest visit (any outcome) and latest completed visit (reached, refused, moved away). */
  lastVisit?: VisitFacts | null
  lastCompletedVisit?: VisitFacts | null
}

export interface Reason {
  code: ReasonCode
  text: string
  taskId?: string
  source?: { module: string; refId: string }
}

export interface ListEntry {
  personId: string
  reasons: Reason[]
  priority: number
  level: PriorityLevel
  startMs: number
  dueMs: number
  stage: Stage
  stageText: string
  /** Set once escalated: the street office the case goes to. */
  escalatedTo: 'street' | null
  taskIds: string[]
}

interface Candidate {
  reason: Reason
  startMs: number
  dueMs: number
  priority: number
}

const COMPLETED: readonly VisitOutcome[] = ['reached', 'refused', 'movedAway']
export const isCompletedOutcome = (o: VisitOutcome): boolean => COMPLETED.includes(o)

const NOT_WORKING: readonly EmploymentStatus[] = ['unemployed']
const WITHOUT_STABLE_JOB: readonly EmploymentStatus[] = ['unemployed', 'flexible']
const HIGHER_EDUCATION: readonly Education[] = ['college', 'bachelor', 'master', 'doctor']

const fmtDate = (ms: number): string => {
  const t = cstWallClock(ms)
  return `${t.getUTCMonth() + 1}月${t.getUTCDate()}日`
}

/** Key-group reasons with the time from which each applies (before the revisit cycle). */
export function keyGroupReasons(
  p: PersonFacts,
  nowMs: number,
): { reason: Reason; eligibleFromMs: number; bonus: number }[] {
  const out: { reason: Reason; eligibleFromMs: number; bonus: number }[] = []
  const groups = p.keyGroups ?? []
  const fallbackStart = Number.isFinite(cstDateMs(p.employmentStatusSince))
    ? cstDateMs(p.employmentStatusSince)
    : cstDateMs(p.createdAt)
  const since = (ms: number) => (Number.isFinite(ms) ? ms : 0)

  if (p.registeredUnemployed && NOT_WORKING.includes(p.employmentStatus)) {
    const from = cstDateMs(p.registeredUnemployedSince)
    if (Number.isFinite(from)) {
      const days = Math.floor((nowMs - from) / DAY_MS)
      if (days >= REGISTERED_UNEMPLOYED_MIN_DAYS) {
        const longTerm = days >= LONG_TERM_UNEMPLOYED_DAYS
        out.push({
          reason: {
            code: 'registeredUnemployed',
            text: longTerm ? `登记失业已满${days}天（长期失业），需重点帮扶` : `登记失业已满${days}天，了解求职需求`,
          },
          eligibleFromMs: from + REGISTERED_UNEMPLOYED_MIN_DAYS * DAY_MS,
          bonus: longTerm ? LONG_TERM_BONUS : 0,
        })
      }
    }
  }

  const isGraduate = groups.includes('recentGraduate') || (!!p.education && HIGHER_EDUCATION.includes(p.education))
  if (isGraduate && p.graduationYear && NOT_WORKING.includes(p.employmentStatus)) {
    const gradMs = cstDateMs(`${p.graduationYear}-07-01`)
    const endMs = cstMonthMs(p.graduationYear, 6 + GRADUATE_FOLLOW_MONTHS)
    if (nowMs >= gradMs && nowMs < endMs) {
      const months = Math.max(0, Math.floor((nowMs - gradMs) / (30.44 * DAY_MS)))
      out.push({
        reason: {
          code: 'recentGraduate',
          text: `${p.graduationYear}届高校毕业生离校未就业（离校${months}个月），6个月内需跟踪服务`,
        },
        eligibleFromMs: gradMs,
        bonus: 0,
      })
    }
  }

  if (groups.includes('employmentDifficulty') && WITHOUT_STABLE_JOB.includes(p.employmentStatus)) {
    out.push({
      reason: { code: 'employmentDifficulty', text: '就业困难人员，尚未稳定就业，需就业援助' },
      eligibleFromMs: since(fallbackStart),
      bonus: 0,
    })
  }
  if (groups.includes('disabled') && WITHOUT_STABLE_JOB.includes(p.employmentStatus)) {
    out.push({
      reason: { code: 'disabledJobSeeker', text: '残疾人求职者，需了解就业意愿并提供援助' },
      eligibleFromMs: since(fallbackStart),
      bonus: 0,
    })
  }
  if (groups.includes('returnedMigrant') && WITHOUT_STABLE_JOB.includes(p.employmentStatus)) {
    out.push({
      reason: { code: 'returnedMigrant', text: '返乡入乡人员，了解就业创业需求' },
      eligibleFromMs: since(fallbackStart),
      bonus: 0,
    })
  }
  return out
}

const PUSH_CODES = new Set(['pushUndelivered', 'pushUnreachable', 'consentExhausted'])

/**
 * The reason code of a visit task. The notify dispatcher's fallback keeps the producer's `source` (e.g. a policy
 * push that could not be delivered has source.module 'policy'), so a push failure is recognised first by its
 * key prefix `notify:` or its code.
 */
export function taskReasonCode(t: TaskFacts): ReasonCode {
  if (t._id.startsWith('notify:') || t.source.module === 'notify' || PUSH_CODES.has(t.reason.code))
    return 'pushUndelivered'
  if (t.source.module === 'policy' || t.reason.code === 'policyUnclaimed') return 'policyUnclaimed'
  if (t.reason.code === 'followUpDue') return 'followUpDue'
  return 'visitTask'
}

export function priorityOf(candidates: { priority: number }[], stage: Stage, extraBonus = 0): number {
  if (candidates.length === 0) return 0
  const top = Math.max(...candidates.map((c) => c.priority))
  return Math.min(100, top + EXTRA_REASON_BONUS * (candidates.length - 1) + STAGE_BONUS[stage] + extraBonus)
}

/** The person's list entry now, or null when nothing is due. */
export function evaluatePerson(p: PersonFacts, ctx: PersonContext): ListEntry | null {
  const now = ctx.nowMs
  const candidates: Candidate[] = []
  const completed = ctx.lastCompletedVisit ?? null

  // Key groups, once per cycle. A person who moved away leaves the key-group list; a refusal quiets it.
  const movedAway = completed?.outcome === 'movedAway'
  if (!movedAway) {
    const quietDays = completed?.outcome === 'refused' ? REFUSED_QUIET_DAYS : REVISIT_DAYS
    const cycleFrom = completed ? completed.visitedAtMs + quietDays * DAY_MS : cstMonthStartMs(now)
    for (const k of keyGroupReasons(p, now)) {
      const startMs = Math.max(k.eligibleFromMs, cycleFrom)
      if (startMs > now) continue
      candidates.push({
        reason: k.reason,
        startMs,
        dueMs: defaultDueMs(startMs),
        priority: REASON_BASE_PRIORITY[k.reason.code] + k.bonus,
      })
    }
  }

  // Tasks made by other modules (policy matches not claimed, pushes not delivered, …).
  for (const t of ctx.tasks ?? []) {
    const code = taskReasonCode(t)
    const startMs = t.createdAtMs
    const given = t.dueAt ? Date.parse(t.dueAt) : NaN
    candidates.push({
      reason: { code, text: t.reason.text, taskId: t._id, source: t.source },
      startMs,
      dueMs: Number.isFinite(given) ? given : defaultDueMs(startMs),
      priority: Math.max(REASON_BASE_PRIORITY[code], t.priority ?? 0),
    })
  }

  // Follow-up agreed on the latest visit, or on the latest completed one when a later attempt (unreachable)
  // set none: a failed attempt does not cancel an agreed follow-up.
  const last = ctx.lastVisit ?? null
  const agreed = last?.nextFollowUpAtMs ? last : completed?.nextFollowUpAtMs ? completed : null
  if (agreed?.nextFollowUpAtMs && agreed.outcome !== 'movedAway' && last?.outcome !== 'movedAway') {
    const dueMs = agreed.nextFollowUpAtMs
    const startMs = dueMs - FOLLOW_UP_LEAD_DAYS * DAY_MS
    if (startMs <= now) {
      candidates.push({
        reason: { code: 'followUpDue', text: `约定${fmtDate(dueMs)}回访` },
        startMs,
        dueMs,
        priority: REASON_BASE_PRIORITY.followUpDue,
      })
    }
  }

  if (candidates.length === 0) return null

  candidates.sort((a, b) => b.priority - a.priority || a.dueMs - b.dueMs)
  const startMs = Math.min(...candidates.map((c) => c.startMs))
  const dueMs = Math.min(...candidates.map((c) => c.dueMs))
  const seq = sequenceAt(startMs, dueMs, now)
  const reasons = candidates.map((c) => c.reason)
  if (last && last.outcome === 'unreachable' && (!completed || last.visitedAtMs > completed.visitedAtMs)) {
    reasons.push({ code: 'retryUnreachable', text: `${fmtDate(last.visitedAtMs)}走访未联系上，请再次联系` })
  }
  const priority = priorityOf(candidates, seq.stage)
  return {
    personId: p._id,
    reasons,
    priority,
    level: levelOf(priority),
    startMs,
    dueMs,
    stage: seq.stage,
    stageText: STAGE_LABELS[seq.stage],
    escalatedTo: seq.stage === 'escalated' ? 'street' : null,
    taskIds: (ctx.tasks ?? []).map((t) => t._id),
  }
}

/** List order: most urgent first (priority, then due date, then person id for a stable order). */
export function compareEntries(a: ListEntry, b: ListEntry): number {
  return (
    b.priority - a.priority || a.dueMs - b.dueMs || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0)
  )
}
