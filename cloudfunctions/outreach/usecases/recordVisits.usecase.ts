/**
 * outreach.recordVisits: a batch of visits from the phone's offline queue. Each visit is authorised and
 * checked on its own (a person of another grid → rejected FORBIDDEN, the rest saved); idempotent on
 * (worker, clientId) through the unique index of `visits`. A visit is saved first with applied: false and its
 * effects (tasks closed, the person's employment status, the audit entry) run after; a resend of a visit whose
 * effects were cut off finishes them, so a batch interrupted halfway and sent again ends in the same state.
 */
import type { InputOf } from '../../../shared/actions/define'
import { ON_BEHALF_REFERRALS, type outreachActions, type VisitInput } from '../../../shared/actions/outreach'
import { ERROR_MESSAGES, type ErrorCode } from '../../../shared/errors'
import { maskText } from '../../../shared/mask'
import { isCompletedOutcome } from '../../../shared/outreach/listRules'
import { DAY_MS } from '../../../shared/outreach/sequence'
import type { VisitResult } from '../../../shared/outreach/types'
import { audit } from '../../_core/audit'
import { type ActionContext, type Caller, requireCaller } from '../../_core/function'
import { markPersonFactsChanged } from '../../_core/personEvents'
import { findPerson, type PersonRecord, updateEmploymentStatus } from '../repositories/person.repository'
import { findByClientId, insertVisit, markApplied, type VisitDoc } from '../repositories/visit.repository'
import { closeTasks, countAttempt, openTasksOfPerson } from '../repositories/visitTask.repository'
import { inScope, workerGridCodes } from '../services/gridScope.service'
import { notesChecker } from '../services/notesCheck.service'
import { toIsoCst } from '../../../shared/calendar/chinaTime'

type Input = InputOf<typeof outreachActions, 'recordVisits'>

/** A visit may be recorded this long after it happened (offline phones) and this little ahead (clock skew). */
export const MAX_VISIT_AGE_DAYS = 90
export const MAX_CLOCK_SKEW_MS = 10 * 60_000

const reject = (clientId: string, code: ErrorCode, message?: string): VisitResult => ({
  clientId,
  status: 'rejected',
  code,
  message: message ?? ERROR_MESSAGES[code],
})

export async function recordVisits(input: Input, ctx: ActionContext): Promise<{ results: VisitResult[] }> {
  const caller = requireCaller(ctx)
  const grids = await workerGridCodes(caller)
  const persons = new Map<string, PersonRecord | null>()
  const results: VisitResult[] = []
  const seen = new Set<string>()
  for (const visit of input.visits) {
    if (seen.has(visit.clientId)) {
      results.push({ clientId: visit.clientId, status: 'duplicate' })
      continue
    }
    seen.add(visit.clientId)
    results.push(await recordOne(visit, caller, grids, persons, ctx))
  }
  return { results }
}

