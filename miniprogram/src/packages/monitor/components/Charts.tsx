/** The dashboard's charts, each with its data table (screen readers, 长辈版). Geometry in ./chartGeometry.ts. */
import { Text, View } from '@tarojs/components'
import { formatMonth, formatValue, NO_DATA } from '@shared/monitor/format'
import type { ChildView, DeliveryView, FunnelView, TrainingOccupationView } from '@shared/monitor/views'
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

const DELIVERY_PARTS: { key: 'delivered' | 'refused' | 'failed' | 'pending'; label: string; className: string }[] = [
  { key: 'delivered', label: '送达', className: 'zj-mon-stack--delivered' },
  { key: 'refused', label: '未授权', className: 'zj-mon-stack--refused' },
  { key: 'failed', label: '失败', className: 'zj-mon-stack--failed' },
  { key: 'pending', label: '待发送或不明', className: 'zj-mon-stack--pending' },
]

/** 政策消息送达: per policy a bar split into delivered / refused / failed / pending, with the legend and table. */
export function DeliveryChart({ items }: { items: DeliveryView[] }) {
  return (
    <View className='zj-mon-chart' data-testid='delivery-chart'>
      {items.slice(0, 5).map((d) => (
        <View key={d.policyId} className='zj-mon-funnel' aria-hidden='true'>
          <Text className='zj-mon-funnel__title'>
            {d.title}（发出{formatValue(d.queued, '条')}，送达率{formatValue(d.deliveryRate, '%')}）
          </Text>
          <View className='zj-mon-bar__track zj-mon-stack'>
            {DELIVERY_PARTS.map((p) =>
              d[p.key] > 0 ? (
                <View
                  key={p.key}
                  className={`zj-mon-stack__part ${p.className}`}
                  style={{ width: `${(d[p.key] / d.queued) * 100}%` }}
                />
              ) : null,
            )}
          </View>
        </View>
      ))}
      <View className='zj-mon-legend' aria-hidden='true'>
        {DELIVERY_PARTS.map((p) => (
          <View key={p.key} className='zj-mon-legend__item'>
            <View className={`zj-mon-legend__swatch ${p.className}`} />
            <Text>{p.label}</Text>
          </View>
        ))}
      </View>
      <DataTable
        caption='政策消息送达情况'
        head={['政策', '发出', '送达', '未授权', '失败', '待发送或不明', '转走访', '送达率']}
        rows={items.map((d) => ({
          key: d.policyId,
          cells: [
            d.title,
            formatValue(d.queued, '条'),
            formatValue(d.delivered, '条'),
            formatValue(d.refused, '条'),
            formatValue(d.failed, '条'),
            formatValue(d.pending, '条'),
            formatValue(d.fallbacks, '条'),
            formatValue(d.deliveryRate, '%'),
          ],
        }))}
        testId='delivery-table'
      />
    </View>
  )
}

/** 分职业培训与取证: certificates per occupation as bars, and the table of seats, filled, completions, certificates. */
export function TrainingByOccupation({ items }: { items: TrainingOccupationView[] }) {
  const max = Math.max(0, ...items.map((t) => t.certificates))
  return (
    <View className='zj-mon-chart' data-testid='training-chart'>
      {max > 0 &&
        items
          .filter((t) => t.certificates > 0)
          .slice(0, 10)
          .map((t) => (
            <View key={t.occupationCode} className='zj-mon-bar' aria-hidden='true'>
              <Text className='zj-mon-bar__name'>{t.occupationName}</Text>
              <View className='zj-mon-bar__track'>
                <View
                  className='zj-mon-bar__fill zj-mon-bar__fill--funnel'
                  style={{ width: `${Math.max(1, (t.certificates / max) * 100)}%` }}
                />
              </View>
              <Text className='zj-mon-bar__value'>{formatValue(t.certificates, '人')}</Text>
            </View>
          ))}
      <DataTable
        caption='分职业培训与取证'
        head={['职业', '职业代码', '培训名额', '报名人数', '结业人数', '取证人数']}
        rows={items.map((t) => ({
          key: t.occupationCode,
          cells: [
            t.occupationName,
            t.occupationCode,
            formatValue(t.seats, '个'),
            formatValue(t.filled, '人'),
            formatValue(t.completions, '人'),
            formatValue(t.certificates, '人'),
          ],
        }))}
        testId='training-table'
      />
    </View>
  )
}
