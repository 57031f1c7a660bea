/** 数据申请: residents' correction and deletion requests; complete one (done / rejected) with a note the resident reads. */
import { useEffect, useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PageShell } from '@/components/PageShell'
import { PageState } from '@/components/PageState'
import { ListFooter } from '@/components/ListFooter'
import { ZjButton } from '@/components/ZjButton'
import { Tag } from '@/components/Tag'
import { formatDateTime } from '@/utils/format'
import { useDataRequestList, type RequestStateFilter } from '@/stores/dataRequests.store'
import { useAdminActions } from '@/stores/workbench.store'
import type { AdminPrivacyRequest } from '@/services/admin.service'
import { Chip } from '@/components/Chip'
import { Field, Notice, type NoticeValue } from '@/packages/staff/admin/ui'
import '@/packages/staff/admin/admin.scss'

const FILTERS: { state: RequestStateFilter; label: string }[] = [
  { state: 'pending', label: '待办理' },
  { state: 'done', label: '已办结' },
  { state: 'rejected', label: '已驳回' },
  { state: undefined, label: '全部' },
]

function RequestCard({ r, onNotice }: { r: AdminPrivacyRequest; onNotice: (n: NoticeValue) => void }) {
  const { busy, completeRequest } = useAdminActions()
  const [note, setNote] = useState('')
  const complete = async (outcome: 'done' | 'rejected') => {
    if (r.kind === 'deletion' && outcome === 'done') {
      const c = await Taro.showModal({
        title: '执行注销',
        content:
          '将删除该居民的收藏、消息和订阅授权，去除其余记录中的身份信息，解除实名绑定并限制账号。此操作不可撤销，确定执行吗？',
        confirmText: '确定执行',
        cancelText: '取消',
      })
      if (!c.confirm) return
    }
    const res = await completeRequest(r.id, outcome, note)
    onNotice(
      res.ok
        ? {
            text:
              outcome === 'done'
                ? `已办结：${r.kindLabel}（${r.requester}），已通知本人`
                : `已驳回：${r.kindLabel}（${r.requester}），已通知本人`,
            error: false,
          }
        : { text: res.error.message, error: true },
    )
    if (res.ok) setNote('')
  }
  const tone = r.state === 'done' ? 'success' : r.state === 'rejected' ? 'danger' : 'warning'
  return (
    <View className='zj-adm__block' data-testid='request-item' data-request-id={r.id}>
      <View>
        <Text className='zj-adm__title'>
          {r.kindLabel}
          {r.field ? `：${r.field}` : ''}
        </Text>
        <Tag tone={tone}>{r.stateLabel}</Tag>
      </View>
      <Text className='zj-adm__row zj-adm__muted'>
        {r.requester} · {formatDateTime(r.createdAt)}提交
        {r.completedAt ? ` · ${formatDateTime(r.completedAt)}办结` : ''}
      </Text>
      {r.kind === 'correction' && (
        <Text className='zj-adm__row' data-testid='request-correct-value'>
          申请更正为：{r.correctValue ?? '（未填写）'}
        </Text>
      )}
      {r.reason && <Text className='zj-adm__row'>理由：{r.reason}</Text>}
      {r.note && <Text className='zj-adm__row'>办理说明：{r.note}</Text>}
      {r.state === 'pending' && (
        <View>
          <Field
            label='办理说明（2–500字，会告知本人）'
            value={note}
            onChange={setNote}
            placeholder='如：已核实，学历已更正为本科'
            testId={`request-note-${r.id}`}
            multiline
            maxlength={500}
          />
          <View className='zj-adm__actions'>
            <ZjButton
              kind='primary'
              ariaLabel={`办结${r.kindLabel}`}
              loading={busy || undefined}
              onClick={() => void complete('done')}
            >
              {r.kind === 'deletion' ? '执行注销并办结' : '已更正，办结'}
            </ZjButton>
            <ZjButton
              kind='danger'
              ariaLabel={`驳回${r.kindLabel}`}
              loading={busy || undefined}
              onClick={() => void complete('rejected')}
            >
              驳回
            </ZjButton>
          </View>
        </View>
      )}
    </View>
  )
}

export default function AdminRequestsPage() {
  const { items, status, error, nextCursor, loadingMore, refresh, loadMore, filter: state, show } = useDataRequestList()
  const [notice, setNotice] = useState<NoticeValue | null>(null)

  useEffect(() => {
    void show(useDataRequestList.getState().filter)
  }, [show])
  usePullDownRefresh(() => void refresh().finally(() => Taro.stopPullDownRefresh()))
  useReachBottom(() => void loadMore())
  const pick = (s: RequestStateFilter) => {
    void show(s)
  }

  return (
    <PageShell>
      <View className='zj-adm' data-testid='admin-requests'>
        <Notice notice={notice} />
        <View className='zj-adm__chips' role='radiogroup' aria-label='按办理状态筛选'>
          {FILTERS.map((f) => (
            <Chip
              key={f.label}
              mark
              label={f.label}
              on={state === f.state}
              onTap={() => pick(f.state)}
              testId={`requests-${f.state ?? 'all'}`}
            />
          ))}
        </View>
        <PageState
          status={status}
          error={error}
          empty={items.length === 0}
          emptyText='暂无申请'
          onRetry={() => void refresh()}
        >
          <View data-testid='requests-list'>
            {items.map((r) => (
              <RequestCard key={r.id} r={r} onNotice={setNotice} />
            ))}
          </View>
          <ListFooter loading={loadingMore} hasMore={!!nextCursor} count={items.length} />
        </PageState>
      </View>
    </PageShell>
  )
}
