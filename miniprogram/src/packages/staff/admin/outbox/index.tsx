/** 消息发送: the outbox by state with counts, re-queue dead letters (one or all), and one dispatcher pass now. */
import { useEffect, useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { OutboxState } from '@shared/actions/notify'
import { PageShell } from '@/components/PageShell'
import { PageState } from '@/components/PageState'
import { ListFooter } from '@/components/ListFooter'
import { ZjButton } from '@/components/ZjButton'
import { Tag } from '@/components/Tag'
import { formatDateTime } from '@/utils/format'
import { useOutboxList } from '@/stores/outbox.store'
import { useAdminActions, useWorkbenchStore } from '@/stores/workbench.store'
import { Chip } from '@/components/Chip'
import { Notice, type NoticeValue } from '@/packages/staff/admin/ui'
import '@/packages/staff/admin/admin.scss'

const STATE_LABELS: Record<OutboxState, string> = {
  pending: '待发送',
  claimed: '已领取',
  sending: '发送中',
  sent: '已发送',
  skipped: '已跳过',
  dead: '死信',
  uncertain: '结果不明',
}
const ORDER: OutboxState[] = ['dead', 'uncertain', 'pending', 'sending', 'claimed', 'skipped', 'sent']
const REQUEUEABLE: OutboxState[] = ['dead', 'uncertain', 'skipped']

export default function AdminOutboxPage() {
  const { items, status, error, nextCursor, loadingMore, refresh, loadMore, filter: state, show } = useOutboxList()
  const { counts, status: countsStatus, loadCounts } = useWorkbenchStore()
  const { busy, requeue, dispatch } = useAdminActions()
  const [notice, setNotice] = useState<NoticeValue | null>(null)

  useEffect(() => {
    void show(useOutboxList.getState().filter)
    void loadCounts()
  }, [show, loadCounts])
  usePullDownRefresh(() => void Promise.all([refresh(), loadCounts()]).finally(() => Taro.stopPullDownRefresh()))
  useReachBottom(() => void loadMore())

  const pick = (s: OutboxState | undefined) => {
    void show(s)
  }
  const requeueOne = async (key: string) => {
    const res = await requeue({ keys: [key] })
    setNotice(
      res.ok ? { text: `已重新排队 ${res.data.requeued} 条`, error: false } : { text: res.error.message, error: true },
    )
  }
  const requeueAll = async () => {
    if (!state || !REQUEUEABLE.includes(state))
      return setNotice({ text: '请先选择「死信」「结果不明」或「已跳过」', error: true })
    if (state === 'uncertain') {
      const c = await Taro.showModal({
        title: '重新发送',
        content: '结果不明的消息可能已送达，重新发送后居民可能收到两次。确定吗？',
        confirmText: '确定',
        cancelText: '取消',
      })
      if (!c.confirm) return
    }
    const res = await requeue({ state: state as 'dead' | 'uncertain' | 'skipped' })
    setNotice(
      res.ok ? { text: `已重新排队 ${res.data.requeued} 条`, error: false } : { text: res.error.message, error: true },
    )
  }
  const runNow = async () => {
    const res = await dispatch()
    setNotice(
      res.ok
        ? {
            text: `本轮发送：成功 ${res.data.sent} 条，跳过 ${res.data.skipped} 条，失败 ${res.data.dead} 条，稍后重试 ${res.data.retried} 条`,
            error: false,
          }
        : { text: res.error.message, error: true },
    )
  }

  return (
    <PageShell>
      <View className='zj-adm' data-testid='admin-outbox'>
        <Notice notice={notice} />
        <View className='zj-adm__block'>
          <Text className='zj-adm__title'>发件箱概况</Text>
          {counts ? (
            <View className='zj-adm__stats' data-testid='outbox-stats'>
              {ORDER.map((s) => (
                <Tag key={s} tone={s === 'dead' && counts[s] > 0 ? 'danger' : s === 'sent' ? 'success' : 'default'}>
                  {STATE_LABELS[s]} {counts[s] ?? 0}
                </Tag>
              ))}
            </View>
          ) : (
            <Text className='zj-adm__muted'>{countsStatus === 'ready' ? '统计暂不可用' : '统计加载中…'}</Text>
          )}
          <View className='zj-adm__actions'>
            <ZjButton
              kind='primary'
              ariaLabel='立即发送一轮待发消息'
              loading={busy || undefined}
              onClick={() => void runNow()}
            >
              立即发送
            </ZjButton>
            {state && REQUEUEABLE.includes(state) && (
              <ZjButton
                ariaLabel={`把全部${STATE_LABELS[state]}重新排队`}
                loading={busy || undefined}
                onClick={() => void requeueAll()}
              >
                全部重新排队
              </ZjButton>
            )}
          </View>
        </View>
        <View className='zj-adm__chips' role='radiogroup' aria-label='按状态筛选'>
          {ORDER.map((s) => (
            <Chip key={s} mark label={STATE_LABELS[s]} on={state === s} onTap={() => pick(s)} testId={`outbox-${s}`} />
          ))}
          <Chip mark label='全部' on={state === undefined} onTap={() => pick(undefined)} testId='outbox-all' />
        </View>
        <PageState
          status={status}
          error={error}
          empty={items.length === 0}
          emptyText='该状态下没有消息'
          onRetry={() => void refresh()}
        >
          <View data-testid='outbox-list'>
            {items.map((m) => (
              <View key={m.key} className='zj-adm__block' data-testid='outbox-item'>
                <View>
                  <Text className='zj-adm__title'>{m.title}</Text>
                  <Tag tone={m.state === 'dead' ? 'danger' : m.state === 'sent' ? 'success' : 'default'}>
                    {STATE_LABELS[m.state]}
                  </Tag>
                </View>
                <Text className='zj-adm__row zj-adm__muted'>
                  {formatDateTime(m.createdAt)} · {m.template} · 尝试 {m.attempts} 次
                </Text>
                {m.openid && <Text className='zj-adm__row'>接收人：{m.openid}</Text>}
                {m.reason && <Text className='zj-adm__row'>原因：{m.reason}</Text>}
                {m.lastError && (
                  <Text className='zj-adm__row zj-adm__muted'>
                    最近错误：{m.lastError.errcode} {m.lastError.message}
                  </Text>
                )}
                {REQUEUEABLE.includes(m.state) && (
                  <View className='zj-adm__actions'>
                    <ZjButton
                      size='small'
                      ariaLabel={`重新排队：${m.title}`}
                      loading={busy || undefined}
                      onClick={() => void requeueOne(m.key)}
                    >
                      重新排队
                    </ZjButton>
                  </View>
                )}
              </View>
            ))}
          </View>
          <ListFooter loading={loadingMore} hasMore={!!nextCursor} count={items.length} />
        </PageState>
      </View>
    </PageShell>
  )
}
