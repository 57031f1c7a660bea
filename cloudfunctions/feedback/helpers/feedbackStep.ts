/**
 * One step of an item's life: the state machine decides (CONFLICT otherwise), the item changes only if no one
 * else changed it meanwhile (version), the step lands in the timeline (feedback_events), staff steps in the
 * audit log, and the resident is told at acceptance, reply and closure.
 */
import { deepLinks } from '../../../shared/deepLinks'
import { AppError } from '../../../shared/errors'
import { EVENT_LABELS, STATUS_LABELS, transition, type FeedbackEvent } from '../../../shared/feedback/status'
import { audit } from '../../_core/audit'
import type { ActionContext } from '../../_core/function'
import { enqueueNotification } from '../../_core/notifications'
import { updateIfVersion, type FeedbackDoc } from '../repositories/feedback.repository'
import { addEvent, type FeedbackEventDoc, type FeedbackEventType } from '../repositories/feedbackEvent.repository'
import { toIsoCst } from '../../../shared/calendar/chinaTime'

/** The acting context: an action's (with a caller) or a timer's (caller null). */
export type StepContext = Pick<ActionContext, 'caller' | 'now' | 'fn' | 'action' | 'requestId'>

export interface StepOptions {
  note?: string | null
  /** Residents see public steps; internal ones (extension requests) only staff. Default true. */
  public?: boolean
  /** Audit as a staff write (default: when the caller is staff or the system). */
  audit?: boolean
  auditDetail?: Record<string, unknown>
}

const RESIDENT_ACTIONS = ['submit', 'rate', 'reopen']

const actorRoleOf = (ctx: StepContext, doc: FeedbackDoc): FeedbackEventDoc['actorRole'] => {
  if (!ctx.caller) return 'system'
  if (RESIDENT_ACTIONS.includes(ctx.action)) return 'resident'
  const ownDepartment =
    ctx.caller.roles.includes('handler') && !!doc.departmentId && ctx.caller.user.departmentId === doc.departmentId
  return ctx.caller.roles.includes('admin') && !ownDepartment ? 'admin' : 'handler'
}

/**
 * Records a step. `event` is a state-machine event (status changes) or a non-status step (escalate, extend…).
 * Returns the item as it now is.
 */
export async function applyStep(
  ctx: StepContext,
  doc: FeedbackDoc,
  type: FeedbackEventType,
  patch: Partial<FeedbackDoc>,
  opts: StepOptions = {},
): Promise<FeedbackDoc> {
  const isTransition = (
    ['pass', 'reject', 'accept', 'assign', 'reply', 'resolve', 'rate', 'close', 'reopen'] as string[]
  ).includes(type)
  const toStatus = isTransition ? transition(doc.status, type as FeedbackEvent) : doc.status
  const now = ctx.now()
  const version = doc.version + 1
  const next: Partial<FeedbackDoc> = { ...patch, status: toStatus, version, updatedAt: toIsoCst(now) }
  if (!(await updateIfVersion(doc._id, doc.version, next))) {
    throw new AppError('CONFLICT', '该反馈刚被其他人处理，请刷新后重试')
  }
  const updated: FeedbackDoc = { ...doc, ...next }
  const role = actorRoleOf(ctx, doc)
  await addEvent({
    _id: `${doc._id}:${version}`,
    feedbackId: doc._id,
    seq: version,
    type,
    fromStatus: doc.status,
    toStatus,
    actorRole: role,
    actorOpenid: ctx.caller?.openid ?? null,
    departmentId: updated.departmentId,
    departmentName: updated.departmentName,
    note: opts.note ?? null,
    public: opts.public ?? true,
    at: toIsoCst(now),
    atMs: now.getTime(),
  })
  if (opts.audit ?? role !== 'resident') {
    await audit(ctx, {
      event: `feedback.${type}`,
      targetType: 'feedback',
      targetId: doc._id,
      outcome: 'ok',
      detail: {
        trackingNo: doc.trackingNo,
        from: doc.status,
        to: toStatus,
        departmentId: updated.departmentId,
        ...(opts.auditDetail ?? {}),
      },
    })
  }
  return updated
}

const NOTIFY_TEXT: Partial<Record<FeedbackEventType, (d: FeedbackDoc) => { title: string; body: string }>> = {
  accept: (d) => ({
    title: '您的反馈已受理',
    body: `受理编号 ${d.trackingNo} 已由${d.departmentName ?? '相关部门'}受理，将在 ${d.dueAt.slice(0, 10)} 前答复。`,
  }),
  reply: (d) => ({ title: '您的反馈已答复', body: `受理编号 ${d.trackingNo} 已答复，请查看并评价。` }),
  resolve: (d) => ({
    title: '您的反馈已办结',
    body: `受理编号 ${d.trackingNo} 已办结，如不满意可在7天内申请重新办理。`,
  }),
  close: (d) => ({ title: '您的反馈已关闭', body: `受理编号 ${d.trackingNo} 已关闭，感谢您的参与。` }),
  reject: (d) => ({
    title: '您的反馈未通过审核',
    body: `受理编号 ${d.trackingNo} 的内容未通过安全审核，未予公开，请修改后重新提交。`,
  }),
}

/** Tells the resident (template 'feedbackUpdate' + message centre). One notification per step (keyed by version). */
export async function notifyResident(ctx: StepContext, doc: FeedbackDoc, type: FeedbackEventType): Promise<void> {
  const text = NOTIFY_TEXT[type]?.(doc)
  if (!text) return
  const now = ctx.now()
  await enqueueNotification(
    {
      key: `feedback:${doc._id}:${type}:${doc.version}`,
      openid: doc.openid,
      template: 'feedbackUpdate',
      data: {
        trackingNo: doc.trackingNo,
        status: STATUS_LABELS[doc.status],
        step: EVENT_LABELS[type],
        department: doc.departmentName ?? '相关部门',
        time: toIsoCst(now).slice(0, 16).replace('T', ' '),
      },
      page: deepLinks.feedback(doc.trackingNo),
      title: text.title,
      body: text.body,
      fallback: null,
      source: { module: 'feedback', refId: doc._id },
    },
    now,
  )
}
