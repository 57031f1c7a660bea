/** notify function client: consent balances, the message centre (消息中心) and its unread count. */
import type { Page } from '@shared/actions/common'
import type { ConsentGroup, ConsentKind, TemplateKey } from '@shared/notify/templates'
import { callFunction, newRequestId } from './cloud'

export interface ConsentItem {
  templateId: string
  templateKey: TemplateKey
  title: string
  group: ConsentGroup
  kind: ConsentKind
  /** One-time: messages that may still be sent; long-term: 1 while on. */
  remaining: number
  longTermOn: boolean
  lastAcceptedAt: string | null
  lastRejectedAt: string | null
}

export interface MessageItem {
  id: string
  title: string
  body: string
  page: string | null
  template: string
  read: boolean
  createdAt: string
}

export const fetchMessages = (cursor?: string) =>
  callFunction<Page<MessageItem> & { unread: number }>('notify', { action: 'messages', pageSize: 20, ...(cursor ? { cursor } : {}) })
export const fetchUnreadCount = () => callFunction<{ unread: number }>('notify', { action: 'unreadCount' })
export const markMessagesRead = (target: string[] | 'all') =>
  callFunction<{ updated: number; unread: number }>('notify', target === 'all' ? { action: 'markRead', all: true } : { action: 'markRead', ids: target })
export const fetchConsents = () => callFunction<{ items: ConsentItem[] }>('notify', { action: 'myConsents' })
export const recordConsent = (accepted: string[], rejected: string[], requestId = newRequestId('nc')) =>
  callFunction<{ items: ConsentItem[] }>('notify', { action: 'recordConsent', accepted, rejected, requestId })
