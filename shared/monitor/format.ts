/**
 * Chinese number formats for the dashboard and the export: 万 / 亿 for large counts, percentages with one
 * decimal, 求人倍率 with two, 「暂无数据」 for a figure that is not recorded. Pure.
 */
import { INDICATORS, type IndicatorDef } from './indicators'
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

/** The overview as CSV (UTF-8 with BOM, for Excel): the region's row, then one row per child region. */
export function monitorCsv(a: OverviewAnswer): { csv: string; rows: number } {
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
  const lines = [header, own, ...children].map((r) => r.map(csvCell).join(','))
  return { csv: `\uFEFF${lines.join('\r\n')}\r\n`, rows: 1 + children.length }
}
