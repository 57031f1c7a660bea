/**
 * The grid worker's store: the visit list (cached on the phone for offline use), the offline visit queue and
 * its sync, revealed contacts, and the grid view. Pages read it; only these actions call services.
 */
import { create } from 'zustand'
import type { ErrorBody } from '@shared/errors'
import type { VisitInput } from '@shared/actions/outreach'
import { VisitQueue, type QueuedVisit, type QueueSummary, type SyncReport } from '@shared/outreach/syncQueue'
import { readListCache, saveListCache } from '@shared/outreach/listCache'
import type { GridStats, OutreachListItem } from '@shared/outreach/types'
import {
  fetchGridStats,
  fetchMyList,
  onNetworkBack,
  revealContact,
  sendVisits,
  taroStorage,
} from '@/services/outreach.service'

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error'

interface OutreachState {
  status: LoadStatus
  error: ErrorBody | null
  items: OutreachListItem[]
  /** The list shown came from the phone's cache (offline). */
  fromCache: boolean
  fetchedAtMs: number | null
  queue: QueuedVisit[]
  summary: QueueSummary
  syncing: boolean
  lastSync: SyncReport | null
  revealed: Record<string, string>
  stats: GridStats | null
  statsStatus: LoadStatus
  statsError: ErrorBody | null
  loadList: () => Promise<void>
  loadQueue: () => Promise<void>
  /** Queues the visit and tries to send it at once; `synced`: it reached the server (else it waits for the network). */
  recordVisit: (
    visit: Omit<VisitInput, 'clientId'>,
  ) => Promise<{ ok: true; clientId: string; synced: boolean } | { ok: false; error: ErrorBody }>
  sync: () => Promise<SyncReport | null>
  retry: (clientId: string) => Promise<void>
  discard: (clientId: string) => Promise<void>
  reveal: (personId: string) => Promise<{ ok: true; phone: string } | { ok: false; error: ErrorBody }>
  loadStats: () => Promise<void>
}

/** One queue per app instance (its storage survives restarts). */
export const visitQueue = new VisitQueue(taroStorage, { batchSize: 10 })
/** The whole list is fetched in pages of this size and cached (the cache keeps at most 500 persons). */
const PAGE = 100
const MAX_PAGES = 5

export const useOutreachStore = create<OutreachState>()((set, get) => {
  const refreshQueue = () => set({ queue: [...visitQueue.items()], summary: visitQueue.summary() })
  return {
    status: 'idle',
    error: null,
    items: [],
    fromCache: false,
    fetchedAtMs: null,
    queue: [],
    summary: { pending: 0, synced: 0, failed: 0, total: 0 },
    syncing: false,
    lastSync: null,
    revealed: {},
    stats: null,
    statsStatus: 'idle',
    statsError: null,

    loadList: async () => {
      set({ status: get().items.length ? get().status : 'loading', error: null })
      const items: OutreachListItem[] = []
      let cursor: string | undefined
      for (let page = 0; page < MAX_PAGES; page++) {
        const res = await fetchMyList({ pageSize: PAGE, ...(cursor ? { cursor } : {}) })
        if (!res.ok) {
          const cached = await readListCache(taroStorage)
          if (cached)
            set({
              status: 'ready',
              items: cached.items,
              fromCache: true,
              fetchedAtMs: cached.fetchedAtMs,
              error: res.error,
            })
          else set({ status: 'error', error: res.error })
          return
        }
        items.push(...res.data.items)
        if (!res.data.nextCursor) break
        cursor = res.data.nextCursor
      }
      const now = Date.now()
      try {
        await saveListCache(taroStorage, items, now)
      } catch {
        // storage full: the list still shows, it is just not kept for offline use
      }
      set({ status: 'ready', items, fromCache: false, fetchedAtMs: now, error: null })
    },

    loadQueue: async () => {
      await visitQueue.load()
      refreshQueue()
    },

    recordVisit: async (visit) => {
      const r = await visitQueue.enqueue(visit)
      refreshQueue()
      if (!r.ok) return r
      const clientId = r.item.clientId
      await get().sync()
      const synced = visitQueue.items().some((i) => i.clientId === clientId && i.state === 'synced')
      return { ok: true, clientId, synced }
    },

    sync: async () => {
      if (get().syncing) return null
      if (visitQueue.summary().pending === 0) {
        refreshQueue()
        return null
      }
      set({ syncing: true })
      try {
        const report = await visitQueue.sync(sendVisits)
        set({ lastSync: report })
        if (report.synced > 0) void get().loadList()
        return report
      } finally {
        set({ syncing: false })
        refreshQueue()
      }
    },

    retry: async (clientId) => {
      await visitQueue.retry(clientId)
      refreshQueue()
      void get().sync()
    },

    discard: async (clientId) => {
      await visitQueue.discard(clientId)
      refreshQueue()
    },

    reveal: async (personId) => {
      const res = await revealContact(personId)
      if (!res.ok) return { ok: false, error: res.error }
      set({ revealed: { ...get().revealed, [personId]: res.data.phone } })
      return { ok: true, phone: res.data.phone }
    },

    loadStats: async () => {
      set({ statsStatus: get().stats ? 'ready' : 'loading', statsError: null })
      const res = await fetchGridStats()
      if (res.ok) set({ stats: res.data, statsStatus: 'ready' })
      else set({ statsStatus: 'error', statsError: res.error })
    },
  }
})

/** Starts background sync: when the network comes back, and every 20 s while visits are pending. */
let started = false
export function startOutreachSync(): void {
  if (started) return
  started = true
  const kick = () => {
    if (visitQueue.summary().pending > 0) void useOutreachStore.getState().sync()
  }
  void useOutreachStore.getState().loadQueue().then(kick)
  onNetworkBack(kick)
  setInterval(kick, 20_000)
}
