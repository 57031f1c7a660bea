/** The blocks a resident's and a handler's view of one item share (packages/feedback/detail, packages/staff/feedback/detail). */
import { Image, Text, View } from '@tarojs/components'
import type { FeedbackDetail } from '@shared/feedback/types'
import { photoSrc } from '@/services/feedback.service'
import { formatDateTime } from '@/utils/format'
import { FeedbackTimeline } from './FeedbackTimeline'
import { StatusTag } from './StatusTag'

/** The title row: what the item is, and its status (overdue shown). */
export function FeedbackHead({
  title,
  item,
}: {
  title: string
  item: Pick<FeedbackDetail, 'status' | 'statusLabel' | 'overdue'>
}) {
  return (
    <View className='zj-fb-row'>
      <Text className='zj-fb-block__title'>{title}</Text>
      <View data-testid='feedback-status'>
        <StatusTag status={item.status} label={item.statusLabel} overdue={item.overdue} />
      </View>
    </View>
  )
}

/** 超期督办: when the item was escalated for being overdue (nothing when it was not). */
export function EscalatedNote({ at }: { at: string | null }) {
  return at ? <Text className='zj-fb-due--over'>已于{formatDateTime(at)}超期督办</Text> : null
}

/** 反馈内容 with its photos. */
export function FeedbackContent({ content, images }: { content: string; images: string[] }) {
  return (
    <>
      <Text className='zj-fb-label'>反馈内容</Text>
      <Text className='zj-fb-text'>{content}</Text>
      {images.length > 0 && (
        <View className='zj-fb-photos'>
          {images.map((src) => (
            <View key={src} className='zj-fb-photo' data-testid='feedback-photo'>
              <Image className='zj-fb-photo__img' src={photoSrc(src)} mode='aspectFill' />
            </View>
          ))}
        </View>
      )}
    </>
  )
}

/** The error of the last action, announced (nothing when there is none). */
export function ActionError({ message }: { message: string | null }) {
  return message ? (
    <View role='alert'>
      <Text className='zj-fb-error'>{message}</Text>
    </View>
  ) : null
}

/** The 办理进程 block. */
export function FeedbackProgress({ steps }: { steps: FeedbackDetail['timeline'] }) {
  return (
    <View className='zj-fb-block'>
      <Text className='zj-fb-block__title'>办理进程</Text>
      <FeedbackTimeline steps={steps} />
    </View>
  )
}
