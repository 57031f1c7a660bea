/** notify function client: consent balances, the message centre (消息中心) and its unread count. */
import type { Page } from '@shared/actions/common'
import type { ConsentItem, MessageItem } from '@shared/notify/types'
import { callFunction, newRequestId } from './cloud'

export type { ConsentItem, MessageItem }

export const fetchMessages = (cursor?: string) =>
  callFunction<Page<MessageItem> & { unread: number }>('notify', {
    action: 'messages',
    pageSize: 20,
    ...(cursor ? { cursor } : {}),
  })
export const fetchUnreadCount = () => callFunction<{ unread: number }>('notify', { action: 'unreadCount' })
export const markMessagesRead = (target: string[] | 'all') =>
  callFunction<{ updated: number; unread: number }>(
    'notify',
    target === 'all' ? { action: 'markRead', all: true } : { action: 'markRead', ids: target },
  )
export const fetchConsents = () => callFunction<{ items: ConsentItem[] }>('notify', { action: 'myConsents' })
export const recordConsent = (accepted: string[], rejected: string[], requestId = newRequestId('nc')) =>
  callFunction<{ items: ConsentItem[] }>('notify', { action: 'recordConsent', accepted, rejected, requestId })
