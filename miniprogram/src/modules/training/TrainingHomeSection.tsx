/** Home-page section「近期培训」: the caller's active signups, nearest start first. */
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { MySignup } from '@shared/training/views'
import { SIGNUP_STATUS_LABELS } from '@shared/training/labels'
import { fetchMySignups } from '@/services/training.service'
import { Card } from '@/components/Card'
import { Tag } from '@/components/Tag'
import { formatDate } from '@/utils/format'
import { HomeListSection } from '@/modules/HomeListSection'

export function TrainingHomeSection({ refreshKey }: { refreshKey: number }) {
  return (
    <HomeListSection<MySignup>
      title='近期培训'
      testId='home-training'
      moreUrl='/packages/training/index/index'
      tab={false}
      refreshKey={refreshKey}
      emptyText='还没有报名培训，去看看免费的技能培训吧'
      load={async () => {
        const res = await fetchMySignups()
        if (!res.ok) return res
        return { ok: true, data: { items: res.data.items.filter((s) => s.status !== 'cancelled' && s.course) } }
      }}
      renderItem={(s) => (
        <Card
          key={s.signupId}
          title={s.course?.title ?? ''}
          onClick={() =>
            void Taro.navigateTo({ url: `/packages/training/detail/index?id=${encodeURIComponent(s.courseId)}` })
          }
          ariaLabel={`查看培训：${s.course?.title ?? ''}`}
          extra={
            <Tag tone={s.status === 'waitlisted' ? 'warning' : 'success'}>
              {SIGNUP_STATUS_LABELS[s.status]}
              {s.waitlistPosition ? ` 第${s.waitlistPosition}位` : ''}
            </Tag>
          }
        >
          <View className='zj-muted'>
            <Text>{formatDate(s.course?.startAt)}开课</Text>
          </View>
        </Card>
      )}
    />
  )
}
