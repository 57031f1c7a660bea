/** The dashboard's charts, each with its data table (screen readers, 长辈版). Geometry in ./chartGeometry.ts. */
import { Text, View } from '@tarojs/components'
import { formatMonth, formatValue, NO_DATA } from '@shared/monitor/format'
import type { ChildView, FunnelView } from '@shared/monitor/views'
import { linePoints, RATIO_CLASSES, segment, shadeOf, tileLayout, TREND_ASPECT } from './chartGeometry'

export interface TableProps {
  caption: string
  head: string[]
  rows: { key: string; cells: string[]; onClick?: () => void }[]
  testId?: string
}

/** A plain table (role table/row/cell); a row with onClick drills down. */
export function DataTable({ caption, head, rows, testId }: TableProps) {
  return (
    <View className='zj-mon-table' role='table' aria-label={caption} data-testid={testId}>
      <View className='zj-mon-table__row zj-mon-table__row--head' role='row'>
        {head.map((h) => (
          <View key={h} className='zj-mon-table__cell' role='columnheader'>
            <Text>{h}</Text>
          </View>
        ))}
      </View>
      {rows.map((r) => (
        <View
          key={r.key}
          className={`zj-mon-table__row${r.onClick ? ' zj-mon-table__row--link' : ''}`}
          role='row'
          onClick={r.onClick}
          hoverClass={r.onClick ? 'zj-card--hover' : 'none'}
          data-testid={testId ? `${testId}-row-${r.key}` : undefined}
        >
          {r.cells.map((c, i) => (
            <View key={i} className='zj-mon-table__cell' role='cell'>
              <Text>{c}</Text>
            </View>
          ))}
        </View>
      ))}
    </View>
  )
}

export function TrendLine({
  label,
  unit,
  points,
}: {
  label: string
  unit: string
  points: { month: string; value: number | null }[]
}) {
  const { points: pts, max } = linePoints(points.map((p) => p.value))
  const segs = pts.flatMap((p, i) => {
    const q = pts[i + 1]
    return p && q ? [segment(p, q)] : []
  })
  return (
    <View className='zj-mon-chart' data-testid='trend-chart'>
      <View className='zj-mon-trend' style={{ paddingTop: `${TREND_ASPECT * 100}%` }} aria-hidden='true'>
        <View className='zj-mon-trend__axis'>
          <Text>{formatValue(max, unit)}</Text>
        </View>
        {segs.map((s, i) => (
          <View
            key={i}
            className='zj-mon-trend__seg'
            style={{ left: `${s.left}%`, top: `${s.top}%`, width: `${s.length}%`, transform: `rotate(${s.angle}deg)` }}
          />
        ))}
        {pts.map(
          (p, i) =>
            p && (
              <View
                key={points[i].month}
                className='zj-mon-trend__dot'
                style={{ left: `${p.x}%`, top: `${100 - p.y}%` }}
              />
            ),
        )}
      </View>
      <View className='zj-mon-trend__months' aria-hidden='true'>
        <Text>{points[0] ? formatMonth(points[0].month) : ''}</Text>
        <Text>{points.length ? formatMonth(points[points.length - 1].month) : ''}</Text>
      </View>
      <DataTable
        caption={`${label}逐月数据`}
        head={['月份', label]}
        rows={points.map((p) => ({ key: p.month, cells: [formatMonth(p.month), formatValue(p.value, unit)] }))}
        testId='trend-table'
      />
    </View>
  )
}

export function ChildBars({
  label,
  unit,
  items,
  onPick,
}: {
  label: string
  unit: string
  items: { code: string; name: string; value: number | null }[]
  onPick?: (code: string) => void
}) {
  const max = Math.max(0, ...items.map((i) => i.value ?? 0))
  return (
    <View className='zj-mon-chart' data-testid='bars-chart'>
      {items.map((i) => (
        <View
          key={i.code}
          className='zj-mon-bar'
          role='button'
          aria-label={`${i.name}，${label}${formatValue(i.value, unit)}${onPick ? '，点击查看下级' : ''}`}
          onClick={onPick ? () => onPick(i.code) : undefined}
          hoverClass={onPick ? 'zj-card--hover' : 'none'}
          data-testid={`bar-${i.code}`}
        >
          <Text className='zj-mon-bar__name'>{i.name}</Text>
          <View className='zj-mon-bar__track'>
            <View
              className='zj-mon-bar__fill'
              style={{ width: `${max && i.value ? Math.max(1, (i.value / max) * 100) : 0}%` }}
            />
          </View>
          <Text className='zj-mon-bar__value'>{formatValue(i.value, unit)}</Text>
        </View>
      ))}
    </View>
  )
}

