/** Staff: the review queues (待受理 / 我的 / 即将到期 / 已超期 / 已办结), bulk decisions with one reason, CSV export. */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import {
  QUEUE_VIEW_LABELS,
  QUEUE_VIEWS,
  type QueueView,
  REFUSAL_REASON_LABELS,
  REFUSAL_REASONS,
  type RefusalReason,
} from '@shared/application/status'
import { PageShell } from '../../../components/PageShell'
import { PageState } from '../../../components/PageState'
import { ListFooter } from '../../../components/ListFooter'
import { ZjButton } from '../../../components/ZjButton'
import { CaseCard } from '../../../modules/application/ApplicationParts'
import { bulkDecide, exportQueue } from '../../../services/application.service'
import { setQueueView, useReviewQueue } from '../../../stores/application.store'
import { usePagedList } from '@/hooks/usePagedList'
import '../../../modules/application/application.scss'

export default function ReviewQueuePage() {
  const [view, setView] = useState<QueueView>('unassigned')
  const list = usePagedList(useReviewQueue, { refreshOnShow: true, deps: [view] })
  const [picked, setPicked] = useState<string[]>([])
  const [reasonCode, setReasonCode] = useState<RefusalReason>('notEligible')
  const [note, setNote] = useState('')
  const [msg, setMsg] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const choose = (v: QueueView) => {
    setQueueView(v)
    setPicked([])
    setView(v)
  }
  const toggle = (id: string) => setPicked(picked.includes(id) ? picked.filter((x) => x !== id) : [...picked, id])
  const bulk = async (decision: 'approve' | 'refuse') => {
    setMsg(null)
    if (note.trim().length < 2) return setMsg('请填写统一的审核说明')
    setBusy(true)
    const r = await bulkDecide(picked, decision, note.trim(), decision === 'refuse' ? reasonCode : undefined)
    setBusy(false)
    if (!r.ok) return setMsg(r.error.message)
    setMsg(
      `已处理${r.data.done}件${
        r.data.failed
          ? `，${r.data.failed}件未处理（${r.data.results
              .filter((x) => x.status === 'failed')
              .map((x) => x.message)
              .join('；')}）`
          : ''
      }`,
    )
    setPicked([])
    void list.refresh()
  }
  const doExport = async () => {
    setMsg(null)
    const r = await exportQueue(view)
    setMsg(r.ok ? `已导出${r.data.rows}条（CSV 文件：${r.data.fileID}）` : r.error.message)
  }

  return (
    <PageShell className='zj-app-page'>
      <View className='zj-app-tabs'>
        {QUEUE_VIEWS.map((v) => (
          <ZjButton
            key={v}
            ariaLabel={QUEUE_VIEW_LABELS[v]}
            size='small'
            kind={v === view ? 'primary' : 'default'}
            onClick={() => choose(v)}
          >
            {QUEUE_VIEW_LABELS[v]}
          </ZjButton>
        ))}
        <ZjButton ariaLabel='导出当前队列' size='small' onClick={() => void doExport()}>
          导出CSV
        </ZjButton>
      </View>
      {picked.length > 0 && (
        <View className='zj-app-block' data-testid='application-bulk'>
          <Text className='zj-app-title'>批量处理（已选{picked.length}件）</Text>
          <Input
            className='zj-app-input'
            value={note}
            onInput={(e) => setNote(e.detail.value)}
            placeholder='统一审核说明（居民可见）'
            aria-label='审核说明'
          />
          <View className='zj-app-options'>
            {REFUSAL_REASONS.map((r) => (
              <Text
                key={r}
                className={`zj-app-option ${r === reasonCode ? 'zj-app-option--on' : ''}`}
                onClick={() => setReasonCode(r)}
              >
                {REFUSAL_REASON_LABELS[r]}
              </Text>
            ))}
          </View>
          <View className='zj-app-actions'>
            <ZjButton
              ariaLabel='批量通过'
              kind='primary'
              size='small'
              loading={busy}
              onClick={() => void bulk('approve')}
            >
              批量通过
            </ZjButton>
            <ZjButton
              ariaLabel='批量不通过'
              kind='danger'
              size='small'
              loading={busy}
              onClick={() => void bulk('refuse')}
            >
              批量不通过
            </ZjButton>
          </View>
        </View>
      )}
      {msg && (
        <Text className='zj-app-hint' data-testid='application-queue-msg'>
          {msg}
        </Text>
      )}
      <PageState
        status={list.status}
        error={list.error}
        empty={list.items.length === 0}
        emptyText='该队列暂无案件'
        onRetry={() => void list.refresh()}
      >
        {list.items.map((a) => (
          <View key={a.applicationId}>
            <CaseCard
              item={a}
              onOpen={() => void Taro.navigateTo({ url: `/packages/application/review/index?id=${a.applicationId}` })}
            />
            {view !== 'done' && (
              <Text
                className={`zj-app-option ${picked.includes(a.applicationId) ? 'zj-app-option--on' : ''}`}
                onClick={() => toggle(a.applicationId)}
                aria-label='选择此案件'
              >
                {picked.includes(a.applicationId) ? '已选择' : '选择'}
              </Text>
            )}
          </View>
        ))}
        <ListFooter loading={list.loadingMore} hasMore={!!list.nextCursor} count={list.items.length} />
      </PageState>
    </PageShell>
  )
}
