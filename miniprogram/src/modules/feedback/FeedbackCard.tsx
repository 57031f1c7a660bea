/**
 * One feedback item in a list (我的反馈, the handler's inbox): category, status, due date, overdue. With `fixed`
 * the card has a fixed height (feedback.scss `.zj-fb-card--fixed`: preview clamped to two lines, facts on one
 * line), for a list that renders only the cards near the viewport (hooks/useVisibleWindow).
 */
import { Text, View } from '@tarojs/components'
import type { FeedbackListItem } from '@shared/feedback/types'
import { Card } from '@/components/Card'
import { formatDate } from '@/utils/format'
import { StatusTag } from './StatusTag'

/** The height in design px of a `fixed` card, as in feedback.scss (normal, 长辈版). */
export const FEEDBACK_CARD_HEIGHT = { normal: 264, elder: 396 } as const

export function FeedbackCard({
  item,
  onOpen,
  showDepartment = true,
  fixed = false,
}: {
  item: FeedbackListItem
  onOpen: () => void
  showDepartment?: boolean
  fixed?: boolean
}) {
  const done = ['replied', 'resolved', 'closed'].includes(item.status)
  return (
    <Card
      className={fixed ? 'zj-fb-card--fixed' : undefined}
      title={`${item.categoryLabel} · ${item.trackingNo}`}
      extra={<StatusTag status={item.status} label={item.statusLabel} overdue={item.overdue} />}
      onClick={onOpen}
      ariaLabel={`${item.categoryLabel}，受理编号${item.trackingNo}，${item.statusLabel}${item.overdue ? '，已超期' : ''}`}
    >
      <View className='zj-fb-card' data-testid='feedback-card' data-tracking-no={item.trackingNo}>
        <View className='zj-fb-card__text'>
          <Text>{item.contentPreview}</Text>
        </View>
        <View className='zj-fb-card__meta'>
          {showDepartment && <Text className='zj-fb-card__dept'>{item.departmentName ?? '待分派'}</Text>}
          {!done && (
            <Text className={item.overdue ? 'zj-fb-due zj-fb-due--over' : 'zj-fb-due'}>
              答复期限 {formatDate(item.dueAt)}
            </Text>
          )}
          {item.escalatedAt && <Text className='zj-fb-due--over'>已督办</Text>}
          {item.anonymous && <Text>匿名</Text>}
        </View>
      </View>
    </Card>
  )
}
