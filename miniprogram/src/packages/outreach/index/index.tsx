/**
 * 走访名单: the grid worker's list (cached for offline use), visits recorded in place, sync state on top. The
 * list (up to 500 persons) renders only the cards near the viewport (hooks/useVisibleWindow).
 */
import { useEffect, useMemo, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PageShell } from '@/components/PageShell'
import { PageState } from '@/components/PageState'
import { useVisibleWindow } from '@/hooks/useVisibleWindow'
import { formatDateTime } from '@/utils/format'
import { startOutreachSync, useOutreachStore } from '@/stores/outreach.store'
import { useUiStore } from '@/stores/ui.store'
import { OUTREACH_CARD_HEIGHT, OutreachItemCard } from '@/packages/outreach/components/OutreachItemCard'
import { SyncBar } from '@/packages/outreach/components/SyncBar'
import { VisitForm } from '@/packages/outreach/components/VisitForm'
import '@/packages/outreach/components/outreach.scss'

export default function OutreachListPage() {
  const status = useOutreachStore((s) => s.status)
  const error = useOutreachStore((s) => s.error)
  const items = useOutreachStore((s) => s.items)
  const fromCache = useOutreachStore((s) => s.fromCache)
  const fetchedAtMs = useOutreachStore((s) => s.fetchedAtMs)
  const queue = useOutreachStore((s) => s.queue)
  const loadList = useOutreachStore((s) => s.loadList)
  const largeFont = useUiStore((s) => s.largeFont)
  const [formFor, setFormFor] = useState<string | null>(null)
  // the visit form opens above the list: go up to it, and afterwards back to where the worker was in the list
  const [returnTo, setReturnTo] = useState(0)

  useEffect(() => {
    startOutreachSync()
    void loadList()
  }, [loadList])
  usePullDownRefresh(() => {
    void loadList().finally(() => Taro.stopPullDownRefresh())
  })

  const pendingByPerson = useMemo(() => {
    const m = new Map<string, number>()
    for (const q of queue) if (q.state !== 'synced') m.set(q.visit.personId, (m.get(q.visit.personId) ?? 0) + 1)
    return m
  }, [queue])
  const editing = formFor ? items.find((i) => i.personId === formFor) : undefined
  // above the list: the sync bar and the 网格概况 row (about 120 px; the window's margin absorbs the rest)
  const win = useVisibleWindow(items.length, largeFont ? OUTREACH_CARD_HEIGHT.elder : OUTREACH_CARD_HEIGHT.normal, 120)

  const openForm = (personId: string) => {
    setReturnTo(win.scrollTop())
    setFormFor(personId)
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
  }
  const closeForm = () => {
    setFormFor(null)
    void Taro.pageScrollTo({ scrollTop: returnTo, duration: 0 })
  }

  return (
    <PageShell className='outreach'>
      <SyncBar />
      <View
        className='zj-link-row'
        onClick={() => void Taro.navigateTo({ url: '/packages/outreach/grid/index' })}
        role='link'
        aria-label='查看网格概况'
      >
        <Text>网格概况：覆盖率、逾期、本月走访</Text>
        <Text className='zj-link-row__arrow'>›</Text>
      </View>
      {fromCache && fetchedAtMs && (
        <Text className='zj-outreach-note' data-testid='outreach-cached'>
          {`离线名单（${formatDateTime(new Date(fetchedAtMs).toISOString())}更新），联网后自动刷新`}
        </Text>
      )}
      {editing && (
        <VisitForm
          personId={editing.personId}
          personName={editing.name}
          taskIds={editing.taskIds}
          onDone={closeForm}
          onCancel={closeForm}
        />
      )}
      <PageState
        status={status}
        error={error}
        empty={items.length === 0}
        emptyText='名单里暂时没有需要走访的居民'
        onRetry={() => void loadList()}
      >
        <View data-testid='outreach-list'>
          <View style={{ height: `${win.before}px` }} />
          {items.slice(win.first, win.last).map((item) => (
            <OutreachItemCard
              key={item.personId}
              item={item}
              pendingVisits={pendingByPerson.get(item.personId) ?? 0}
              onRecord={() => openForm(item.personId)}
              onOpen={() =>
                void Taro.navigateTo({
                  url: `/packages/outreach/person/index?personId=${encodeURIComponent(item.personId)}`,
                })
              }
            />
          ))}
          <View style={{ height: `${win.after}px` }} />
        </View>
      </PageState>
    </PageShell>
  )
}
