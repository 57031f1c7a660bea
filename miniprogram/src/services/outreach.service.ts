/** outreach function client and the phone-side storage adapter for the offline queue and list cache. */
import Taro from '@tarojs/taro'
import type { Page } from '@shared/actions/common'
import type { VisitInput } from '@shared/actions/outreach'
import type { Envelope } from '@shared/errors'
import type { QueueStorage } from '@shared/outreach/syncQueue'
import type { GridStats, OutreachListItem, RevealedContact, VisitResult } from '@shared/outreach/types'
import { callFunction } from './cloud'

export const fetchMyList = (input: { cursor?: string; pageSize?: number; gridCode?: string } = {}) =>
  callFunction<Page<OutreachListItem>>('outreach', { action: 'myList', ...input })

export const revealContact = (personId: string) =>
  callFunction<RevealedContact>('outreach', { action: 'revealContact', personId })

export const sendVisits = (visits: VisitInput[]): Promise<Envelope<{ results: VisitResult[] }>> =>
  callFunction<{ results: VisitResult[] }>('outreach', { action: 'recordVisits', visits })

export const fetchGridStats = (gridCode?: string) =>
  callFunction<GridStats>('outreach', { action: 'gridStats', ...(gridCode ? { gridCode } : {}) })

/** Taro storage (weapp and H5 localStorage) as the queue's string store. Writes throw when storage is full. */
export const taroStorage: QueueStorage = {
  getItem(key) {
    try {
      const v = Taro.getStorageSync(key) as unknown
      return typeof v === 'string' && v ? v : null
    } catch {
      return null
    }
  },
  setItem(key, value) {
    Taro.setStorageSync(key, value)
  },
}

/** Calls `cb` whenever the network comes back (weapp: onNetworkStatusChange; H5: the window's online event). */
export function onNetworkBack(cb: () => void): void {
  if (typeof window !== 'undefined' && typeof window.addEventListener === 'function')
    window.addEventListener('online', cb)
  try {
    Taro.onNetworkStatusChange?.((r) => {
      if (r.isConnected) cb()
    })
  } catch {
    // not supported on this platform: the periodic retry still syncs
  }
}