async function recordOne(
  v: VisitInput,
  caller: Caller,
  grids: string[],
  persons: Map<string, PersonRecord | null>,
  ctx: ActionContext,
): Promise<VisitResult> {
  const now = ctx.now()
  const nowMs = now.getTime()

  // Sent before: the first answer again (and finish its effects if they were cut off).
  const existing = await findByClientId(caller.openid, v.clientId)
  if (existing) {
    if (!existing.applied) await applyEffects(existing, ctx)
    return { clientId: v.clientId, status: 'duplicate', visitId: existing._id }
  }

  if (!persons.has(v.personId)) persons.set(v.personId, await findPerson(v.personId))
  const person = persons.get(v.personId) ?? null
  if (!person) return reject(v.clientId, 'NOT_FOUND', '未找到该居民')
  if (!inScope(grids, person.gridCode)) return reject(v.clientId, 'FORBIDDEN', '该居民不在您负责的网格')

  const visitedAtMs = Date.parse(v.visitedAt)
  if (visitedAtMs > nowMs + MAX_CLOCK_SKEW_MS)
    return reject(v.clientId, 'VALIDATION_FAILED', '走访时间不能晚于当前时间')
  if (visitedAtMs < nowMs - MAX_VISIT_AGE_DAYS * DAY_MS)
    return reject(v.clientId, 'VALIDATION_FAILED', `只能补录${MAX_VISIT_AGE_DAYS}天内的走访`)

  let notes: string | null = v.notes ? maskText(v.notes) : null
  let notesCheck: VisitDoc['notesCheck'] = null
  if (notes) {
    const verdict = await notesChecker().check({ content: notes, openid: caller.openid })
    if (verdict === 'risky')
      return reject(v.clientId, 'CONTENT_REJECTED', '走访备注未通过内容安全审核，请修改后重新提交')
    notesCheck = verdict === 'pass' ? 'pass' : 'unchecked'
  }
  if (notes === '') notes = null

  const openTasks = await openTasksOfPerson(person._id)
  const taskIds = v.taskIds
    ? v.taskIds.filter((id) => openTasks.some((t) => t._id === id))
    : openTasks.map((t) => t._id)
  const onBehalf = (v.referrals ?? []).some((r) => ON_BEHALF_REFERRALS.includes(r.kind))
  const nowIso = toIsoCst(now)
  const doc: VisitDoc = {
    workerOpenid: caller.openid,
    clientId: v.clientId,
    personId: person._id,
    gridCode: person.gridCode,
    streetCode: person.streetCode ?? null,
    outcome: v.outcome,
    employmentStatus: v.employmentStatus ?? null,
    previousEmploymentStatus: person.employmentStatus ?? null,
    needs: [...new Set(v.needs ?? [])],
    referrals: (v.referrals ?? []).map((r) => ({
      kind: r.kind,
      refId: r.refId ?? null,
      note: r.note ? maskText(r.note) : null,
      byStaff: true,
      onBehalf: ON_BEHALF_REFERRALS.includes(r.kind),
    })),
    notes,
    notesCheck,
    nextFollowUpAt: v.nextFollowUpAt ? toIsoCst(v.nextFollowUpAt) : null,
    nextFollowUpAtMs: v.nextFollowUpAt ? Date.parse(v.nextFollowUpAt) : null,
    visitedAt: toIsoCst(visitedAtMs),
    visitedAtMs,
    onBehalf,
    onBehalfConsent: v.onBehalfConsent
      ? {
          method: v.onBehalfConsent.method,
          note: v.onBehalfConsent.note ? maskText(v.onBehalfConsent.note) : null,
          recordedAt: nowIso,
        }
      : null,
    recordedBy: 'staff',
    taskIds,
    closedTaskIds: [],
    applied: false,
    createdAt: nowIso,
    createdAtMs: nowMs,
  }
  const inserted = await insertVisit(doc)
  if ('duplicate' in inserted) {
    // A concurrent send of the same visit won the insert.
    const again = await findByClientId(caller.openid, v.clientId)
    if (again && !again.applied) await applyEffects(again, ctx)
    return { clientId: v.clientId, status: 'duplicate', visitId: again?._id }
  }
  await applyEffects({ ...doc, _id: inserted.id }, ctx)
  return { clientId: v.clientId, status: 'saved', visitId: inserted.id }
}

/** The visit's effects; each step is idempotent, so running them again after a cut-off changes nothing more. */
async function applyEffects(visit: VisitDoc & { _id: string }, ctx: ActionContext): Promise<void> {
  const now = ctx.now()
  const nowIso = toIsoCst(now)
  let closedTaskIds: string[] = []
  if (isCompletedOutcome(visit.outcome)) {
    await closeTasks(visit.taskIds, visit._id, nowIso, now.getTime())
    closedTaskIds = visit.taskIds
  } else if (visit.taskIds.length) {
    await countAttempt(visit.taskIds, nowIso)
  }
  let statusChanged = false
  if (visit.employmentStatus && visit.employmentStatus !== visit.previousEmploymentStatus) {
    const person = await findPerson(visit.personId)
    if (person && person.employmentStatus !== visit.employmentStatus) {
      await updateEmploymentStatus(visit.personId, visit.employmentStatus, visit.visitedAt.slice(0, 10), nowIso)
      statusChanged = true
    }
    await markPersonFactsChanged(visit.personId, now)
  }
  await audit(ctx, {
    event: 'outreach.recordVisit',
    targetType: 'person',
    targetId: visit.personId,
    onBehalfOf: visit.onBehalf ? visit.personId : undefined,
    outcome: 'ok',
    detail: {
      visitId: visit._id,
      outcome: visit.outcome,
      employmentStatus: visit.employmentStatus,
      statusChanged,
      referrals: visit.referrals.map((r) => r.kind),
      consent: visit.onBehalfConsent?.method ?? null,
      closedTaskIds,
    },
  })
  await markApplied(visit._id, { closedTaskIds })
}
