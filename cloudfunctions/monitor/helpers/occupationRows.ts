/** Occupation rows of a region and the dashboard's sorts: shared by monitor.occupations and monitor.export. */
import type { InputOf } from '../../../shared/actions/define'
import type { monitorActions } from '../../../shared/actions/monitor'
import { type OccupationCounts, type OccupationRow, ratio } from '../../../shared/monitor/indicators'
import { occupationName } from '../../../shared/occupations/occupations'

export type OccupationSort = NonNullable<InputOf<typeof monitorActions, 'occupations'>['sort']>

export function occupationRows(o: OccupationCounts): OccupationRow[] {
  return Object.entries(o).map(([code, v]) => ({
    occupationCode: code,
    occupationName: occupationName(code),
    postings: v.postings,
    seekers: v.seekers,
    ratio: ratio(v.postings, v.seekers),
  }))
}

/** The occupation rows of a region sorted as the dashboard sorts them (default: 求人倍率, highest first). */
export const sortedOccupationRows = (o: OccupationCounts, sort: OccupationSort = 'ratio'): OccupationRow[] =>
  occupationRows(o).sort(SORTS[sort])

const desc = (a: number | null, b: number | null) => (b ?? -1) - (a ?? -1)
const SORTS: Record<OccupationSort, (a: OccupationRow, b: OccupationRow) => number> = {
  ratio: (a, b) =>
    desc(
      a.ratio === null && (a.postings ?? 0) > 0 ? Number.MAX_SAFE_INTEGER : a.ratio,
      b.ratio === null && (b.postings ?? 0) > 0 ? Number.MAX_SAFE_INTEGER : b.ratio,
    ) ||
    desc(a.postings, b.postings) ||
    a.occupationCode.localeCompare(b.occupationCode),
  postings: (a, b) => desc(a.postings, b.postings) || a.occupationCode.localeCompare(b.occupationCode),
  seekers: (a, b) => b.seekers - a.seekers || a.occupationCode.localeCompare(b.occupationCode),
  code: (a, b) => a.occupationCode.localeCompare(b.occupationCode),
}
