/**
 * Chinese number formats for the dashboard and the export: 万 / 亿 for large counts, percentages with one
 * decimal, 求人倍率 with two, 「暂无数据」 for a figure that is not recorded. Pure.
 */
import { INDICATORS, type IndicatorDef, type OccupationRow } from './indicators'
import type { OverviewAnswer } from './views'

export const NO_DATA = '暂无数据'

const trim = (s: string) => s.replace(/\.0+$/, '').replace(/(\.\d*?)0+$/, '$1')

/** 1234 → 1,234; 12345 → 1.23万; 123456789 → 1.23亿. */
export function formatCount(n: number): string {
  const abs = Math.abs(n)
  if (abs >= 1e8) return `${trim((n / 1e8).toFixed(2))}亿`
  if (abs >= 1e4) return `${trim((n / 1e4).toFixed(2))}万`
  return Math.round(n).toLocaleString('en-US')
}

/** A value with its unit as the dashboard shows it. */
export function formatValue(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_DATA
  if (unit === '%') return `${trim((value * 100).toFixed(1))}%`
  if (unit === '倍') return value.toFixed(2)
  return `${formatCount(value)}${unit === '人次' ? '人次' : unit}`
}

/** The change from last month: counts as a signed number, rates in 个百分点, ratios with two decimals. */
export function formatChange(
  value: number | null | undefined,
  previous: number | null | undefined,
  unit: string,
): string | null {
  if (value === null || value === undefined || previous === null || previous === undefined) return null
  const d = value - previous
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±'
  const abs = Math.abs(d)
  if (unit === '%') return `${sign}${trim((abs * 100).toFixed(1))}个百分点`
  if (unit === '倍') return `${sign}${abs.toFixed(2)}`
  return `${sign}${formatCount(abs)}`
}

/** 2026-12 → 2026年12月 */
export const formatMonth = (m: string): string => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)
/** The raw figure for a CSV cell: rates as ratios, 暂无数据 for null. */
const rawCell = (v: number | null | undefined) => (v === null || v === undefined ? NO_DATA : String(v))

/**
 * The overview as CSV (UTF-8 with BOM, for Excel): what the dashboard shows. First the region's row and one row
 * per child region (every indicator), then, each after an empty line, its title and its header: the policy
 * funnel, 政策消息送达 by policy, 分职业培训与取证 and, when given, 分职业供需 (the occupation table). `rows` counts
 * the data rows of every section.
 */
export function monitorCsv(
  a: OverviewAnswer,
  occupations: readonly OccupationRow[] = [],
): { csv: string; rows: number } {
  const defs = INDICATORS as readonly IndicatorDef[]
  const header = [
    '地区',
    '地区代码',
    '月份',
    '数据时点',
    ...defs.map((d) => `${d.label}（${d.unit === '%' ? '比率' : d.unit}）`),
  ]
  const own = [
    a.regionName,
    a.regionCode,
    a.month,
    a.asOf ?? '',
    ...defs.map((d) => rawCell(a.indicators.find((i) => i.key === d.key)?.value)),
  ]
  const children = a.children.map((c) => [
    c.regionName,
    c.regionCode,
    a.month,
    a.asOf ?? '',
    ...defs.map((d) => rawCell(c.values[d.key as keyof typeof c.values])),
  ])
  const sections: { title: string; head: string[]; rows: string[][] }[] = [
    {
      title: `${a.regionName}政策触达漏斗`,
      head: ['政策', '政策编号', '符合（人次）', '已告知（人次）', '已申领（件）', '已兑现（件）'],
      rows: (a.funnel ?? []).map((f) => [
        f.title,
        f.policyId,
        rawCell(f.eligible),
        rawCell(f.told),
        rawCell(f.applied),
        rawCell(f.approved),
      ]),
    },
    {
      title: `${a.regionName}政策消息送达`,
      head: ['政策', '政策编号', '发出（条）', '送达', '未授权', '失败', '待发送或不明', '转走访', '送达率（比率）'],
      rows: (a.deliveries ?? []).map((d) => [
        d.title,
        d.policyId,
        ...[d.queued, d.delivered, d.refused, d.failed, d.pending, d.fallbacks, d.deliveryRate].map(rawCell),
      ]),
    },
    {
      title: `${a.regionName}分职业培训与取证`,
      head: ['职业', '职业代码', '培训名额（个）', '报名人数（人）', '结业人数（人）', '取证人数（人）'],
      rows: (a.training ?? []).map((t) => [
        t.occupationName,
        t.occupationCode,
        ...[t.seats, t.filled, t.completions, t.certificates].map(rawCell),
      ]),
    },
    {
      title: `${a.regionName}分职业供需`,
      head: ['职业', '职业代码', '岗位需求人数（人）', '求职人数（人）', '求人倍率（倍）'],
      rows: occupations.map((o) => [
        o.occupationName,
        o.occupationCode,
        rawCell(o.postings),
        rawCell(o.seekers),
        rawCell(o.ratio),
      ]),
    },
  ].filter((x) => x.rows.length > 0)
  const table = [header, own, ...children]
  for (const x of sections) table.push([], [x.title], x.head, ...x.rows)
  const lines = table.map((r) => r.map(csvCell).join(','))
  const rows = 1 + children.length + sections.reduce((n, x) => n + x.rows.length, 0)
  return { csv: `\uFEFF${lines.join('\r\n')}\r\n`, rows }
}
