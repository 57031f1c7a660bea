/**
 * notify function client: consent balances, the message centre (消息中心) and its unread count.
 * Answers typed by `NotifyActionOutputs` (shared/notify/types.ts).
 */
import type { ConsentItem, MessageItem } from '@shared/notify/types'
import { callAction, newRequestId } from './cloud'

export type { ConsentItem, MessageItem }

export const fetchMessages = (cursor?: string) =>
  callAction('notify', 'messages', { pageSize: 20, ...(cursor ? { cursor } : {}) })
export const fetchUnreadCount = () => callAction('notify', 'unreadCount', {})
export const markMessagesRead = (target: string[] | 'all') =>
  callAction('notify', 'markRead', target === 'all' ? { all: true } : { ids: target })
export const fetchConsents = () => callAction('notify', 'myConsents', {})
export const recordConsent = (accepted: string[], rejected: string[], requestId = newRequestId('nc')) =>
  callAction('notify', 'recordConsent', { accepted, rejected, requestId })
