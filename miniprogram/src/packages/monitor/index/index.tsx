/**
 * 就业监测 dashboard: region picker and breadcrumbs, month picker, indicator cards with the change from last
 * month, the trend of the chosen indicator, bars by child region, the supply-and-demand tile map, the occupation
 * table with the shortage ranking, the policy funnel, 政策找人 message delivery by policy and training with
 * certificates by occupation; every chart with its data table. Tapping a child region
 * drills down. Data: stores/monitor.store.ts.
 */
import { type ReactNode, useEffect } from 'react'
import Taro, { useRouter, usePullDownRefresh } from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import {
  addMonths,
  HEADLINE_KEYS,
  INDICATOR_GROUP_LABELS,
  INDICATORS,
  indicatorOf,
  type IndicatorGroup,
  type IndicatorKey,
} from '@shared/monitor/indicators'
import { formatChange, formatMonth, formatValue } from '@shared/monitor/format'
import type { IndicatorView } from '@shared/monitor/views'
import { PageShell } from '@/components/PageShell'
import { PageState } from '@/components/PageState'
import { ZjButton } from '@/components/ZjButton'
import { useMonitorStore } from '@/stores/monitor.store'
import {
  ChildBars,
  DataTable,
  DeliveryChart,
  PolicyFunnel,
  TileMap,
  TrainingByOccupation,
  TrendLine,
} from '@/packages/monitor/components/Charts'
import { OccupationTable } from '@/packages/monitor/components/OccupationTable'
import '@/packages/monitor/monitor.scss'

const GROUPS = Object.keys(INDICATOR_GROUP_LABELS) as IndicatorGroup[]
const SOURCE_LABEL = { snapshot: '每日快照', live: '实时统计', none: '该月无快照' } as const

function changeClass(i: IndicatorView): string {
  const def = indicatorOf(i.key)
  if (i.value === null || i.previous === null || i.value === i.previous || def?.higherIsBetter == null) return ''
  return i.value > i.previous === def.higherIsBetter ? 'zj-mon-card__change--good' : 'zj-mon-card__change--bad'
}

function Heading({ children }: { children: ReactNode }) {
  return (
    <View className='zj-mon-title' role='heading' aria-level={2}>
      <Text>{children}</Text>
    </View>
  )
}

function Card({ i, selected, onPick }: { i: IndicatorView; selected: boolean; onPick: () => void }) {
  const change = formatChange(i.value, i.previous, i.unit)
  const value = formatValue(i.value, i.unit)
  return (
    <View
      className={`zj-mon-card${selected ? ' zj-mon-card--on' : ''}`}
      role='button'
      aria-pressed={selected}
      aria-label={`${i.label}${value}${change ? `，较上月${change}` : ''}，查看趋势`}
      onClick={onPick}
      data-testid={`card-${i.key}`}
    >
      <Text className='zj-mon-card__label'>{i.label}</Text>
      <Text className='zj-mon-card__value' data-testid={`value-${i.key}`}>
        {value}
      </Text>
      <Text className={`zj-mon-card__change ${changeClass(i)}`}>{change ? `较上月 ${change}` : '上月无数据'}</Text>
    </View>
  )
}

