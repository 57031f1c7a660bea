/** 课程详情: seats left, schedule, place, subsidy explanation; sign up (or join the waitlist) and cancel. */
import { useEffect, useState } from 'react'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { SIGNUP_STATUS_LABELS } from '@shared/training/labels'
import { PageShell } from '@/components/PageShell'
import { PageState } from '@/components/PageState'
import { ZjButton } from '@/components/ZjButton'
import { Tag } from '@/components/Tag'
import { formatDate, formatDateTime } from '@/utils/format'
import { useCourseStore } from '@/stores/training.store'
import '@/modules/training/training.scss'

export default function CourseDetailPage() {
  const id = decodeURIComponent(useRouter().params.id ?? '')
  const { course, status, error, busy, notice, load, signup, cancel } = useCourseStore()
  // the count says every session; the list shows the first ten until 展开全部
  const [allSessions, setAllSessions] = useState(false)

  useEffect(() => {
    if (id) void load(id)
  }, [id, load])
  useShareAppMessage(() => ({
    title: course ? `${course.title}（${course.providerName}）` : '职业技能培训',
    path: `/packages/training/detail/index?id=${encodeURIComponent(id)}`,
  }))

  const c = course && course.id === id ? course : null
  const mine = c?.mySignup ?? null
  const closed = !!c && (c.status === 'cancelled' || Date.parse(c.signupDeadline) < Date.now())

  const confirmCancel = async () => {
    const r = await Taro.showModal({
      title: '取消报名',
      content: '确定取消报名吗？名额将让给候补的学员。',
      confirmText: '确定取消',
      cancelText: '再想想',
    })
    if (r.confirm) await cancel()
  }

  return (
    <PageShell>
      <PageState
        status={id ? (c ? 'ready' : status) : 'error'}
        error={id ? error : { code: 'NOT_FOUND', message: '课程不存在或已下架' }}
        onRetry={() => void load(id)}
      >
        {c && (
          <View data-testid='course-detail'>
            <View className='zj-block'>
              <Text className='zj-tr-title'>{c.title}</Text>
              <View>
                <Tag>{c.levelLabel}</Tag>
                <Tag>{c.modeLabel}</Tag>
                <Tag>{c.certificateLabel}</Tag>
                {c.status === 'cancelled' && <Tag tone='danger'>已取消</Tag>}
              </View>
            </View>
            {notice && (
              <View className='zj-tr-notice' role='status' aria-live='polite'>
                <Text>{notice}</Text>
              </View>
            )}
            <View className='zj-block'>
              <View className='zj-tr-row'>
                <Text className='zj-tr-label'>培训机构</Text>
                <Text>{c.providerName}</Text>
              </View>
              <View className='zj-tr-row'>
                <Text className='zj-tr-label'>开课时间</Text>
                <Text>{formatDateTime(c.startAt)}</Text>
              </View>
              <View className='zj-tr-row'>
                <Text className='zj-tr-label'>结束时间</Text>
                <Text>{formatDate(c.endAt)}</Text>
              </View>
              <View className='zj-tr-row'>
                <Text className='zj-tr-label'>报名截止</Text>
                <Text>{formatDateTime(c.signupDeadline)}</Text>
              </View>
              <View className='zj-tr-row'>
                <Text className='zj-tr-label'>上课地点</Text>
                <Text>{c.mode === 'online' ? '线上课程' : c.address}</Text>
              </View>
              <View className='zj-tr-row'>
                <Text className='zj-tr-label'>名额</Text>
                <Text data-testid='seats-left'>
                  {c.seatsLeft > 0 ? `剩余 ${c.seatsLeft} / ${c.capacity}` : `已满（${c.waitlistCount}人候补）`}
                </Text>
              </View>
              <View className='zj-tr-row'>
                <Text className='zj-tr-label'>培训费用</Text>
                <Text>{c.fee > 0 ? `${c.fee}元` : '免费'}</Text>
              </View>
            </View>
            {c.subsidy && (
              <View className='zj-block' aria-label='补贴说明'>
                <Text className='zj-tr-label'>职业培训补贴</Text>
                <View>
                  <Text>{c.subsidy.text}</Text>
                </View>
                {c.subsidy.reasons.map((r) => (
                  <View key={r.code}>
                    <Text>
                      {r.passed ? '✓ ' : '✗ '}
                      {r.text}
                    </Text>
                  </View>
                ))}
              </View>
            )}
            {c.cancelReason && (
              <View className='zj-block'>
                <Text>课程取消原因：{c.cancelReason}</Text>
              </View>
            )}
            {c.sessions.length > 0 && (
              <View className='zj-block'>
                <Text className='zj-tr-label'>课程安排（共{c.sessions.length}次）</Text>
                {(allSessions ? c.sessions : c.sessions.slice(0, 10)).map((s) => (
                  <View key={s.startAt} className='zj-tr-row'>
                    <Text>{formatDateTime(s.startAt)}</Text>
                    <Text>{s.topic ?? ''}</Text>
                  </View>
                ))}
                {c.sessions.length > 10 && (
                  <ZjButton
                    size='small'
                    ariaLabel={allSessions ? '收起课程安排' : `展开全部${c.sessions.length}次课程安排`}
                    onClick={() => setAllSessions(!allSessions)}
                  >
                    {allSessions ? '收起' : `展开全部${c.sessions.length}次`}
                  </ZjButton>
                )}
              </View>
            )}
            <View className='zj-tr-actions'>
              {mine ? (
                <>
                  <Tag tone={mine.status === 'waitlisted' ? 'warning' : 'success'}>
                    {SIGNUP_STATUS_LABELS[mine.status]}
                    {mine.waitlistPosition ? `（候补第${mine.waitlistPosition}位）` : ''}
                  </Tag>
                  {(mine.status === 'confirmed' || mine.status === 'waitlisted') && (
                    <ZjButton kind='danger' ariaLabel='取消报名' loading={busy} onClick={() => void confirmCancel()}>
                      取消报名
                    </ZjButton>
                  )}
                </>
              ) : (
                <ZjButton
                  kind='primary'
                  block
                  ariaLabel={c.seatsLeft > 0 ? '立即报名' : '加入候补'}
                  disabled={closed}
                  loading={busy}
                  onClick={() => void signup()}
                >
                  {closed
                    ? c.status === 'cancelled'
                      ? '课程已取消'
                      : '报名已截止'
                    : c.seatsLeft > 0
                      ? '立即报名'
                      : '名额已满，加入候补'}
                </ZjButton>
              )}
            </View>
          </View>
        )}
      </PageState>
    </PageShell>
  )
}
