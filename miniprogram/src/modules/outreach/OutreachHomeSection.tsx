/** Home-page section「网格走访」for grid workers: today's list at a glance and visits waiting to sync. */
import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Section } from '../../components/Section'
import { PageState } from '../../components/PageState'
import { Tag } from '../../components/Tag'
import { startOutreachSync, useOutreachStore } from '../../stores/outreach'

export function OutreachHomeSection({ refreshKey }: { refreshKey: number }) {
  const status = useOutreachStore((s) => s.status)
  const error = useOutreachStore((s) => s.error)
  const items = useOutreachStore((s) => s.items)
  const summary = useOutreachStore((s) => s.summary)
  const loadList = useOutreachStore((s) => s.loadList)
  useEffect(() => {
    startOutreachSync()
    void loadList()
  }, [loadList, refreshKey])
  const overdue = items.filter((i) => i.stage === 'overdue' || i.stage === 'escalated').length
  const open = () => void Taro.navigateTo({ url: '/packages/outreach/index/index' })
  return (
    <Section title='网格走访' moreUrl='/packages/outreach/index/index' testId='home-outreach'>
      <PageState status={status} error={error} rows={1} onRetry={() => void loadList()}>
        <View className='zj-card zj-card--tappable' onClick={open} role='button' aria-label={`走访名单${items.length}人，逾期${overdue}人`}>
          <View className='zj-card__head'>
            <Text className='zj-card__title'>{`待走访 ${items.length} 人`}</Text>
            {overdue > 0 && <Tag tone='danger'>{`逾期 ${overdue}`}</Tag>}
          </View>
          <Text>{items.slice(0, 3).map((i) => i.name).join('、') || '名单里暂时没有需要走访的居民'}</Text>
          {summary.pending + summary.failed > 0 && (
            <View>
              <Tag tone='warning'>{`${summary.pending}条待同步${summary.failed ? `，${summary.failed}条失败` : ''}`}</Tag>
            </View>
          )}
        </View>
      </PageState>
    </Section>
  )
}
