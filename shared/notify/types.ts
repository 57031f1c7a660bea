/** The shapes the notify function answers (docs/api.md ## notify), shared by the function, the app and the tests. Pure. */
import type { ConsentGroup, ConsentKind, TemplateKey } from './templates'
import type { Page } from '../actions/common'
import type { OutboxState } from '../actions/notify'

/** One template's consent balance (myConsents / recordConsent). */
export interface ConsentItem {
  templateId: string
  templateKey: TemplateKey
  title: string
  group: ConsentGroup
  kind: ConsentKind
  /** One-time: messages we may still send. Long-term: 1 while switched on, else 0. */
  remaining: number
  /** Long-term templates: switched on. */
  longTermOn: boolean
  lastAcceptedAt: string | null
  lastRejectedAt: string | null
}

/** One entry of the message centre (消息中心). */
export interface MessageItem {
  id: string
  title: string
  body: string
  /** The page to open (deep link), or null. */
  page: string | null
  template: string
  read: boolean
  createdAt: string
}

/** One outbox message as the admin sees it (outbox). */
export interface OutboxItem {
  key: string
  state: OutboxState
  template: string
  /** Masked recipient. */
  openid: string | null
  personId: string | null
  title: string
  attempts: number
  reason: string | null
  lastError: { errcode: number | null; message: string; at: string } | null
  fallback: string | null
  fallbackDone: boolean
  source: { module: string; refId: string }
  createdAt: string
  stateChangedAt: string
  sentAt: string | null
}
export type OutboxCounts = Record<OutboxState, number>

/** One dispatch round's figures (dispatchNow, and the dispatch timer's log). */
export interface DispatchStats {
  dispatcher: string
  claimed: number
  sent: number
  skipped: number
  dead: number
  retried: number
  uncertain: number
  recovered: number
  lostClaims: number
  fallbacks: number
  paused: boolean
  durationMs: number
}

/** What each `notify` action answers (the client's `callAction` types its answers from this map). */
export interface NotifyActionOutputs {
  'notify.recordConsent': { items: ConsentItem[] }
  'notify.myConsents': { items: ConsentItem[] }
  'notify.messages': Page<MessageItem> & { unread: number }
  'notify.unreadCount': { unread: number }
  'notify.markRead': { updated: number; unread: number }
  'notify.outbox': Page<OutboxItem>
  'notify.outboxStats': { counts: OutboxCounts }
  'notify.requeue': { requeued: number; keys: string[] }
  'notify.dispatchNow': DispatchStats
}
