/** get / timeline / mine / kept: the applicant's view (public steps) or the reviewing department's (all steps, facts). */
import type { InputOf } from '../../../shared/actions/define'
import type { applicationActions } from '../../../shared/actions/application'
import { kindOf } from '../../../shared/application/kinds'
import {
  allowedSteps,
  APPLICATION_STATUS_LABELS,
  REFUSAL_REASON_LABELS,
  STEP_LABELS,
} from '../../../shared/application/status'
import { maskText } from '../../../shared/mask'
import { type ActionContext, requireCaller } from '../../_core/function'
import { decodeCursor, encodeCursor, pageSizeOf } from '../../_core/paging'
import { applicationsOfOpenid, type ApplicationDoc } from '../repositories/application.repository'
import { eventsOf } from '../repositories/event.repository'
import { keptOf } from '../repositories/kept.repository'
import { findRegisterPerson } from '../repositories/register.repository'
import { loadForViewer } from '../helpers/caseAccess'
import { summaryView } from '../helpers/caseView'
import { answersShown } from '../helpers/answerRule'

async function timelineOf(d: ApplicationDoc, staff: boolean) {
  return (await eventsOf(d._id, staff)).map((e) => ({
    step: e.step,
    label:
      STEP_LABELS[e.step as keyof typeof STEP_LABELS] ??
      ({ remind: '到期提醒', escalate: '超期督办', note: '内部备注' } as Record<string, string>)[e.step] ??
      e.step,
    status: e.toStatus,
    statusLabel: APPLICATION_STATUS_LABELS[e.toStatus as keyof typeof APPLICATION_STATUS_LABELS] ?? e.toStatus,
    note: e.note,
    at: e.at,
    byStaff: e.actorRole === 'staff',
    onBehalf: e.actorRole === 'onBehalf',
    ...(staff ? { public: e.public, actor: e.actor } : {}),
  }))
}

export async function getApplication(input: InputOf<typeof applicationActions, 'get'>, ctx: ActionContext) {
  const { doc, viewer } = await loadForViewer(ctx, input.applicationId)
  const kind = kindOf(doc.kind)
  const staff = viewer === 'staff'
  const base = {
    ...summaryView(doc, ctx.now().getTime()),
    viewer,
    // free-text answers with phone and ID numbers masked (staff and owner alike; the owner edits in the draft view)
    answers: answersShown(kind, doc.answers),
    attachments: doc.attachments,
    prefill: doc.prefill,
    questions: kind
      ? kind.questions.map((q) => ({
          key: q.key,
          label: q.label,
          type: q.type,
          ...(q.options ? { options: q.options } : {}),
        }))
      : [],
    materials: kind?.materials ?? [],
    correction: doc.correction ?? null,
    decision: doc.decision
      ? {
          ...doc.decision,
          ...(doc.decision.reasonCode ? { reasonLabel: REFUSAL_REASON_LABELS[doc.decision.reasonCode] } : {}),
        }
      : null,
    eligibility: doc.eligibility ?? null,
    allowedSteps: allowedSteps(doc.status),
    timeline: await timelineOf(doc, staff),
  }
  if (!staff) return base
  const person = await findRegisterPerson(doc.personId)
  const facts: Record<string, unknown> = {}
  if (person)
    for (const k of [
      'residenceRegion',
      'employmentStatus',
      'employmentStatusSince',
      'registeredUnemployed',
      'registeredUnemployedSince',
      'keyGroups',
      'education',
      'birthDate',
      'socialInsuranceMonths',
      'businessRegisteredAt',
    ])
      if (person[k] !== undefined) facts[k] = person[k]
  return {
    ...base,
    applicantName: person?.name ? maskText(String(person.name)) : null,
    registerFacts: facts,
    departmentId: doc.departmentId ?? null,
  }
}

export async function getTimeline(input: InputOf<typeof applicationActions, 'timeline'>, ctx: ActionContext) {
  const { doc, viewer } = await loadForViewer(ctx, input.applicationId)
  return { applicationId: doc._id, status: doc.status, timeline: await timelineOf(doc, viewer === 'staff') }
}

type Cur = { ms: number; id: string }
const isCur = (v: unknown): v is Cur =>
  typeof v === 'object' && v !== null && typeof (v as Cur).ms === 'number' && typeof (v as Cur).id === 'string'

export async function myApplications(input: InputOf<typeof applicationActions, 'mine'>, ctx: ActionContext) {
  const caller = requireCaller(ctx)
  const size = pageSizeOf(input.pageSize)
  const docs = await applicationsOfOpenid(caller.openid, decodeCursor(input.cursor, isCur), size + 1)
  const page = docs.slice(0, size)
  const last = page[page.length - 1]
  return {
    items: page.map((d) => summaryView(d, ctx.now().getTime())),
    nextCursor: docs.length > size && last ? encodeCursor({ ms: last.updatedAtMs, id: last._id }) : null,
  }
}

const isIdCur = (v: unknown): v is { id: string } =>
  typeof v === 'object' && v !== null && typeof (v as { id: string }).id === 'string'

export async function keptMaterials(input: InputOf<typeof applicationActions, 'kept'>, ctx: ActionContext) {
  const caller = requireCaller(ctx)
  const size = pageSizeOf(input.pageSize)
  const after = decodeCursor(input.cursor, isIdCur)
  const docs = await keptOf(caller.openid, size + 1, after?.id ?? null)
  const page = docs.slice(0, size)
  const last = page[page.length - 1]
  return {
    items: page.map((d) => ({ id: d._id, label: d.label, fileIds: d.fileIds, keptAt: d.keptAt })),
    nextCursor: docs.length > size && last ? encodeCursor({ id: last._id }) : null,
  }
}
