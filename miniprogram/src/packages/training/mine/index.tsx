/** 我的报名: every signup with its status and waitlist position. */
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { SIGNUP_STATUS_LABELS } from '@shared/training/labels'
import { PageShell } from '@/components/PageShell'
import { PageState } from '@/components/PageState'
import { ListFooter } from '@/components/ListFooter'
import { Card } from '@/components/Card'
import { Tag } from '@/components/Tag'
import { formatDate } from '@/utils/format'
import { useMySignupsStore } from '@/stores/training.store'
import { usePagedList } from '@/hooks/usePagedList'

export default function MySignupsPage() {
  const { items, status, error, nextCursor, loadingMore, refresh } = usePagedList(useMySignupsStore, {
    refreshOnShow: true,
  })

  return (
    <PageShell>
      <PageState
        status={status}
        error={error}
        empty={items.length === 0}
        emptyText='还没有报名培训'
        onRetry={() => void refresh()}
      >
        <View data-testid='my-signups'>
          {items.map((s) => (
            <Card
              key={s.signupId}
              title={s.course?.title ?? '课程已下架'}
              onClick={() =>
                void Taro.navigateTo({ url: `/packages/training/detail/index?id=${encodeURIComponent(s.courseId)}` })
              }
              ariaLabel={`查看课程：${s.course?.title ?? ''}，${SIGNUP_STATUS_LABELS[s.status]}`}
              extra={
                <Tag tone={s.status === 'waitlisted' ? 'warning' : s.status === 'cancelled' ? 'default' : 'success'}>
                  {SIGNUP_STATUS_LABELS[s.status]}
                </Tag>
              }
            >
              {s.waitlistPosition && (
                <View>
                  <Text>候补第 {s.waitlistPosition} 位，有空位时会自动为你报名并通知你</Text>
                </View>
              )}
              {s.course && (
                <View className='zj-muted'>
                  <Text>
                    {formatDate(s.course.startAt)}开课 · {s.course.providerName}
                  </Text>
                </View>
              )}
            </Card>
          ))}
        </View>
        <ListFooter loading={loadingMore} hasMore={!!nextCursor} count={items.length} />
      </PageState>
    </PageShell>
  )
}
