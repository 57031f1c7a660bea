/**
 * A zustand store factory for a paged list (`{items, nextCursor}` answers of the contract): first page,
 * pull-to-refresh, load more on reaching the bottom. Module stores build their lists with it. What a first
 * page says besides its items (e.g. `job.search`'s `interpreted` and `sort`) is kept as `meta`.
 */
import { create, type StoreApi, type UseBoundStore } from 'zustand'
import type { Envelope, ErrorBody } from '@shared/errors'
import type { Page } from '@shared/actions/common'
import type { LoadStatus } from './user.store'

export interface PagedListState<T, M = object> {
  items: T[]
  /** The rest of the latest first page's answer (null before one arrived; lists built by hand may omit it). */
  meta?: M | null
  nextCursor: string | null
  status: LoadStatus
  loadingMore: boolean
  error: ErrorBody | null
  /** First page (also pull-to-refresh). */
  refresh: () => Promise<void>
  /** Next page if there is one and nothing is loading. */
  loadMore: () => Promise<void>
}

export type PageLoader<T, M = object> = (cursor: string | undefined) => Promise<Envelope<Page<T> & M>>

export function createPagedListStore<T, M = object>(loader: PageLoader<T, M>) {
  let generation = 0
  return create<PagedListState<T, M>>()((set, get) => ({
    items: [],
    meta: null,
    nextCursor: null,
    status: 'idle',
    loadingMore: false,
    error: null,
    refresh: async () => {
      const mine = ++generation
      set({ status: get().items.length > 0 ? 'ready' : 'loading', error: null })
      const res = await loader(undefined)
      if (mine !== generation) return
      if (res.ok) {
        const { items, nextCursor, ...meta } = res.data
        set({ items, nextCursor, meta: meta as M, status: 'ready' })
      } else set({ status: get().items.length > 0 ? 'ready' : 'error', error: res.error })
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

/** A paged list whose filter lives in the store's state: `show(filter)` keeps it, clears the list, loads page one. */
export interface FilteredListState<T, F> extends PagedListState<T> {
  filter: F
  show: (filter: F) => Promise<void>
}

export function createFilteredListStore<T, F>(
  initial: F,
  loader: (filter: F, cursor: string | undefined) => Promise<Envelope<Page<T>>>,
): UseBoundStore<StoreApi<FilteredListState<T, F>>> {
  const store = createPagedListStore<T>((cursor) =>
    loader((store as UseBoundStore<StoreApi<FilteredListState<T, F>>>).getState().filter, cursor),
  ) as unknown as UseBoundStore<StoreApi<FilteredListState<T, F>>>
  store.setState({
    filter: initial,
    show: async (filter) => {
      store.setState({ filter, items: [], nextCursor: null })
      await store.getState().refresh()
    },
  })
  return store
}
