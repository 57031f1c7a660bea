/** 三率公示: response, resolution and satisfaction rates (and on time) by department and month, with the standards. */
import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { RateFigures } from '@shared/feedback/stats'
import { PageShell } from '@/components/PageShell'
import { PageState } from '@/components/PageState'
import { ZjButton } from '@/components/ZjButton'
import { useFeedbackStore } from '@/stores/feedback.store'
import '@/modules/feedback/feedback.scss'

const RATES: { key: keyof RateFigures; label: string; hint: string }[] = [
  { key: 'responseRate', label: '响应率', hint: '按期受理的比例' },
  { key: 'resolutionRate', label: '解决率', hint: '已办结的比例' },
  { key: 'satisfactionRate', label: '满意率', hint: '评价4–5分的比例' },
  { key: 'onTimeRate', label: '按期答复率', hint: '在期限内答复的比例' },
]

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`)

function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number)
  const d = new Date(Date.UTC(y, m - 1 + delta, 1))
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`
}

function Bar({ label, value }: { label: string; value: number | null }) {
  return (
    <View className='zj-fb-bar' aria-label={`${label}${pct(value)}`}>
      <View className='zj-fb-bar__label'>
        <Text>{label}</Text>
        <Text>{pct(value)}</Text>
      </View>
      <View className='zj-fb-bar__track'>
        <View className='zj-fb-bar__fill' style={{ width: `${Math.round((value ?? 0) * 100)}%` }} />
      </View>
    </View>
  )
}

export default function FeedbackStatsPage() {
  const stats = useFeedbackStore((s) => s.stats)
  const status = useFeedbackStore((s) => s.statsStatus)
  const error = useFeedbackStore((s) => s.statsError)
  const loadStats = useFeedbackStore((s) => s.loadStats)
  const [month, setMonth] = useState<string | undefined>(undefined)

  useEffect(() => {
    void loadStats(month)
  }, [month, loadStats])

  const shown = stats?.month ?? month
  return (
    <PageShell className='zj-fb-page'>
      <View className='zj-fb-block'>
        <View className='zj-fb-row'>
          <ZjButton size='small' ariaLabel='上个月' onClick={() => shown && setMonth(shiftMonth(shown, -1))}>
            ‹ 上月
          </ZjButton>
          <Text className='zj-fb-block__title zj-fb-month' data-testid='stats-month'>
            {shown ? `${shown.slice(0, 4)}年${Number(shown.slice(5))}月` : ''}
          </Text>
          <ZjButton size='small' ariaLabel='下个月' onClick={() => shown && setMonth(shiftMonth(shown, 1))}>
            下月 ›
          </ZjButton>
        </View>
      </View>
      <PageState status={status} error={error} onRetry={() => void loadStats(month)}>
        {stats && (
          <View data-testid='feedback-stats'>
            <View className='zj-fb-block'>
              <Text className='zj-fb-block__title'>全部门 · 共{stats.overall.total}件</Text>
              <View className='zj-fb-figures'>
                {RATES.map((r) => (
                  <View key={r.key} className='zj-fb-figure'>
                    <Text className='zj-fb-figure__value'>{pct(stats.overall[r.key] as number | null)}</Text>
                    <Text className='zj-fb-figure__label'>{r.label}</Text>
                  </View>
                ))}
              </View>
            </View>
            {stats.departments.length === 0 && (
              <View className='zj-fb-block'>
                <Text className='zj-fb-hint'>本月暂无办理记录</Text>
              </View>
            )}
            {stats.departments.map((d) => (
              <View key={String(d.departmentId)} className='zj-fb-block' data-testid='stats-department'>
                <Text className='zj-fb-block__title'>{d.departmentName}</Text>
                <Text className='zj-fb-hint'>
                  共{d.total}件，已评价{d.rated}件
                </Text>
                {RATES.map((r) => (
                  <Bar key={r.key} label={r.label} value={d[r.key] as number | null} />
                ))}
              </View>
            ))}
            <View className='zj-fb-block'>
              <Text className='zj-fb-block__title'>服务标准</Text>
              {stats.standards.map((s) => (
                <Text key={s} className='zj-fb-text'>
                  · {s}
                </Text>
              ))}
              {RATES.map((r) => (
                <Text key={r.key} className='zj-fb-hint'>
                  {r.label}：{r.hint}
                </Text>
              ))}
            </View>
          </View>
        )}
      </PageState>
    </PageShell>
  )
}
