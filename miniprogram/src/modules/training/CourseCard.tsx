import { Text, View } from '@tarojs/components'
import type { CourseView } from '@shared/training/views'
import { formatDistance } from '@shared/geo'
import { Card } from '@/components/Card'
import { Tag } from '@/components/Tag'
import { formatDate } from '@/utils/format'

/** One course in a list: title, provider, start date, seats left (in words, not only colour), subsidy. */
export function CourseCard({ course, onOpen }: { course: CourseView; onOpen: (id: string) => void }) {
  const full = course.seatsLeft === 0
  return (
    <Card
      title={course.title}
      onClick={() => onOpen(course.id)}
      ariaLabel={`查看课程：${course.title}，${full ? '名额已满可候补' : `剩余${course.seatsLeft}个名额`}`}
      extra={<Tag tone={full ? 'warning' : 'success'}>{full ? '可候补' : `余${course.seatsLeft}席`}</Tag>}
    >
      <View className='zj-muted'>
        <Text>{course.providerName}</Text>
      </View>
      <View className='zj-muted'>
        <Text>
          {formatDate(course.startAt)}开课 · {course.modeLabel}
          {course.mode === 'offline' && course.address ? ` · ${course.address}` : ''}
        </Text>
      </View>
      <View>
        <Tag>{course.levelLabel}</Tag>
        <Tag>{course.certificateLabel}</Tag>
        {course.hasSubsidy && <Tag tone='primary'>可申请补贴</Tag>}
        {course.distanceKm !== undefined && <Tag>{formatDistance(course.distanceKm)}</Tag>}
      </View>
    </Card>
  )
}
