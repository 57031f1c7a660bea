/**
 * Home-page section「网格走访」for grid workers: the most urgent persons, overdue count and visits waiting to
 * sync. Lives in the main package, so it uses the service and a storage peek only (the queue, its schema and the
 * store stay in the outreach subpackage).
 */
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ErrorBody } from '@shared/errors'
import { summarizeStoredQueue, VISIT_QUEUE_KEY } from '@shared/outreach/queueSummary'
import type { GridStats, OutreachListItem } from '@shared/outreach/types'
import { Section } from '@/components/Section'
import { PageState } from '@/components/PageState'
import { Tag } from '@/components/Tag'
import { fetchGridStats, fetchMyList, taroStorage } from '@/services/outreach.service'

export function OutreachHomeSection({ refreshKey }: { refreshKey: number }) {
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>('loading')
  const [error, setError] = useState<ErrorBody | null>(null)
  const [top, setTop] = useState<OutreachListItem[]>([])
  const [more, setMore] = useState(false)
  const [stats, setStats] = useState<GridStats | null>(null)
  const [attempt, setAttempt] = useState(0)
  const queued = summarizeStoredQueue(taroStorage.getItem(VISIT_QUEUE_KEY) as string | null)

  useEffect(() => {
    let live = true
    void Promise.all([fetchMyList({ pageSize: 3 }), fetchGridStats()]).then(([list, s]) => {
      if (!live) return
      if (!list.ok) {
        setError(list.error)
        setStatus('error')
        return
      }
      setTop(list.data.items)
      setMore(!!list.data.nextCursor)
      setStats(s.ok ? s.data : null)
      setStatus('ready')
    })
    return () => {
      live = false
    }
  }, [refreshKey, attempt])

  const open = () => void Taro.navigateTo({ url: '/packages/outreach/index/index' })
  return (
    <Section title='网格走访' moreUrl='/packages/outreach/index/index' testId='home-outreach'>
      <PageState status={status} error={error} rows={1} onRetry={() => setAttempt((a) => a + 1)}>
        <View className='zj-card zj-card--tappable' onClick={open} role='button' aria-label='打开走访名单'>
          <View className='zj-card__head'>
            <Text className='zj-card__title'>
              {top.length
                ? `优先走访：${top.map((i) => i.name).join('、')}${more ? '等' : ''}`
                : '名单里暂时没有需要走访的居民'}
            </Text>
          </View>
          <View>
            {stats && <Tag tone='primary'>{`本月覆盖 ${stats.visitedPersons}/${stats.assigned}`}</Tag>}
            {stats && stats.overdue > 0 && <Tag tone='danger'>{`逾期 ${stats.overdue}`}</Tag>}
            {queued.pending + queued.failed > 0 && (
              <Tag tone='warning'>{`${queued.pending}条待同步${queued.failed ? `，${queued.failed}条失败` : ''}`}</Tag>
            )}
          </View>
        </View>
      </PageState>
    </Section>
  )
}
