/** The item's 办理进程: every step, who (a department, never a person) and when, oldest first. */
import { Text, View } from '@tarojs/components'
import type { TimelineStep } from '@shared/feedback/types'
import { formatDateTime } from '@/utils/format'

export function FeedbackTimeline({ steps }: { steps: TimelineStep[] }) {
  return (
    <View className='zj-fb-timeline' data-testid='feedback-timeline' role='list' aria-label='办理进程'>
      {steps.map((s, i) => (
        <View
          key={`${s.type}-${i}`}
          className={`zj-fb-step ${i === steps.length - 1 ? 'zj-fb-step--last' : ''}`}
          role='listitem'
        >
          <View className='zj-fb-step__dot' />
          <View className='zj-fb-step__body'>
            <Text className='zj-fb-step__title'>{s.label}</Text>
            <Text className='zj-fb-step__meta'>
              {s.by} · {formatDateTime(s.at)}
            </Text>
            {s.note && <Text className='zj-fb-step__note'>{s.note}</Text>}
          </View>
        </View>
      ))}
    </View>
  )
}
