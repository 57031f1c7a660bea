/** 我的收藏: saved postings, newest saved first. */
import { useEffect } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { PageShell } from '@/components/PageShell'
import { PageState } from '@/components/PageState'
import { ListFooter } from '@/components/ListFooter'
import { JobCard } from '@/modules/job/JobCard'
import { useFavoritesStore } from '@/stores/job.store'
import '@/modules/job/job.scss'

export default function FavoritesPage() {
  const { items, status, error, nextCursor, loadingMore, refresh, loadMore } = useFavoritesStore()
  useEffect(() => {
    void refresh()
  }, [refresh])
  usePullDownRefresh(() => void refresh().finally(() => Taro.stopPullDownRefresh()))
  useReachBottom(() => void loadMore())
  const open = (id: string) => void Taro.navigateTo({ url: `/packages/job/index/index?id=${encodeURIComponent(id)}` })
  return (
    <PageShell>
      <PageState
        status={status}
        error={error}
        empty={items.length === 0}
        emptyText='还没有收藏岗位'
        onRetry={() => void refresh()}
      >
        <View data-testid='job-favorites'>
          {items.map((j) => (
            <JobCard key={j.id} job={j} onOpen={open} extra={j.active ? undefined : '已结束'} />
          ))}
        </View>
        <ListFooter loading={loadingMore} hasMore={!!nextCursor} count={items.length} />
      </PageState>
    </PageShell>
  )
}
