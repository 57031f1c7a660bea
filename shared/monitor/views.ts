/** The monitor function's answer shapes (docs/api.md ## monitor), shared by the app and the tests. Pure. */
import type { IndicatorGroup, IndicatorKey, OccupationRow } from './indicators'

export interface IndicatorView {
  key: IndicatorKey
  label: string
  value: number | null
  unit: string
  previous: number | null
  updatedAt: string | null
  group: IndicatorGroup
  additive: boolean
}

export interface ChildView {
  regionCode: string
  regionName: string
  values: Record<IndicatorKey, number | null>
  lat: number | null
  lng: number | null
}

export interface FunnelView {
  policyId: string
  title: string
  eligible: number
  told: number
  /** null: 暂无数据 (the application module does not record it yet). */
  applied: number | null
  approved: number | null
}

export interface OverviewAnswer {
  regionCode: string
  regionName: string
  level: string
  month: string
  /** 'snapshot': the daily snapshot; 'live': counted now; 'none': no snapshot of that month. */
  source: 'snapshot' | 'live' | 'none'
  asOf: string | null
  breadcrumbs: { regionCode: string; regionName: string }[]
  indicators: IndicatorView[]
  children: ChildView[]
  funnel: FunnelView[]
  /** Sources that do not exist yet (their figures show 暂无数据). */
  missing: string[]
}

export interface SeriesAnswer {
  key: IndicatorKey
  regionCode: string
  unit: string
  points: { month: string; value: number | null }[]
}

export interface OccupationsAnswer {
  regionCode: string
  month: string
  items: OccupationRow[]
  nextCursor: string | null
  shortage: OccupationRow[]
}

export interface ExportAnswer {
  fileID: string
  rows: number
}
