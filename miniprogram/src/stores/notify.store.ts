/** The notify module's stores: the message centre with its unread count, and the consent balances. */
import Taro from '@tarojs/taro'
import { create } from 'zustand'
import type { ErrorBody } from '@shared/errors'
import type { ConsentGroup } from '@shared/notify/templates'
import { createPagedListStore } from './pagedList'
import {
  fetchConsents,
  fetchMessages,
  fetchUnreadCount,
  markMessagesRead,
  type ConsentItem,
  type MessageItem,
} from '@/services/notify.service'
import { requestConsent } from '@/services/subscribe.service'

/** Index of the 我的 tab, which carries the unread badge. */
const MINE_TAB_INDEX = 3

function showBadge(unread: number): void {
  try {
    const p =
      unread > 0
        ? Taro.setTabBarBadge({ index: MINE_TAB_INDEX, text: unread > 99 ? '99+' : String(unread) })
        : Taro.removeTabBarBadge({ index: MINE_TAB_INDEX })
    void Promise.resolve(p).catch(() => undefined)
  } catch {
    /* not on a tab page: the badge is refreshed when a tab page shows */
  }
}

export const useMessageListStore = createPagedListStore<MessageItem>(async (cursor) => {
  const res = await fetchMessages(cursor)
  if (res.ok) useUnreadStore.getState().set(res.data.unread)
  return res
})

interface UnreadState {
  unread: number
  set: (n: number) => void
  refresh: () => Promise<void>
}
export const useUnreadStore = create<UnreadState>()((set) => ({
  unread: 0,
  set: (n) => {
    set({ unread: n })
    showBadge(n)
  },
  refresh: async () => {
    const res = await fetchUnreadCount()
    if (res.ok) useUnreadStore.getState().set(res.data.unread)
  },
}))

/** Marks messages read (optimistically in the list) and updates the count. */
export async function markRead(target: string[] | 'all'): Promise<boolean> {
  const list = useMessageListStore.getState()
  const ids = target === 'all' ? null : new Set(target)
  useMessageListStore.setState({
    items: list.items.map((m) => (ids === null || ids.has(m.id) ? { ...m, read: true } : m)),
  })
  const res = await markMessagesRead(target)
  if (res.ok) useUnreadStore.getState().set(res.data.unread)
  else void useMessageListStore.getState().refresh()
  return res.ok
}

interface ConsentState {
  items: ConsentItem[]
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: ErrorBody | null
  busyGroup: ConsentGroup | null
  notice: string | null
  load: () => Promise<void>
  /** From a tap only (see services/subscribe.ts). */
  ask: (group: ConsentGroup) => Promise<void>
}
export const useConsentStore = create<ConsentState>()((set, get) => ({
  items: [],
  status: 'idle',
  error: null,
  busyGroup: null,
  notice: null,
  load: async () => {
    set({ status: get().items.length ? 'ready' : 'loading', error: null })
    const res = await fetchConsents()
    if (res.ok) set({ items: res.data.items, status: 'ready' })
    else set({ status: get().items.length ? 'ready' : 'error', error: res.error })
  },
  ask: async (group) => {
    if (get().busyGroup) return
    // requestConsent must start inside the tap: call it before anything awaits
    const pending = requestConsent(group)
    set({ busyGroup: group, notice: null })
    const r = await pending
    const notice =
      r.error ??
      (r.accepted.length ? '已开启提醒，有进展时会通知你' : r.rejected.length ? '你选择了暂不接收，可随时再开启' : null)
    set({ busyGroup: null, notice, ...(r.items ? { items: r.items } : {}) })
    if (!r.items) await get().load()
  },
}))
