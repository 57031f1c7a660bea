/** 网格概况: coverage (visited / assigned), overdue, escalations and this month's outcomes. */
import { useEffect } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { VISIT_OUTCOME_LABELS, VISIT_OUTCOMES } from '@shared/actions/outreach'
import { PageShell } from '@/components/PageShell'
import { PageState } from '@/components/PageState'
import { useOutreachStore } from '@/stores/outreach.store'
import '@/packages/outreach/components/outreach.scss'

function Stat({ value, label, testId }: { value: string | number; label: string; testId: string }) {
  return (
    <View className='zj-stat' data-testid={testId} aria-label={`${label}${value}`}>
      <Text className='zj-stat__value'>{value}</Text>
      <Text className='zj-stat__label'>{label}</Text>
    </View>
  )
}

export default function OutreachGridPage() {
  const stats = useOutreachStore((s) => s.stats)
  const status = useOutreachStore((s) => s.statsStatus)
  const error = useOutreachStore((s) => s.statsError)
  const loadStats = useOutreachStore((s) => s.loadStats)
  useEffect(() => {
    void loadStats()
  }, [loadStats])
  usePullDownRefresh(() => {
    void loadStats().finally(() => Taro.stopPullDownRefresh())
  })
  return (
    <PageShell className='outreach'>
      <PageState status={status} error={error} onRetry={() => void loadStats()}>
        {stats && (
          <View>
            <Text className='zj-outreach-note'>{`${stats.month.replace('-', '年')}月 · 网格 ${stats.gridCodes.join('、')}`}</Text>
            <View className='zj-stat-grid'>
              <Stat
                testId='stat-coverage'
                value={`${Math.round(stats.coverage * 100)}%`}
                label={`覆盖率（已访${stats.visitedPersons} / 应访${stats.assigned}）`}
              />
              <Stat testId='stat-visits' value={stats.visits} label='本月走访次数' />
              <Stat testId='stat-overdue' value={stats.overdue} label='逾期未访' />
              <Stat testId='stat-escalated' value={stats.escalated} label='已上报街道' />
            </View>
            <View className='zj-stat-grid'>
              {VISIT_OUTCOMES.map((o) => (
                <Stat key={o} testId={`stat-outcome-${o}`} value={stats.outcomes[o]} label={VISIT_OUTCOME_LABELS[o]} />
              ))}
            </View>
          </View>
        )}
      </PageState>
    </PageShell>
  )
}
