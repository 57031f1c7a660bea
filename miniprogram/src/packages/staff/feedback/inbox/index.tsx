/** The handler's inbox: their department's items, overdue first; views and an overdue filter. */
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { PageShell } from '../../../../components/PageShell'
import { PageState } from '../../../../components/PageState'
import { ListFooter } from '../../../../components/ListFooter'
import { Chip } from '../../../../components/Chip'
import { FeedbackCard } from '../../../../modules/feedback/FeedbackCard'
import { useInboxStore } from '../../../../stores/feedback'
import { usePagedList } from '../../../../stores/usePagedList'
import '../../../../modules/feedback/feedback.scss'

const VIEWS = [
  { view: 'open', label: '待答复' },
  { view: 'replied', label: '待办结' },
  { view: 'done', label: '已办结' },
  { view: 'all', label: '全部' },
] as const

export default function StaffFeedbackInboxPage() {
  const { items, status, error, nextCursor, loadingMore, filter, setFilter, refresh } = usePagedList(useInboxStore, { refreshOnShow: true })

  return (
    <PageShell className='zj-fb-page'>
      <View className='zj-fb-block'>
        <View className='zj-chips' role='radiogroup' aria-label='筛选'>
          {VIEWS.map((v) => (
            <Chip key={v.view} label={v.label} on={(filter.view ?? 'open') === v.view && !filter.overdue} onTap={() => void setFilter({ view: v.view })} testId={`inbox-view-${v.view}`} />
          ))}
          <Chip label='仅看超期' on={!!filter.overdue} onTap={() => void setFilter({ view: 'open', overdue: !filter.overdue || undefined })} testId='inbox-overdue' />
        </View>
      </View>
      <PageState status={status} error={error} empty={items.length === 0} emptyText='暂无待办反馈' onRetry={() => void refresh()}>
        <View data-testid='inbox-list'>
          {items.map((item) => (
            <FeedbackCard key={item.trackingNo} item={item} onOpen={() => void Taro.navigateTo({ url: `/packages/staff/feedback/detail/index?trackingNo=${item.trackingNo}` })} />
          ))}
        </View>
        <ListFooter loading={loadingMore} hasMore={!!nextCursor} count={items.length} />
      </PageState>
    </PageShell>
  )
}
