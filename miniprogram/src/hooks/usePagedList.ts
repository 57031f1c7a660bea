/**
 * The lifecycle every paged list page shares, for a store made by createPagedListStore (or one extending
 * its state): first page on open, pull-to-refresh, next page on reaching the bottom, and optionally a
 * refresh each time the page is shown again (e.g. back from a detail page that changed an item).
 */
import { useEffect } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { StoreApi, UseBoundStore } from 'zustand'
import type { PagedListState } from '@/stores/pagedList'

export interface PagedListOptions {
  /** Refresh when the page is shown again after the first load (default false). */
  refreshOnShow?: boolean
  /** 'always' (default): load the first page on every open; 'ifIdle': only when the store has never loaded (a tab keeping its list). */
  firstLoad?: 'always' | 'ifIdle'
  /** Load the first page again when one of these changes (e.g. the filter). */
  deps?: readonly unknown[]
}

export function usePagedList<S extends PagedListState<unknown>>(
  useStore: UseBoundStore<StoreApi<S>>,
  opts: PagedListOptions = {},
): S {
  const state = useStore()
  const { refresh, loadMore, status } = state
  const ifIdle = opts.firstLoad === 'ifIdle'
  useEffect(() => {
    if (!ifIdle || status === 'idle') void refresh()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [refresh, ifIdle ? status : null, ...(opts.deps ?? [])])
  useDidShow(() => {
    if (opts.refreshOnShow && useStore.getState().status === 'ready') void refresh()
  })
  usePullDownRefresh(() => void refresh().finally(() => Taro.stopPullDownRefresh()))
  useReachBottom(() => void loadMore())
  return state
}
