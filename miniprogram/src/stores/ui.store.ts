/**
 * App-wide UI state: 长辈版 (large-font mode, persisted with Taro storage) and the network state that drives
 * the offline banner.
 */
import Taro from '@tarojs/taro'
import { create } from 'zustand'
import { onCallNetworkState } from '@/services/cloud'
import { readStorage, writeStorage } from '@/utils/storage'

export const LARGE_FONT_KEY = 'zhijiu.largeFont'

interface UiState {
  largeFont: boolean
  online: boolean
  setLargeFont: (on: boolean) => void
  setOnline: (online: boolean) => void
}

export const useUiStore = create<UiState>()((set) => ({
  largeFont: readStorage<boolean>(LARGE_FONT_KEY, false) === true,
  online: true,
  setLargeFont: (on) => {
    writeStorage(LARGE_FONT_KEY, on)
    set({ largeFont: on })
  },
  setOnline: (online) => set({ online }),
}))

let watching = false
/** Starts watching the network once (called from app.ts). */
export function watchNetwork(): void {
  if (watching) return
  watching = true
  const setOnline = (online: boolean) => {
    if (useUiStore.getState().online !== online) useUiStore.getState().setOnline(online)
  }
  onCallNetworkState(setOnline)
  try {
    Taro.onNetworkStatusChange((res) => setOnline(res.isConnected))
    Taro.getNetworkType({
      success: (res) => setOnline(res.networkType !== 'none'),
    })
  } catch {
    // not available on this platform: the call results still drive the banner
  }
  // H5: the browser's own online/offline events (Taro's network-status API does not relay them there)
  if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' && typeof window.addEventListener === 'function') {
    window.addEventListener('offline', () => setOnline(false))
    window.addEventListener('online', () => setOnline(true))
    if (typeof navigator !== 'undefined' && navigator.onLine === false) setOnline(false)
  }
}
