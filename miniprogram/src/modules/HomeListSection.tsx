import { useEffect, useState, type ReactNode } from 'react'
import { View } from '@tarojs/components'
import type { Envelope, ErrorBody } from '@shared/errors'
import { PageState } from '@/components/PageState'
import { Section } from '@/components/Section'

interface Props<T> {
  title: string
  moreUrl?: string
  tab?: boolean
  testId: string
  /** Loads at most a few items for the home page. */
  load: () => Promise<Envelope<{ items: T[] }>>
  renderItem: (item: T, index: number) => ReactNode
  emptyText: string
  /** Changes on pull-to-refresh of the home page. */
  refreshKey: number
  max?: number
}

/** The shared body of a home-page section: its own loading / empty / error-with-retry states. */
export function HomeListSection<T>({
  title,
  moreUrl,
  tab,
  testId,
  load,
  renderItem,
  emptyText,
  refreshKey,
  max = 3,
}: Props<T>) {
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>('loading')
  const [items, setItems] = useState<T[]>([])
  const [error, setError] = useState<ErrorBody | null>(null)
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let live = true
    setStatus((s) => (s === 'ready' ? s : 'loading'))
    void load().then((res) => {
      if (!live) return
      if (res.ok) {
        setItems(Array.isArray(res.data?.items) ? res.data.items.slice(0, max) : [])
        setStatus('ready')
      } else {
        setError(res.error)
        setStatus('error')
      }
    })
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [refreshKey, attempt])

  return (
    <Section title={title} moreUrl={moreUrl} tab={tab} testId={testId}>
      <PageState
        status={status}
        error={error}
        empty={items.length === 0}
        emptyText={emptyText}
        rows={1}
        onRetry={() => setAttempt((a) => a + 1)}
      >
        <View>{items.map((item, i) => renderItem(item, i))}</View>
      </PageState>
    </Section>
  )
}

/** A readable title for an item whose exact shape the owning module defines. */
export function titleOf(item: unknown): string {
  if (!item || typeof item !== 'object') return ''
  const o = item as Record<string, unknown>
  for (const k of ['title', 'name', 'policyTitle', 'courseTitle', 'jobTitle', 'trackingNo']) {
    if (typeof o[k] === 'string' && o[k]) return o[k] as string
  }
  return ''
}