const TILE_COLS = 4

/** 供需地图: each child a tile placed by its centroid, shaded by 求人倍率, with the legend. */
export function TileMap({ items, onPick }: { items: ChildView[]; onPick?: (code: string) => void }) {
  const { tiles, rows } = tileLayout(
    items.map((c) => ({ code: c.regionCode, lat: c.lat, lng: c.lng })),
    TILE_COLS,
  )
  const byCode = new Map(items.map((c) => [c.regionCode, c]))
  const noCentroid = items.some((c) => c.lat === null || c.lng === null)
  return (
    <View className='zj-mon-chart' data-testid='tile-map'>
      <View className='zj-mon-map' style={{ paddingTop: `${(rows / TILE_COLS) * 100 * 0.62}%` }}>
        {tiles.map((t) => {
          const c = byCode.get(t.code)
          if (!c) return null
          const ratio = c.values.demandSupplyRatio ?? null
          return (
            <View
              key={t.code}
              className={`zj-mon-tile ${shadeOf(ratio)}`}
              style={{
                left: `${(t.col / TILE_COLS) * 100}%`,
                top: `${(t.row / rows) * 100}%`,
                width: `${100 / TILE_COLS}%`,
                height: `${100 / rows}%`,
              }}
              role='button'
              aria-label={`${c.regionName}，求人倍率${formatValue(ratio, '倍')}`}
              onClick={onPick ? () => onPick(t.code) : undefined}
              data-testid={`tile-${t.code}`}
            >
              <Text className='zj-mon-tile__name'>{c.regionName}</Text>
              <Text className='zj-mon-tile__value'>{formatValue(ratio, '倍')}</Text>
            </View>
          )
        })}
      </View>
      <View className='zj-mon-legend' aria-label='图例：求人倍率'>
        <Text className='zj-mon-legend__title'>求人倍率</Text>
        {RATIO_CLASSES.map((c) => (
          <View key={c.label} className='zj-mon-legend__item'>
            <View className={`zj-mon-legend__swatch ${c.className}`} />
            <Text>{c.label}</Text>
          </View>
        ))}
        <View className='zj-mon-legend__item'>
          <View className='zj-mon-legend__swatch zj-mon-shade--none' />
          <Text>{NO_DATA}</Text>
        </View>
      </View>
      {noCentroid && <Text className='zj-mon-hint'>街道（乡镇）没有中心点坐标，按区划代码顺序排列。</Text>}
    </View>
  )
}

const FUNNEL_STEPS: { key: 'eligible' | 'told' | 'applied' | 'approved'; label: string }[] = [
  { key: 'eligible', label: '符合' },
  { key: 'told', label: '已告知' },
  { key: 'applied', label: '已申领' },
  { key: 'approved', label: '已兑现' },
]

export function PolicyFunnel({ items }: { items: FunnelView[] }) {
  return (
    <View className='zj-mon-chart' data-testid='policy-funnel'>
      {items.slice(0, 5).map((p) => (
        <View key={p.policyId} className='zj-mon-funnel' aria-hidden='true'>
          <Text className='zj-mon-funnel__title'>{p.title}</Text>
          {FUNNEL_STEPS.map((s) => {
            const v = p[s.key]
            return (
              <View key={s.key} className='zj-mon-bar'>
                <Text className='zj-mon-bar__name'>{s.label}</Text>
                <View className='zj-mon-bar__track'>
                  <View
                    className='zj-mon-bar__fill zj-mon-bar__fill--funnel'
                    style={{ width: `${p.eligible && v ? (v / p.eligible) * 100 : 0}%` }}
                  />
                </View>
                <Text className='zj-mon-bar__value'>{formatValue(v, '人次')}</Text>
              </View>
            )
          })}
        </View>
      ))}
      <DataTable
        caption='政策触达漏斗'
        head={['政策', '符合', '已告知', '已申领', '已兑现']}
        rows={items.map((p) => ({
          key: p.policyId,
          cells: [
            p.title,
            formatValue(p.eligible, '人次'),
            formatValue(p.told, '人次'),
            formatValue(p.applied, '件'),
            formatValue(p.approved, '件'),
          ],
        }))}
        testId='funnel-table'
      />
    </View>
  )
}
