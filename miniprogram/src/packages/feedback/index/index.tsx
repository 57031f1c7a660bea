/** 我的反馈: my items with status and due date; 我要反馈; the public 三率 page. */
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PageShell } from '@/components/PageShell'
import { PageState } from '@/components/PageState'
import { ZjButton } from '@/components/ZjButton'
import { ListFooter } from '@/components/ListFooter'
import { FeedbackCard } from '@/modules/feedback/FeedbackCard'
import { useMyFeedbackList } from '@/stores/feedback.store'
import { usePagedList } from '@/hooks/usePagedList'
import '@/modules/feedback/feedback.scss'

export default function FeedbackIndexPage() {
  const { items, status, error, nextCursor, loadingMore, refresh } = usePagedList(useMyFeedbackList, {
    refreshOnShow: true,
  })

  return (
    <PageShell className='zj-fb-page'>
      <View className='zj-fb-block'>
        <Text className='zj-fb-hint'>
          咨询、投诉、建议、表扬都可以在这里提交，我们会在规定的工作日内答复，全程可查进度。
        </Text>
        <View className='zj-fb-actions'>
          <ZjButton
            kind='primary'
            ariaLabel='我要反馈'
            onClick={() => void Taro.navigateTo({ url: '/packages/feedback/submit/index' })}
          >
            我要反馈
          </ZjButton>
          <ZjButton
            ariaLabel='查看办理情况公示（三率）'
            onClick={() => void Taro.navigateTo({ url: '/packages/feedback/stats/index' })}
          >
            三率公示
          </ZjButton>
        </View>
      </View>
      <PageState
        status={status}
        error={error}
        empty={items.length === 0}
        emptyText='还没有提交过反馈'
        onRetry={() => void refresh()}
      >
        <View data-testid='my-feedback-list'>
          {items.map((item) => (
            <FeedbackCard
              key={item.trackingNo}
              item={item}
              onOpen={() =>
                void Taro.navigateTo({ url: `/packages/feedback/detail/index?trackingNo=${item.trackingNo}` })
              }
            />
          ))}
        </View>
        <ListFooter loading={loadingMore} hasMore={!!nextCursor} count={items.length} />
      </PageState>
    </PageShell>
  )
}
