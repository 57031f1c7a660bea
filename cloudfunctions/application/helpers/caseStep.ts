/**
 * One step of a case: the transition table decides whether it is allowed (CONFLICT otherwise), the document
 * changes under its version, the timeline records it, and the applicant is told of every public change
 * through the notify pipeline (subscription message with its consent rules, and the message centre).
 */
import {
  APPLICATION_STATUS_LABELS,
  type ApplicationStep,
  nextStatus,
  STEP_LABELS,
} from '../../../shared/application/status'
import { deepLinks } from '../../../shared/deepLinks'
import { AppError } from '../../../shared/errors'
import { toIsoCst } from '../../../shared/calendar/chinaTime'
import type { ActionContext } from '../../_core/function'
import { enqueueNotification } from '../../_core/notifications'
import { type ApplicationDoc, updateApplication } from '../repositories/application.repository'
import { addEvent, type ApplicationEventDoc } from '../repositories/event.repository'

export type StepContext = Pick<ActionContext, 'caller' | 'now' | 'fn' | 'action' | 'requestId'>

export interface StepOptions {
  note?: string | null
  public?: boolean
  actorRole?: ApplicationEventDoc['actorRole']
  detail?: Record<string, unknown> | null
  /** Tell the applicant (default: when the status changes). */
  notify?: boolean
}

export function assertStep(doc: ApplicationDoc, step: ApplicationStep) {
  const to = nextStatus(doc.status, step)
  if (!to)
    throw new AppError('CONFLICT', `当前状态为「${APPLICATION_STATUS_LABELS[doc.status]}」，不能${STEP_LABELS[step]}`)
  return to
}

export async function applyStep(
  ctx: StepContext,
  doc: ApplicationDoc,
  step: ApplicationStep,
  patch: Partial<ApplicationDoc>,
  opts: StepOptions = {},
): Promise<ApplicationDoc> {
  const to = assertStep(doc, step)
  const now = ctx.now()
  const updated = await updateApplication(doc, { ...patch, status: to, updatedAtMs: now.getTime() })
  const actorRole =
    opts.actorRole ?? (ctx.caller ? (ctx.caller.openid === doc.openid ? 'applicant' : 'staff') : 'system')
  await addEvent({
    applicationId: doc._id,
    step,
    fromStatus: doc.status,
    toStatus: to,
    actor: ctx.caller?.openid ?? null,
    actorRole,
    public: opts.public ?? true,
    note: opts.note ?? null,
    detail: opts.detail ?? null,
    at: toIsoCst(now),
    atMs: now.getTime(),
  })
  if ((opts.notify ?? to !== doc.status) && updated.trackingNo) await notifyApplicant(updated, step, now)
  return updated
}

/** A timeline entry that changes no status (an internal note, a reminder, an escalation). */
export async function recordEvent(
  ctx: StepContext,
  doc: ApplicationDoc,
  step: string,
  opts: StepOptions & { actorRole: ApplicationEventDoc['actorRole'] },
): Promise<void> {
  const now = ctx.now()
  await addEvent({
    applicationId: doc._id,
    step,
    fromStatus: doc.status,
    toStatus: doc.status,
    actor: ctx.caller?.openid ?? null,
    actorRole: opts.actorRole,
    public: opts.public ?? false,
    note: opts.note ?? null,
    detail: opts.detail ?? null,
    at: toIsoCst(now),
    atMs: now.getTime(),
  })
}

export async function notifyApplicant(doc: ApplicationDoc, step: string, now: Date): Promise<void> {
  const label = APPLICATION_STATUS_LABELS[doc.status]
  await enqueueNotification(
    {
      key: `application:${doc._id}:${doc.version}:${step}`,
      openid: doc.openid,
      personId: doc.personId,
      template: 'caseStatus',
      data: {
        trackingNo: doc.trackingNo ?? '',
        title: doc.title,
        status: label,
        at: toIsoCst(now).slice(0, 16).replace('T', ' '),
      },
      page: deepLinks.application(doc._id),
      title: `办事进度：${doc.title}`,
      body: `您的“${doc.title}”申请（受理编号 ${doc.trackingNo}）状态更新为：${label}。`,
      fallback: null,
      source: { module: 'application', refId: doc._id },
    },
    now,
  )
}
