import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PageShell } from '@/components/PageShell'
import { PageState } from '@/components/PageState'
import { ListFooter } from '@/components/ListFooter'
import { Card } from '@/components/Card'
import { Tag } from '@/components/Tag'
import { ZjButton } from '@/components/ZjButton'
import { usePolicyListStore } from '@/stores/policy.store'
import { usePagedList } from '@/hooks/usePagedList'
import { AskEntry } from '@/modules/assistant/AskEntry'
import '@/modules/policy/policy.scss'

/** 政策: the policy library, with the way into 政策体检 (the check) and 我的匹配 (政策找人). */
export default function PoliciesPage() {
  const { items, status, error, nextCursor, loadingMore, refresh } = usePagedList(usePolicyListStore, {
    firstLoad: 'ifIdle',
  })

  const go = (url: string) => void Taro.navigateTo({ url })
  return (
    <PageShell>
      <View className='zj-po-bar'>
        <ZjButton
          kind='primary'
          ariaLabel='政策体检：看看我能享受哪些政策'
          onClick={() => go('/packages/policy/check/index')}
        >
          政策体检
        </ZjButton>
        <ZjButton ariaLabel='查看为我匹配到的政策' onClick={() => go('/packages/policy/matches/index')}>
          我的匹配
        </ZjButton>
      </View>
      <AskEntry sub='政策看不懂？用自己的话问，回答注明依据的政策' />
      <PageState
        status={status}
        error={error}
        empty={items.length === 0}
        emptyText='暂无政策'
        onRetry={() => void refresh()}
      >
        <View data-testid='policy-list'>
          {items.map((p) => (
            <Card
              key={p.id}
              title={p.title}
              extra={
                <Tag tone='default'>
                  {p.applicationOpen ? '受理中' : p.inForce === 'expired' ? '已到期' : '暂未受理'}
                </Tag>
              }
              onClick={() => go(`/packages/policy/index/index?id=${encodeURIComponent(p.id)}`)}
              ariaLabel={`查看政策：${p.title}`}
            >
              <Text className='zj-po-muted'>{p.categoryLabel}</Text>
              <Text className='zj-po-text'>{p.summary}</Text>
              {p.amounts[0] && <Text className='zj-po-muted'>补贴：{p.amounts[0]}</Text>}
            </Card>
          ))}
        </View>
        <ListFooter loading={loadingMore} hasMore={!!nextCursor} count={items.length} />
      </PageState>
    </PageShell>
  )
}
