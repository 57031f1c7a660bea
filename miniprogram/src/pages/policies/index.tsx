import { useEffect } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PageShell } from '../../components/PageShell'
import { PageState } from '../../components/PageState'
import { ListFooter } from '../../components/ListFooter'
import { Card } from '../../components/Card'
import { usePolicyListStore } from '../../stores/policy.store'

/** 政策: the policy list (the policy engineer fills in 政策找人 and the check). */
export default function PoliciesPage() {
  const { items, status, error, nextCursor, loadingMore, refresh, loadMore } = usePolicyListStore()

  useEffect(() => {
    if (status === 'idle') void refresh()
  }, [status, refresh])
  usePullDownRefresh(() => void refresh().finally(() => Taro.stopPullDownRefresh()))
  useReachBottom(() => void loadMore())

  const open = (id: string) => void Taro.navigateTo({ url: `/packages/policy/index/index?id=${encodeURIComponent(id)}` })
  return (
    <PageShell>
      <PageState status={status} error={error} empty={items.length === 0} emptyText='暂无政策' onRetry={() => void refresh()}>
        <View data-testid='policy-list'>
          {items.map((p) => (
            <Card key={p.id} title={p.title} onClick={() => open(p.id)} ariaLabel={`查看政策：${p.title}`}>
              {p.summary && <Text className='zj-muted'>{p.summary}</Text>}
            </Card>
          ))}
        </View>
        <ListFooter loading={loadingMore} hasMore={!!nextCursor} count={items.length} />
      </PageState>
    </PageShell>
  )
}
