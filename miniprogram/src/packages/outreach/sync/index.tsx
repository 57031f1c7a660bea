/** 同步状态: every visit on this phone, synced / pending / failed with the reason; retry or discard. */
import { useEffect, useMemo } from 'react'
import { Text, View } from '@tarojs/components'
import { VISIT_OUTCOME_LABELS } from '@shared/actions/outreach'
import type { QueuedVisit } from '@shared/outreach/syncQueue'
import { Card } from '@/components/Card'
import { PageShell } from '@/components/PageShell'
import { Tag } from '@/components/Tag'
import { ZjButton } from '@/components/ZjButton'
import { formatDateTime } from '@/utils/format'
import { startOutreachSync, useOutreachStore } from '@/stores/outreach.store'
import { SyncBar } from '@/packages/outreach/components/SyncBar'
import '@/packages/outreach/components/outreach.scss'

const STATE_TEXT: Record<QueuedVisit['state'], string> = { pending: '待同步', synced: '已同步', failed: '同步失败' }
const ORDER: Record<QueuedVisit['state'], number> = { failed: 0, pending: 1, synced: 2 }

export default function OutreachSyncPage() {
  const queue = useOutreachStore((s) => s.queue)
  const items = useOutreachStore((s) => s.items)
  const names = useMemo(() => new Map(items.map((i) => [i.personId, i.name])), [items])
  const retry = useOutreachStore((s) => s.retry)
  const discard = useOutreachStore((s) => s.discard)
  useEffect(() => startOutreachSync(), [])
  const sorted = [...queue].sort((a, b) => ORDER[a.state] - ORDER[b.state] || b.createdAtMs - a.createdAtMs)
  return (
    <PageShell className='outreach'>
      <SyncBar />
      {sorted.length === 0 && <Text className='zj-outreach-note'>本机没有走访记录</Text>}
      {sorted.map((q) => (
        <Card
          key={q.clientId}
          title={names.get(q.visit.personId) ?? '居民'}
          extra={
            <Tag tone={q.state === 'synced' ? 'success' : q.state === 'failed' ? 'danger' : 'warning'}>
              {STATE_TEXT[q.state]}
            </Tag>
          }
        >
          <View className='zj-outreach-item__meta' data-testid={`queued-${q.state}`}>
            <Text>{`${formatDateTime(q.visit.visitedAt)} ${VISIT_OUTCOME_LABELS[q.visit.outcome]}`}</Text>
            {q.serverStatus === 'duplicate' && <Text>（服务器已有此记录）</Text>}
            {q.error && q.state !== 'synced' && <Text className='zj-sync-bar__why'>{q.error.message}</Text>}
          </View>
          {q.state === 'failed' && (
            <View className='zj-outreach-item__actions'>
              <ZjButton size='small' ariaLabel='重新提交这条走访' onClick={() => void retry(q.clientId)}>
                重新提交
              </ZjButton>
              <ZjButton size='small' kind='danger' ariaLabel='放弃这条走访' onClick={() => void discard(q.clientId)}>
                放弃
              </ZjButton>
            </View>
          )}
        </Card>
      ))}
    </PageShell>
  )
}
