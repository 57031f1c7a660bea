/** outreach function client and the phone-side storage adapter for the offline queue and list cache. */
import Taro from '@tarojs/taro'
import type { ActionInput } from './cloud'
import type { VisitInput } from '@shared/actions/outreach'
import type { QueueStorage } from '@shared/outreach/syncQueue'
import { callAction } from './cloud'

export const fetchMyList = (input: ActionInput<'outreach', 'myList'> = {}) => callAction('outreach', 'myList', input)

export const revealContact = (personId: string) => callAction('outreach', 'revealContact', { personId })

export const sendVisits = (visits: VisitInput[]) => callAction('outreach', 'recordVisits', { visits })

export const fetchGridStats = (gridCode?: string) =>
  callAction('outreach', 'gridStats', { ...(gridCode ? { gridCode } : {}) })

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
