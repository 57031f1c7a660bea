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

/** 政策找人 subscription messages of one policy in the region and month (政策消息送达). */
export interface DeliveryView {
  policyId: string
  title: string
  /** Messages queued (发出) = delivered + refused + failed + pending. */
  queued: number
  delivered: number
  /** Not sent: no consent left, or not bound to WeChat (未授权). */
  refused: number
  failed: number
  /** Still queued, or interrupted mid-send and unknown (待发送或结果不明). */
  pending: number
  /** Refused or failed, turned into a grid visit task (转走访). */
  fallbacks: number
  /** delivered ÷ queued; null when none was queued. */
  deliveryRate: number | null
}

/** Training of one occupation (code from shared/occupations) in the region and month. */
export interface TrainingOccupationView {
  occupationCode: string
  occupationName: string
  seats: number
  filled: number
  completions: number
  certificates: number
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
  /** 政策找人 message delivery by policy (most queued first). */
  deliveries: DeliveryView[]
  /** Training by occupation (most certificates first); empty for a street (courses name a district). */
  training: TrainingOccupationView[]
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

/** What each `monitor` action answers: the client's `ActionOutputs` extends it and the function's index.ts is held to it. */
export interface MonitorActionOutputs {
  'monitor.overview': OverviewAnswer
  'monitor.series': SeriesAnswer
  'monitor.occupations': OccupationsAnswer
  'monitor.export': ExportAnswer
}
