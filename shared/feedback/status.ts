/**
 * The feedback (投诉/反馈) status state machine. Every status change goes through `transition`, which refuses
 * anything not in the table with CONFLICT. Pure.
 *
 *   (submit) ─► pendingReview ─pass─► submitted ─accept─► accepted ─reply─► replied ─resolve─► resolved
 *                     └─reject─► rejected    │  ▲            │                  │  └─rate─► closed   │ └─close/rate─► closed
 *                                   assign ──┘  └──accept── assigned ◄─assign─┘                      │
 *   replied / resolved / closed ─reopen─► reopened ─accept/assign─► …
 */
import { AppError } from '../errors'

export const FEEDBACK_STATUSES = [
  'pendingReview', // held: the content check was unavailable; re-checked by a timer, never shown to staff
  'rejected', // the re-check found the content risky; never published
  'submitted',
  'accepted',
  'assigned',
  'replied',
  'resolved',
  'closed',
  'reopened',
] as const
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number]

export const FEEDBACK_EVENTS = [
  'pass',
  'reject',
  'accept',
  'assign',
  'reply',
  'resolve',
  'rate',
  'close',
  'reopen',
] as const
export type FeedbackEvent = (typeof FEEDBACK_EVENTS)[number]

/** event → the statuses it may start from, and where it leads. */
export const TRANSITIONS: Readonly<Record<FeedbackEvent, { from: readonly FeedbackStatus[]; to: FeedbackStatus }>> = {
  pass: { from: ['pendingReview'], to: 'submitted' },
  reject: { from: ['pendingReview'], to: 'rejected' },
  accept: { from: ['submitted', 'assigned', 'reopened'], to: 'accepted' },
  assign: { from: ['submitted', 'accepted', 'assigned', 'reopened'], to: 'assigned' },
  reply: { from: ['accepted'], to: 'replied' },
  resolve: { from: ['replied'], to: 'resolved' },
  rate: { from: ['replied', 'resolved'], to: 'closed' },
  close: { from: ['resolved'], to: 'closed' },
  reopen: { from: ['replied', 'resolved', 'closed'], to: 'reopened' },
}

export const STATUS_LABELS: Record<FeedbackStatus, string> = {
  pendingReview: '审核中',
  rejected: '未通过审核',
  submitted: '已提交',
  accepted: '已受理',
  assigned: '已转办',
  replied: '已答复',
  resolved: '已办结',
  closed: '已关闭',
  reopened: '已重新办理',
}

export const EVENT_LABELS: Record<
  FeedbackEvent | 'submit' | 'escalate' | 'extendRequest' | 'extendApprove' | 'extendReject',
  string
> = {
  submit: '提交',
  pass: '通过审核',
  reject: '未通过审核',
  accept: '受理',
  assign: '转办',
  reply: '答复',
  resolve: '办结',
  rate: '评价',
  close: '关闭',
  reopen: '重新办理',
  escalate: '超期督办',
  extendRequest: '申请延期',
  extendApprove: '延期获批',
  extendReject: '延期未获批',
}

/** Items that are before a reply: the answer deadline runs and they can become overdue. */
export const AWAITING_REPLY: readonly FeedbackStatus[] = ['submitted', 'accepted', 'assigned', 'reopened']
/** Items staff still have work on (the inbox's default view). */
export const STAFF_OPEN: readonly FeedbackStatus[] = ['submitted', 'accepted', 'assigned', 'reopened', 'replied']
/** Items staff may see at all (held and rejected items are never shown). */
export const STAFF_VISIBLE: readonly FeedbackStatus[] = [
  'submitted',
  'accepted',
  'assigned',
  'replied',
  'resolved',
  'closed',
  'reopened',
]

export const canTransition = (status: FeedbackStatus, event: FeedbackEvent): boolean =>
  TRANSITIONS[event].from.includes(status)

/** The next status, or CONFLICT with a Chinese message naming the current status. */
export function transition(status: FeedbackStatus, event: FeedbackEvent): FeedbackStatus {
  if (!canTransition(status, event)) {
    throw new AppError('CONFLICT', `当前状态为「${STATUS_LABELS[status]}」，不能${EVENT_LABELS[event]}`, {
      status,
      event,
    })
  }
  return TRANSITIONS[event].to
}

/** Overdue: the answer deadline has passed and there is no reply yet. */
export const isOverdue = (status: FeedbackStatus, dueAtMs: number, nowMs: number): boolean =>
  AWAITING_REPLY.includes(status) && nowMs > dueAtMs
