/** One feedback item in a list (我的反馈, the handler's inbox): category, status, due date, overdue. */
import { Text, View } from '@tarojs/components'
import type { FeedbackListItem } from '@shared/feedback/types'
import { Card } from '../../components/Card'
import { formatDate } from '../../utils/format'
import { StatusTag } from './StatusTag'

export function FeedbackCard({ item, onOpen, showDepartment = true }: { item: FeedbackListItem; onOpen: () => void; showDepartment?: boolean }) {
  const done = ['replied', 'resolved', 'closed'].includes(item.status)
  return (
    <Card
      title={`${item.categoryLabel} · ${item.trackingNo}`}
      extra={<StatusTag status={item.status} label={item.statusLabel} overdue={item.overdue} />}
      onClick={onOpen}
      ariaLabel={`${item.categoryLabel}，受理编号${item.trackingNo}，${item.statusLabel}${item.overdue ? '，已超期' : ''}`}
    >
      <View className='zj-fb-card' data-testid='feedback-card' data-tracking-no={item.trackingNo}>
        <Text className='zj-fb-card__text'>{item.contentPreview}</Text>
        <View className='zj-fb-card__meta'>
          {showDepartment && <Text>{item.departmentName ?? '待分派'}</Text>}
          {!done && <Text className={item.overdue ? 'zj-fb-due zj-fb-due--over' : 'zj-fb-due'}>答复期限 {formatDate(item.dueAt)}</Text>}
          {item.escalatedAt && <Text className='zj-fb-due--over'>已督办</Text>}
          {item.anonymous && <Text>匿名</Text>}
        </View>
      </View>
    </Card>
  )
}
