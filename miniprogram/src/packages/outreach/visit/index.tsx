/** 记录走访 as its own page (deep link from a reminder or the person page): the same offline form. */
import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { readCachedPerson } from '@shared/outreach/listCache'
import type { OutreachListItem } from '@shared/outreach/types'
import { PageShell } from '@/components/PageShell'
import { taroStorage } from '@/services/outreach.service'
import { startOutreachSync, useOutreachStore } from '@/stores/outreach.store'
import { SyncBar } from '@/packages/outreach/components/SyncBar'
import { VisitForm } from '@/packages/outreach/components/VisitForm'
import '@/packages/outreach/components/outreach.scss'

export default function OutreachVisitPage() {
  const personId = useRouter().params.personId ?? ''
  const fromStore = useOutreachStore((s) => s.items.find((i) => i.personId === personId))
  const [cached, setCached] = useState<OutreachListItem | null>(null)
  useEffect(() => {
    startOutreachSync()
    if (!fromStore) void Promise.resolve(readCachedPerson(taroStorage, personId)).then(setCached)
  }, [fromStore, personId])
  const p = fromStore ?? cached
  return (
    <PageShell className='outreach'>
      <SyncBar />
      {p ? (
        <VisitForm
          personId={p.personId}
          personName={p.name}
          taskIds={p.taskIds}
          onDone={() => void Taro.navigateBack()}
        />
      ) : (
        <Text className='zj-outreach-note'>名单中没有这位居民，请返回名单刷新</Text>
      )}
    </PageShell>
  )
}
