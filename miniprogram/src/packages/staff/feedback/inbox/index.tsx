/**
 * The handler's inbox: their department's items, overdue first; views and an overdue filter. Pages of 20 load on
 * reaching the bottom; only the cards near the viewport are rendered (hooks/useVisibleWindow).
 */
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { PageShell } from '@/components/PageShell'
import { PageState } from '@/components/PageState'
import { ListFooter } from '@/components/ListFooter'
import { Chip } from '@/components/Chip'
import { useVisibleWindow } from '@/hooks/useVisibleWindow'
import { FEEDBACK_CARD_HEIGHT, FeedbackCard } from '@/modules/feedback/FeedbackCard'
import { useInboxStore } from '@/stores/feedback.store'
import { useUiStore } from '@/stores/ui.store'
import { usePagedList } from '@/hooks/usePagedList'
import '@/modules/feedback/feedback.scss'

const VIEWS = [
  { view: 'open', label: '待答复' },
  { view: 'replied', label: '待办结' },
  { view: 'done', label: '已办结' },
  { view: 'all', label: '全部' },
] as const

export default function StaffFeedbackInboxPage() {
  const { items, status, error, nextCursor, loadingMore, filter, setFilter, refresh } = usePagedList(useInboxStore, {
    refreshOnShow: true,
  })
  const largeFont = useUiStore((s) => s.largeFont)
  // above the list: the filter chips (about 140 px; the window's margin absorbs the rest)
  const win = useVisibleWindow(items.length, largeFont ? FEEDBACK_CARD_HEIGHT.elder : FEEDBACK_CARD_HEIGHT.normal, 140)

  return (
    <PageShell className='zj-fb-page'>
      <View className='zj-fb-block'>
        <View className='zj-chips' role='radiogroup' aria-label='筛选'>
          {VIEWS.map((v) => (
            <Chip
              key={v.view}
              label={v.label}
              on={(filter.view ?? 'open') === v.view && !filter.overdue}
              onTap={() => void setFilter({ view: v.view })}
              testId={`inbox-view-${v.view}`}
            />
          ))}
          <Chip
            label='仅看超期'
            on={!!filter.overdue}
            onTap={() => void setFilter({ view: 'open', overdue: !filter.overdue || undefined })}
            testId='inbox-overdue'
          />
        </View>
      </View>
      <PageState
        status={status}
        error={error}
        empty={items.length === 0}
        emptyText='暂无待办反馈'
        onRetry={() => void refresh()}
      >
        <View data-testid='inbox-list'>
          <View style={{ height: `${win.before}px` }} />
          {items.slice(win.first, win.last).map((item) => (
            <FeedbackCard
              key={item.trackingNo}
              item={item}
              fixed
              onOpen={() =>
                void Taro.navigateTo({ url: `/packages/staff/feedback/detail/index?trackingNo=${item.trackingNo}` })
              }
            />
          ))}
          <View style={{ height: `${win.after}px` }} />
        </View>
        <ListFooter loading={loadingMore} hasMore={!!nextCursor} count={items.length} />
      </PageState>
    </PageShell>
  )
}
