/**
 * The dashboard's store (就业监测): the region and month on screen, the overview, the trend of the chosen
 * indicator over the last 12 months, the occupation table with its sort, and the export. Drilling pushes the
 * child region; the breadcrumbs come from the answer.
 */
import { create } from 'zustand'
import type { ErrorBody } from '@shared/errors'
import { addMonths, type IndicatorKey } from '@shared/monitor/indicators'
import type { OccupationsAnswer, OverviewAnswer, SeriesAnswer } from '@shared/monitor/views'
import {
  exportFigures,
  fetchOccupations,
  fetchOverview,
  fetchSeries,
  type OccupationSort,
} from '@/services/monitor.service'
import type { LoadStatus } from './user.store'

export const TREND_MONTHS = 12

interface MonitorState {
  regionCode: string | undefined
  month: string | undefined
  overview: OverviewAnswer | null
  status: LoadStatus
  error: ErrorBody | null
  trendKey: IndicatorKey
  series: SeriesAnswer | null
  seriesStatus: LoadStatus
  occupations: OccupationsAnswer | null
  occupationSort: OccupationSort
  occupationsStatus: LoadStatus
  exporting: boolean
  notice: string | null
  /** Loads the overview (and with it the trend and the occupations) of a region and month; undefined = default. */
  open: (regionCode?: string, month?: string) => Promise<void>
  refresh: () => Promise<void>
  setMonth: (month: string) => Promise<void>
  setTrendKey: (key: IndicatorKey) => Promise<void>
  setOccupationSort: (sort: OccupationSort) => Promise<void>
  exportCsv: () => Promise<void>
  clearNotice: () => void
}

let generation = 0

export const useMonitorStore = create<MonitorState>()((set, get) => {
  const loadSeries = async () => {
    const o = get().overview
    if (!o) return
    set({ seriesStatus: 'loading' })
    const r = await fetchSeries(get().trendKey, o.regionCode, addMonths(o.month, -(TREND_MONTHS - 1)), o.month)
    if (r.ok) set({ series: r.data, seriesStatus: 'ready' })
    else set({ seriesStatus: 'error' })
  }
  const loadOccupations = async () => {
    const o = get().overview
    if (!o) return
    set({ occupationsStatus: 'loading' })
    const r = await fetchOccupations(o.regionCode, o.month, get().occupationSort)
    if (r.ok) set({ occupations: r.data, occupationsStatus: 'ready' })
    else set({ occupationsStatus: 'error' })
  }
  return {
    regionCode: undefined,
    month: undefined,
    overview: null,
    status: 'idle',
    error: null,
    trendKey: 'jobSeekers',
    series: null,
    seriesStatus: 'idle',
    occupations: null,
    occupationSort: 'ratio',
    occupationsStatus: 'idle',
    exporting: false,
    notice: null,
    open: async (regionCode, month) => {
      const g = ++generation
      set({ regionCode, month, status: 'loading', error: null })
      const r = await fetchOverview(regionCode, month)
      if (g !== generation) return
      if (!r.ok) {
        set({ status: 'error', error: r.error })
        return
      }
      set({ overview: r.data, regionCode: r.data.regionCode, month: r.data.month, status: 'ready' })
      await Promise.all([loadSeries(), loadOccupations()])
    },
    refresh: () => get().open(get().regionCode, get().month),
    setMonth: (month) => get().open(get().regionCode, month),
    setTrendKey: async (key) => {
      set({ trendKey: key })
      await loadSeries()
    },
    setOccupationSort: async (sort) => {
      set({ occupationSort: sort })
      await loadOccupations()
    },
    exportCsv: async () => {
      const o = get().overview
      if (!o || get().exporting) return
      set({ exporting: true })
      const r = await exportFigures(o.regionCode, o.month)
      set({ exporting: false, notice: r.ok ? `已导出${r.data.rows}行，文件已保存到云存储` : r.error.message })
    },
    clearNotice: () => set({ notice: null }),
  }
})
