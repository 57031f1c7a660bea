/** 居民详情: why this person is on the list, the call (audited reveal), visits waiting to sync, the visit form. */
import { useEffect, useMemo, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { EMPLOYMENT_STATUS_LABELS, KEY_GROUP_LABELS } from '@shared/domain/person'
import { VISIT_OUTCOME_LABELS } from '@shared/actions/outreach'
import { readCachedPerson } from '@shared/outreach/listCache'
import type { OutreachListItem } from '@shared/outreach/types'
import { Card } from '@/components/Card'
import { PageShell } from '@/components/PageShell'
import { Tag } from '@/components/Tag'
import { ZjButton } from '@/components/ZjButton'
import { formatDate, formatDateTime } from '@/utils/format'
import { taroStorage } from '@/services/outreach.service'
import { startOutreachSync, useOutreachStore } from '@/stores/outreach.store'
import { VisitForm } from '@/packages/outreach/components/VisitForm'
import '@/packages/outreach/components/outreach.scss'

export default function OutreachPersonPage() {
  const personId = useRouter().params.personId ?? ''
  const fromStore = useOutreachStore((s) => s.items.find((i) => i.personId === personId))
  const revealed = useOutreachStore((s) => s.revealed[personId])
  const reveal = useOutreachStore((s) => s.reveal)
  const allQueued = useOutreachStore((s) => s.queue)
  const queue = useMemo(() => allQueued.filter((q) => q.visit.personId === personId), [allQueued, personId])
  const [cached, setCached] = useState<OutreachListItem | null>(null)
  // After a visit syncs the list reloads without this person (visited, no longer due): keep showing them.
  const [lastSeen, setLastSeen] = useState<OutreachListItem | null>(null)
  const [showForm, setShowForm] = useState(false)
  const [revealError, setRevealError] = useState<string | null>(null)

  useEffect(() => {
    startOutreachSync()
    if (fromStore) setLastSeen(fromStore)
    else if (!lastSeen)
      void Promise.resolve(readCachedPerson(taroStorage, personId)).then((c) => {
        if (c) setCached(c)
      })
  }, [fromStore, personId, lastSeen])

  const p = fromStore ?? lastSeen ?? cached
  if (!p) {
    return (
      <PageShell>
        <Text className='zj-outreach-note'>名单中没有这位居民，请返回名单刷新</Text>
      </PageShell>
    )
  }

  const onReveal = async () => {
    setRevealError(null)
    const r = await reveal(p.personId)
    if (!r.ok) setRevealError(r.error.message)
  }

  return (
    <PageShell className='outreach'>
      <Card title={p.name} extra={<Tag tone='primary'>{p.stageText}</Tag>}>
        <View className='zj-outreach-item__meta'>
          <Text>{p.sex === 'male' ? '男' : p.sex === 'female' ? '女' : ''}</Text>
          {p.age !== null && <Text>{`${p.age}岁`}</Text>}
          <Text>{EMPLOYMENT_STATUS_LABELS[p.employmentStatus]}</Text>
          <Text>{`身份证 ${p.idNumber}`}</Text>
        </View>
        <View className='zj-outreach-item__meta'>
          {p.keyGroups.map((g) => (
            <Tag key={g}>{KEY_GROUP_LABELS[g]}</Tag>
          ))}
        </View>
        <Text className='zj-outreach-item__reasons'>{`${formatDate(p.dueAt)}前走访`}</Text>
        {p.reasons.map((r, i) => (
          <Text key={i} className='zj-outreach-item__reasons'>{`· ${r.text}`}</Text>
        ))}
        {p.lastVisit && (
          <Text className='zj-outreach-item__reasons'>{`上次走访：${formatDateTime(p.lastVisit.visitedAt)} ${VISIT_OUTCOME_LABELS[p.lastVisit.outcome]}（网格员记录）`}</Text>
        )}
      </Card>

      <Card title='联系电话'>
        <View className='zj-outreach-item__meta'>
          <Text data-testid='person-phone'>{revealed ?? p.phone}</Text>
        </View>
        <Text className='zj-outreach-item__reasons'>查看完整号码会记入审计日志，仅用于本次联系</Text>
        {revealError && (
          <View className='zj-visit-form__error' role='alert'>
            <Text>{revealError}</Text>
          </View>
        )}
        <View className='zj-outreach-item__actions'>
          {revealed ? (
            <ZjButton
              kind='primary'
              size='small'
              ariaLabel={`拨打${p.name}的电话`}
              onClick={() => void Taro.makePhoneCall({ phoneNumber: revealed })}
            >
              拨打电话
            </ZjButton>
          ) : (
            <ZjButton size='small' ariaLabel='查看完整号码' onClick={() => void onReveal()}>
              查看完整号码
            </ZjButton>
          )}
        </View>
      </Card>

      {queue.length > 0 && (
        <Card title='本机走访记录'>
          {queue.map((q) => (
            <View key={q.clientId} className='zj-outreach-item__meta'>
              <Text>{`${formatDateTime(q.visit.visitedAt)} ${VISIT_OUTCOME_LABELS[q.visit.outcome]}`}</Text>
              <Tag tone={q.state === 'synced' ? 'success' : q.state === 'failed' ? 'danger' : 'warning'}>
                {q.state === 'synced' ? '已同步' : q.state === 'failed' ? '同步失败' : '待同步'}
              </Tag>
              {q.error && q.state !== 'synced' && <Text>{q.error.message}</Text>}
            </View>
          ))}
        </Card>
      )}

      {showForm ? (
        <VisitForm
          personId={p.personId}
          personName={p.name}
          taskIds={p.taskIds}
          onDone={() => setShowForm(false)}
          onCancel={() => setShowForm(false)}
        />
      ) : (
        <View className='zj-outreach-item__actions' style={{ margin: '16px' }}>
          <ZjButton kind='primary' block ariaLabel={`记录对${p.name}的走访`} onClick={() => setShowForm(true)}>
            记录走访
          </ZjButton>
        </View>
      )}
    </PageShell>
  )
}
