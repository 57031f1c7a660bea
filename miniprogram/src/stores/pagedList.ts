/**
 * A zustand store factory for a paged list (`{items, nextCursor}` answers of the contract): first page,
 * pull-to-refresh, load more on reaching the bottom. Module stores build their lists with it.
 */
import { create } from 'zustand'
import type { Envelope, ErrorBody } from '@shared/errors'
import type { Page } from '@shared/actions/common'
import type { LoadStatus } from './user.store'

export interface PagedListState<T> {
  items: T[]
  nextCursor: string | null
  status: LoadStatus
  loadingMore: boolean
  error: ErrorBody | null
  /** First page (also pull-to-refresh). */
  refresh: () => Promise<void>
  /** Next page if there is one and nothing is loading. */
  loadMore: () => Promise<void>
}

export type PageLoader<T> = (cursor: string | undefined) => Promise<Envelope<Page<T>>>

export function createPagedListStore<T>(loader: PageLoader<T>) {
  let generation = 0
  return create<PagedListState<T>>()((set, get) => ({
    items: [],
    nextCursor: null,
    status: 'idle',
    loadingMore: false,
    error: null,
    refresh: async () => {
      const mine = ++generation
      set({ status: get().items.length > 0 ? 'ready' : 'loading', error: null })
      const res = await loader(undefined)
      if (mine !== generation) return
      if (res.ok) set({ items: res.data.items, nextCursor: res.data.nextCursor, status: 'ready' })
      else set({ status: get().items.length > 0 ? 'ready' : 'error', error: res.error })
    },
    loadMore: async () => {
      const { nextCursor, loadingMore, status } = get()
      if (!nextCursor || loadingMore || status !== 'ready') return
      const mine = generation
      set({ loadingMore: true })
      const res = await loader(nextCursor)
      if (mine !== generation) return
      if (res.ok)
        set((s) => ({ items: [...s.items, ...res.data.items], nextCursor: res.data.nextCursor, loadingMore: false }))
      else set({ loadingMore: false, error: res.error })
    },
  }))
}
