/**
 * One person of the visit list: why, how urgent, by when; masked numbers only. The card has a fixed height
 * (outreach.scss `.zj-outreach-card`, reasons clamped to two lines, facts to two rows) so the list can render only
 * the cards near the viewport (hooks/useVisibleWindow).
 */
import { Text, View } from '@tarojs/components'
import { EMPLOYMENT_STATUS_LABELS } from '@shared/domain/person'
import { PRIORITY_LEVEL_LABELS } from '@shared/outreach/listRules'
import type { OutreachListItem } from '@shared/outreach/types'
import { Card } from '@/components/Card'
import { Tag, type TagTone } from '@/components/Tag'
import { ZjButton } from '@/components/ZjButton'
import { formatDate } from '@/utils/format'

const STAGE_TONE: Record<OutreachListItem['stage'], TagTone> = {
  invite: 'primary',
  reminder: 'warning',
  overdue: 'danger',
  escalated: 'danger',
}
const LEVEL_TONE: Record<OutreachListItem['level'], TagTone> = { high: 'danger', medium: 'warning', low: 'default' }

/** The card's height in design px, as in outreach.scss (normal, 长辈版). */
export const OUTREACH_CARD_HEIGHT = { normal: 408, elder: 520 } as const

interface Props {
  item: OutreachListItem
  pendingVisits: number
  onRecord: () => void
  onOpen: () => void
}

export function OutreachItemCard({ item, pendingVisits, onRecord, onOpen }: Props) {
  return (
    <Card
      className='zj-outreach-card'
      title={`${item.name}${item.age !== null ? `（${item.age}岁）` : ''}`}
      extra={<Tag tone={LEVEL_TONE[item.level]}>{`优先级${PRIORITY_LEVEL_LABELS[item.level]}`}</Tag>}
    >
      <View data-testid={`outreach-item-${item.personId}`}>
        <View className='zj-outreach-item__reasons'>
          <Text>{item.reasons.map((r) => r.text).join('；')}</Text>
        </View>
        {/* two rows of fixed height, whatever fits on them: every card is filled the same way (no blank band) */}
        <View className='zj-outreach-item__meta'>
          <View className='zj-outreach-item__meta-row'>
            <Tag tone={STAGE_TONE[item.stage]}>{item.stageText}</Tag>
            <Text>{`${formatDate(item.dueAt)}前走访`}</Text>
          </View>
          <View className='zj-outreach-item__meta-row'>
            <Text>{EMPLOYMENT_STATUS_LABELS[item.employmentStatus]}</Text>
            <Text>{item.phone}</Text>
            {pendingVisits > 0 && <Tag tone='warning'>{`${pendingVisits}条走访待同步`}</Tag>}
          </View>
        </View>
        <View className='zj-outreach-item__actions'>
          <ZjButton size='small' kind='primary' ariaLabel={`记录对${item.name}的走访`} onClick={onRecord}>
            记录走访
          </ZjButton>
          <ZjButton size='small' ariaLabel={`查看${item.name}的详情`} onClick={onOpen}>
            详情
          </ZjButton>
        </View>
      </View>
    </Card>
  )
}
