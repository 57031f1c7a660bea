import { useEffect } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PageShell } from '../../components/PageShell'
import { PageState } from '../../components/PageState'
import { ListFooter } from '../../components/ListFooter'
import { Card } from '../../components/Card'
import { useJobListStore } from '../../stores/job.store'

/** 找工作: the job list (the jobs engineer fills in search, filters and the card). */
export default function JobsPage() {
  const { items, status, error, nextCursor, loadingMore, refresh, loadMore } = useJobListStore()

  useEffect(() => {
    if (status === 'idle') void refresh()
  }, [status, refresh])
  usePullDownRefresh(() => void refresh().finally(() => Taro.stopPullDownRefresh()))
  useReachBottom(() => void loadMore())

  const open = (id: string) => void Taro.navigateTo({ url: `/packages/job/index/index?id=${encodeURIComponent(id)}` })
  return (
    <PageShell>
      <PageState status={status} error={error} empty={items.length === 0} emptyText='暂无岗位' onRetry={() => void refresh()}>
        <View className='jobs__list' data-testid='job-list'>
          {items.map((job) => (
            <Card key={job.id} title={job.title} onClick={() => open(job.id)} ariaLabel={`查看岗位：${job.title}`}>
              {job.employerName && <Text className='zj-muted'>{job.employerName}</Text>}
            </Card>
          ))}
        </View>
        <ListFooter loading={loadingMore} hasMore={!!nextCursor} count={items.length} />
      </PageState>
    </PageShell>
  )
}
