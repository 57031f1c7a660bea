/**
 * What a resident and what staff see of an item. Staff never see the submitter's openid; of an anonymous
 * submitter nothing identifying at all. Phone and ID numbers are masked everywhere (the audited reveal aside).
 * The timeline names departments, never persons.
 */
import { maskName, maskPhone, maskText } from '../../../shared/mask'
import { CATEGORY_LABELS, type DeadlineRules } from '../../../shared/feedback/rules'
import { AWAITING_REPLY, EVENT_LABELS, isOverdue, STATUS_LABELS } from '../../../shared/feedback/status'
import type { FeedbackDetail, FeedbackListItem, TimelineStep } from '../../../shared/feedback/types'
import type { FeedbackDoc } from '../repositories/feedback.repository'
import type { FeedbackEventDoc } from '../repositories/feedbackEvent.repository'
import { toIsoCst } from '../../../shared/calendar/chinaTime'

const DAY_MS = 86_400_000

export function timelineOf(events: FeedbackEventDoc[], viewer: 'owner' | 'staff'): TimelineStep[] {
  return events
    .filter((e) => viewer === 'staff' || e.public)
    .map((e) => ({
      type: e.type,
      label: EVENT_LABELS[e.type],
      status: e.toStatus,
      statusLabel: STATUS_LABELS[e.toStatus as keyof typeof STATUS_LABELS] ?? e.toStatus,
      by:
        e.actorRole === 'resident'
          ? '提交人'
          : e.actorRole === 'system'
            ? '系统'
            : (e.departmentName ?? (e.actorRole === 'admin' ? '管理员' : '承办部门')),
      note: e.note === null ? null : maskText(e.note),
      at: e.at,
    }))
}

const preview = (s: string) => maskText(Array.from(s).slice(0, 60).join(''))

/** The window in which the resident may reopen: until this moment, or null. */
export function reopenDeadlineMs(doc: FeedbackDoc, rules: DeadlineRules): number | null {
  if (!['replied', 'resolved', 'closed'].includes(doc.status)) return null
  if (doc.reopenCount >= rules.maxReopens) return null
  const base = doc.resolvedAtMs ?? doc.repliedAtMs
  return base === null ? null : base + rules.reopenWindowDays * DAY_MS
}

function common(doc: FeedbackDoc, nowMs: number) {
  return {
    trackingNo: doc.trackingNo,
    category: doc.category,
    categoryLabel: CATEGORY_LABELS[doc.category],
    status: doc.status,
    statusLabel: STATUS_LABELS[doc.status],
    overdue: isOverdue(doc.status, doc.dueAtMs, nowMs),
    acceptOverdue: (doc.status === 'submitted' || doc.status === 'reopened') && nowMs > doc.acceptDueAtMs,
    escalatedAt: doc.escalatedAt,
    createdAt: doc.createdAt,
    acceptDueAt: doc.acceptDueAt,
    dueAt: doc.dueAt,
    departmentName: doc.departmentName,
    anonymous: doc.anonymous,
  }
}

export function ownerListItem(doc: FeedbackDoc, nowMs: number): FeedbackListItem {
  return { ...common(doc, nowMs), contentPreview: preview(doc.content), rated: doc.rating !== null }
}

export function staffListItem(doc: FeedbackDoc, nowMs: number): FeedbackListItem {
  return {
    ...common(doc, nowMs),
    departmentId: doc.departmentId,
    contentPreview: preview(doc.content),
    extensionStatus: doc.extension?.status ?? null,
  }
}

function details(doc: FeedbackDoc) {
  return {
    content: maskText(doc.content),
    images: doc.images,
    serviceName: doc.serviceName,
    place: doc.place,
    regionCode: doc.regionCode,
    reply: doc.reply ? { ...doc.reply, content: maskText(doc.reply.content) } : null,
    rating: doc.rating,
    round: doc.round,
    extension: doc.extension
      ? {
          status: doc.extension.status,
          workingDays: doc.extension.workingDays,
          requestedAt: doc.extension.requestedAt,
          decidedAt: doc.extension.decidedAt,
        }
      : null,
  }
}

export function ownerView(
  doc: FeedbackDoc,
  events: FeedbackEventDoc[],
  nowMs: number,
  rules: DeadlineRules,
): FeedbackDetail {
  const reopenUntil = reopenDeadlineMs(doc, rules)
  return {
    ...common(doc, nowMs),
    ...details(doc),
    contactConsent: doc.contactConsent,
    contactPhone: doc.contactPhone ? maskPhone(doc.contactPhone) : null,
    canRate: doc.status === 'replied' || doc.status === 'resolved',
    canReopen: reopenUntil !== null && nowMs <= reopenUntil,
    reopenDeadline: reopenUntil === null ? null : toIsoCst(reopenUntil),
    timeline: timelineOf(events, 'owner'),
  }
}

/** submitterName: the bound person's name, or null; shown masked and only for a named submitter. */
export function staffView(
  doc: FeedbackDoc,
  events: FeedbackEventDoc[],
  nowMs: number,
  submitterName: string | null,
): FeedbackDetail {
  return {
    ...common(doc, nowMs),
    ...details(doc),
    departmentId: doc.departmentId,
    submitter: doc.anonymous
      ? { anonymous: true, name: null, contactConsent: false, phone: null }
      : {
          anonymous: false,
          name: submitterName ? maskName(submitterName) : null,
          contactConsent: doc.contactConsent,
          phone: doc.contactConsent && doc.contactPhone ? maskPhone(doc.contactPhone) : null,
        },
    awaitingReply: AWAITING_REPLY.includes(doc.status),
    extensionReason: doc.extension?.reason ?? null,
    timeline: timelineOf(events, 'staff'),
  }
}