export default function MonitorPage() {
  const router = useRouter()
  const s = useMonitorStore()
  const { overview: o } = s

  useEffect(() => {
    void s.open(router.params.regionCode || undefined, router.params.month || undefined)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  usePullDownRefresh(() => {
    void s.refresh().finally(() => Taro.stopPullDownRefresh())
  })
  useEffect(() => {
    if (!s.notice) return
    void Taro.showToast({ title: s.notice, icon: 'none', duration: 2500 })
    s.clearNotice()
  }, [s.notice, s])

  const drill = o && o.level !== 'street' ? (code: string) => void s.open(code, o.month) : undefined
  const trendDef = indicatorOf(s.trendKey)
  const byKey = new Map((o?.indicators ?? []).map((i) => [i.key, i]))
  const childItems = (o?.children ?? []).map((c) => ({
    code: c.regionCode,
    name: c.regionName,
    value: c.values[s.trendKey] ?? null,
  }))

  return (
    <PageShell className='zj-mon-page'>
      <View className='zj-mon-head'>
        <View className='zj-mon-crumbs' role='navigation' aria-label='地区层级' data-testid='breadcrumbs'>
          {(o?.breadcrumbs ?? []).map((b, idx, all) => (
            <View key={b.regionCode} className='zj-mon-crumbs__item'>
              {idx < all.length - 1 ? (
                <View
                  className='zj-mon-crumbs__link'
                  role='link'
                  onClick={() => void s.open(b.regionCode, o?.month)}
                  data-testid={`crumb-${b.regionCode}`}
                >
                  <Text>{b.regionName}</Text>
                </View>
              ) : (
                <Text className='zj-mon-crumbs__current' aria-current='page' data-testid='current-region'>
                  {b.regionName}
                </Text>
              )}
              {idx < all.length - 1 && (
                <Text className='zj-mon-crumbs__sep' aria-hidden='true'>
                  {' '}
                  ›{' '}
                </Text>
              )}
            </View>
          ))}
        </View>
        <View className='zj-mon-controls'>
          {o && o.children.length > 0 && (
            <Picker
              mode='selector'
              range={o.children.map((c) => c.regionName)}
              onChange={(e) => drill?.(o.children[Number(e.detail.value)].regionCode)}
            >
              <View className='zj-mon-chip' role='button' aria-label='选择下级地区'>
                <Text>选择下级地区 ▾</Text>
              </View>
            </Picker>
          )}
          <View
            className='zj-mon-chip'
            role='button'
            aria-label='上个月'
            onClick={() => o && void s.setMonth(addMonths(o.month, -1))}
            data-testid='prev-month'
          >
            <Text>‹ 上月</Text>
          </View>
          <Picker
            mode='date'
            fields='month'
            value={o ? `${o.month}-01` : ''}
            onChange={(e) => void s.setMonth(String(e.detail.value).slice(0, 7))}
          >
            <View className='zj-mon-chip' role='button' aria-label='选择月份'>
              <Text data-testid='month'>{o ? `${formatMonth(o.month)} ▾` : ''}</Text>
            </View>
          </Picker>
          <View
            className='zj-mon-chip'
            role='button'
            aria-label='下个月'
            onClick={() => o && void s.setMonth(addMonths(o.month, 1))}
            data-testid='next-month'
          >
            <Text>下月 ›</Text>
          </View>
        </View>
        {o && (
          <Text className='zj-mon-hint' data-testid='as-of'>
            {SOURCE_LABEL[o.source]}
            {o.asOf ? `，数据截至 ${o.asOf.slice(0, 10)} ${o.asOf.slice(11, 16)}` : ''}
          </Text>
        )}
      </View>

      <PageState status={s.status} error={s.error} onRetry={() => void s.refresh()} rows={6}>
        {o && (
          <View data-testid='monitor-dashboard' data-region={o.regionCode}>
            <View className='zj-mon-block'>
              <Heading>核心指标</Heading>
              <View className='zj-mon-cards'>
                {HEADLINE_KEYS.map((k) => byKey.get(k))
                  .filter((i): i is IndicatorView => !!i)
                  .map((i) => (
                    <Card key={i.key} i={i} selected={s.trendKey === i.key} onPick={() => void s.setTrendKey(i.key)} />
                  ))}
              </View>
            </View>

            <View className='zj-mon-block'>
              <Heading>{trendDef?.label ?? ''}近12个月趋势</Heading>
              {s.series && trendDef ? (
                <TrendLine label={trendDef.label} unit={trendDef.unit} points={s.series.points} />
              ) : (
                <Text className='zj-mon-hint'>
                  {s.seriesStatus === 'error' ? '趋势加载失败，请下拉刷新' : '加载中…'}
                </Text>
              )}
            </View>

            {o.children.length > 0 && (
              <View className='zj-mon-block'>
                <Heading>
                  各{o.level === 'district' ? '街道（乡镇）' : o.level === 'city' ? '县（区）' : '市'}
                  {trendDef?.label}
                </Heading>
                <ChildBars
                  label={trendDef?.label ?? ''}
                  unit={trendDef?.unit ?? ''}
                  items={childItems}
                  onPick={drill}
                />
                <DataTable
                  caption='下级地区主要指标'
                  head={['地区', ...HEADLINE_KEYS.map((k) => indicatorOf(k)?.label ?? k)]}
                  rows={o.children.map((c) => ({
                    key: c.regionCode,
                    cells: [
                      c.regionName,
                      ...HEADLINE_KEYS.map((k) => formatValue(c.values[k], indicatorOf(k)?.unit ?? '')),
                    ],
                    onClick: drill ? () => drill(c.regionCode) : undefined,
                  }))}
                  testId='children-table'
                />
              </View>
            )}

            {o.children.length > 0 && (
              <View className='zj-mon-block'>
                <Heading>供需地图（求人倍率）</Heading>
                {o.children.some((c) => c.values.demandSupplyRatio !== null) ? (
                  <TileMap items={o.children} onPick={drill} />
                ) : (
                  <Text className='zj-mon-hint' data-testid='tile-map-none'>
                    岗位只登记到县（区），街道（乡镇）没有求人倍率；请在县（区）及以上层级查看供需地图。
                  </Text>
                )}
              </View>
            )}

            <View className='zj-mon-block'>
              <Heading>分职业供需</Heading>
              {s.occupations ? (
                <OccupationTable
                  items={s.occupations.items}
                  shortage={s.occupations.shortage}
                  sort={s.occupationSort}
                  onSort={(k) => void s.setOccupationSort(k)}
                />
              ) : (
                <Text className='zj-mon-hint'>
                  {s.occupationsStatus === 'error' ? '加载失败，请下拉刷新' : '加载中…'}
                </Text>
              )}
            </View>

            <View className='zj-mon-block'>
              <Heading>政策触达漏斗</Heading>
              {o.funnel.length === 0 ? (
                <Text className='zj-mon-hint'>本月暂无政策匹配结果。</Text>
              ) : (
                <PolicyFunnel items={o.funnel} />
              )}
              {o.missing.includes('service_applications') && (
                <Text className='zj-mon-hint'>业务经办模块上线前，申领与兑现显示“暂无数据”。</Text>
              )}
            </View>

            <View className='zj-mon-block' data-testid='delivery-block'>
              <Heading>政策消息送达（政策找人）</Heading>
              {o.deliveries.length === 0 ? (
                <Text className='zj-mon-hint' data-testid='delivery-empty'>
                  本月没有发出政策匹配订阅消息。
                </Text>
              ) : (
                <DeliveryChart items={o.deliveries} />
              )}
              <Text className='zj-mon-hint'>
                未授权：居民没有订阅或授权已用完，消息未发出；未送达的会转为网格员上门告知。点下方“政策消息送达”指标可按下级地区查看。
              </Text>
            </View>

            <View className='zj-mon-block' data-testid='training-block'>
              <Heading>分职业培训与取证</Heading>
              {o.level === 'street' ? (
                <Text className='zj-mon-hint' data-testid='training-none'>
                  培训班只登记到县（区），街道（乡镇）暂无分职业培训数据；请在县（区）及以上层级查看。
                </Text>
              ) : o.training.length === 0 ? (
                <Text className='zj-mon-hint' data-testid='training-empty'>
                  本月没有开班或结业的培训。
                </Text>
              ) : (
                <TrainingByOccupation items={o.training} />
              )}
            </View>

            {GROUPS.map((g) => (
              <View key={g} className='zj-mon-block'>
                <Heading>{INDICATOR_GROUP_LABELS[g]}</Heading>
                <View className='zj-mon-cards'>
                  {o.indicators
                    .filter((i) => i.group === g)
                    .map((i) => (
                      <Card
                        key={i.key}
                        i={i}
                        selected={s.trendKey === i.key}
                        onPick={() => void s.setTrendKey(i.key as IndicatorKey)}
                      />
                    ))}
                </View>
              </View>
            ))}

            <View className='zj-mon-block'>
              <ZjButton
                kind='primary'
                block
                ariaLabel='导出本页数据为表格文件'
                loading={s.exporting}
                onClick={() => void s.exportCsv()}
              >
                导出本页数据（CSV）
              </ZjButton>
              <Text className='zj-mon-subtitle'>指标口径</Text>
              {INDICATORS.map((i) => (
                <Text key={i.key} className='zj-mon-hint'>
                  {i.label}：{i.definition}
                </Text>
              ))}
            </View>
          </View>
        )}
      </PageState>
    </PageShell>
  )
}
