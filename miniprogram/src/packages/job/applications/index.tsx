/**
 * 我的投递: status and its history, the "were you hired?" follow-up once it is due, and 同意招聘方/经办人员联系我
 * (given or withdrawn per application: only while it is given may staff see the full phone number).
 */
import { useEffect } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Switch, Text, View } from '@tarojs/components'
import type { ApplicationStatus } from '@shared/job/types'
import { PageShell } from '@/components/PageShell'
import { PageState } from '@/components/PageState'
import { ListFooter } from '@/components/ListFooter'
import { Card } from '@/components/Card'
import { Tag, type TagTone } from '@/components/Tag'
import { ZjButton } from '@/components/ZjButton'
import { answerFollowUp, changeContactConsent, useConsentSavingStore, useMyApplicationsStore } from '@/stores/job.store'
import '@/modules/job/job.scss'

const TONE: Record<ApplicationStatus, TagTone> = {
  submitted: 'default',
  viewed: 'primary',
  interview: 'warning',
  rejected: 'danger',
  hired: 'success',
}

export default function MyApplicationsPage() {
  const { items, status, error, nextCursor, loadingMore, refresh, loadMore } = useMyApplicationsStore()
  useEffect(() => {
    void refresh()
  }, [refresh])
  usePullDownRefresh(() => void refresh().finally(() => Taro.stopPullDownRefresh()))
  useReachBottom(() => void loadMore())

  const savingId = useConsentSavingStore((s) => s.savingId)
  const consent = async (id: string, on: boolean) => {
    if (savingId) return
    const r = await changeContactConsent(id, on)
    void Taro.showToast({
      title: r.ok ? (on ? '已同意，工作人员可以电话联系您' : '已撤回，工作人员只能看到隐去的号码') : r.error.message,
      icon: 'none',
      duration: 2500,
    })
  }

  const answer = async (id: string, hired: boolean) => {
    const r = await answerFollowUp(id, hired)
    void Taro.showToast({
      title: r.ok ? (hired ? '恭喜找到工作！' : '已记录，继续为您推荐岗位') : r.error.message,
      icon: 'none',
    })
  }

  return (
    <PageShell>
      <PageState
        status={status}
        error={error}
        empty={items.length === 0}
        emptyText='还没有投递过岗位，去“找工作”看看吧'
        onRetry={() => void refresh()}
      >
        <View data-testid='my-applications'>
          {items.map((a) => (
            <Card
              key={a.id}
              title={a.job.title}
              extra={<Tag tone={TONE[a.status]}>{a.statusLabel}</Tag>}
              onClick={() =>
                void Taro.navigateTo({ url: `/packages/job/index/index?id=${encodeURIComponent(a.jobId)}` })
              }
              ariaLabel={`${a.job.title}，状态：${a.statusLabel}`}
            >
              <View className='zj-muted'>
                <Text>
                  {a.job.employerName} · {a.job.salaryText}
                </Text>
              </View>
              <View className='zj-muted'>
                <Text>
                  {a.history
                    .map(
                      (h) => `${h.statusLabel} ${h.at.slice(5, 16).replace('T', ' ')}${h.note ? `（${h.note}）` : ''}`,
                    )
                    .join(' → ')}
                </Text>
              </View>
              {/* the whole row toggles; a tap here does not open the posting */}
              <View
                className='zj-job-consent__row'
                data-testid='application-contact-consent'
                onClick={(e) => {
                  e.stopPropagation()
                  void consent(a.id, !a.contactConsent)
                }}
              >
                <Text className='zj-job-consent__label'>
                  同意招聘方/经办人员联系我{savingId === a.id ? '（保存中…）' : ''}
                </Text>
                <View onClick={(e) => e.stopPropagation()}>
                  <Switch
                    checked={a.contactConsent}
                    disabled={savingId === a.id}
                    color='#1a5fd0'
                    aria-label={`同意招聘方/经办人员联系我：${a.job.title}`}
                    onChange={(e) => void consent(a.id, !!e.detail.value)}
                  />
                </View>
              </View>
              {a.followUp.asked && (
                <View>
                  <Text className='zj-job-explain'>{a.followUp.question}</Text>
                  <ZjButton
                    size='small'
                    kind='primary'
                    ariaLabel='是，找到工作了'
                    onClick={() => void answer(a.id, true)}
                  >
                    是，找到了
                  </ZjButton>
                  <ZjButton size='small' ariaLabel='还没有找到工作' onClick={() => void answer(a.id, false)}>
                    还没有
                  </ZjButton>
                </View>
              )}
              {a.followUp.outcome && (
                <Text className='zj-job-explain'>
                  回访：{a.followUp.outcome === 'hired' ? '已通过这次投递找到工作' : '这次投递没有找到工作'}
                </Text>
              )}
            </Card>
          ))}
        </View>
        <ListFooter loading={loadingMore} hasMore={!!nextCursor} count={items.length} />
      </PageState>
    </PageShell>
  )
}
