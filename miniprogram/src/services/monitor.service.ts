/** monitor function client (就业监测): the only place the dashboard's data comes from. */
import type { IndicatorKey } from '@shared/monitor/indicators'
import { callAction } from './cloud'

export type OccupationSort = 'ratio' | 'postings' | 'seekers' | 'code'

export const fetchOverview = (regionCode?: string, month?: string) =>
  callAction('monitor', 'overview', { ...(regionCode ? { regionCode } : {}), ...(month ? { month } : {}) })
export const fetchSeries = (key: IndicatorKey, regionCode: string, from: string, to: string) =>
  callAction('monitor', 'series', { key, regionCode, from, to })
export const fetchOccupations = (regionCode: string, month: string, sort: OccupationSort, cursor?: string) =>
  callAction('monitor', 'occupations', { regionCode, month, sort, pageSize: 50, ...(cursor ? { cursor } : {}) })
export const exportFigures = (regionCode: string, month: string) =>
  callAction('monitor', 'export', { regionCode, month })
