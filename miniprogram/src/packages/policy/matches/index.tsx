/** 我的匹配: the policies the system found for the resident (政策找人), newest first. */
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PageShell } from '@/components/PageShell'
import { PageState } from '@/components/PageState'
import { ListFooter } from '@/components/ListFooter'
import { Card } from '@/components/Card'
import { ZjButton } from '@/components/ZjButton'
import { usePolicyMatchesStore } from '@/stores/policy.store'
import { usePagedList } from '@/hooks/usePagedList'
import '@/modules/policy/policy.scss'

const CHANNEL = { push: '已通过消息提醒您', visit: '网格员将上门告知', none: '' } as const

export default function PolicyMatchesPage() {
  const { items, meta, status, error, nextCursor, loadingMore, refresh } = usePagedList(usePolicyMatchesStore)
  // a policy already claimed (application approved) is done: the server lists only what is still to claim, paged
  // over those, and counts the claimed ones
  const claimed = meta?.claimedCount ?? 0
  const openMine = () => void Taro.navigateTo({ url: '/packages/application/index/index' })

  return (
    <PageShell>
      <PageState
        status={status}
        error={error}
        empty={items.length === 0}
        emptyText={
          claimed > 0
            ? '匹配到的政策都已申领成功，办理结果可在「我的办事」查看。'
            : '暂时没有匹配到政策。绑定居民档案或做一次政策体检后再来看看。'
        }
        onRetry={() => void refresh()}
      >
        <View data-testid='policy-matches'>
          {items.map((m) => (
            <Card
              key={`${m.policyId}@${m.version}`}
              title={m.title}
              onClick={() =>
                void Taro.navigateTo({ url: `/packages/policy/index/index?id=${encodeURIComponent(m.policyId)}` })
              }
              ariaLabel={`查看政策：${m.title}`}
            >
              <Text className='zj-po-muted'>
                匹配时间：{m.matchedAt.slice(0, 10)}
                {CHANNEL[m.channel] ? `；${CHANNEL[m.channel]}` : ''}
              </Text>
            </Card>
          ))}
        </View>
        {claimed > 0 && (
          <View onClick={openMine} aria-label='查看我的办事' data-testid='policy-matches-claimed'>
            <Text className='zj-po-muted'>{`已申领 ${claimed} 项政策，在「我的办事」查看 ›`}</Text>
          </View>
        )}
        <ListFooter loading={loadingMore} hasMore={!!nextCursor} count={items.length} />
      </PageState>
      <View className='zj-po-bar'>
        <ZjButton
          kind='primary'
          block
          ariaLabel='去做政策体检'
          onClick={() => void Taro.navigateTo({ url: '/packages/policy/check/index' })}
        >
          去做政策体检
        </ZjButton>
      </View>
    </PageShell>
  )
}
