/** monitor.occupations: postings (headcount wanted), seekers and 求人倍率 by occupation, with the shortage ranking. */
import type { InputOf } from '../../../shared/actions/define'
import type { monitorActions } from '../../../shared/actions/monitor'
import { AppError } from '../../../shared/errors'
import { type OccupationCounts, type OccupationRow, ratio, shortageRanking } from '../../../shared/monitor/indicators'
import type { OccupationsAnswer } from '../../../shared/monitor/views'
import { occupationName } from '../../../shared/occupations/occupations'
import { DEFAULT_PAGE_SIZE } from '../../../shared/actions/common'
import type { ActionContext } from '../../_core/function'
import { resolveRegion } from '../services/scope.service'
import { regionView } from '../services/view.service'

type Input = InputOf<typeof monitorActions, 'occupations'>

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
export const sortedOccupationRows = (
  o: OccupationCounts,
  sort: NonNullable<Input['sort']> = 'ratio',
): OccupationRow[] => occupationRows(o).sort(SORTS[sort])

const desc = (a: number | null, b: number | null) => (b ?? -1) - (a ?? -1)
const SORTS: Record<NonNullable<Input['sort']>, (a: OccupationRow, b: OccupationRow) => number> = {
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

export async function occupations(input: Input, ctx: ActionContext): Promise<OccupationsAnswer> {
  const region = await resolveRegion(ctx, input.regionCode)
  const view = await regionView(region, input.month, undefined, ctx.now(), { children: false })
  const rows = sortedOccupationRows(view.occupations, input.sort ?? 'ratio')
  const offset = input.cursor ? Number(input.cursor) : 0
  if (!Number.isInteger(offset) || offset < 0) throw new AppError('VALIDATION_FAILED', '分页参数不正确')
  const size = input.pageSize ?? DEFAULT_PAGE_SIZE
  const items = rows.slice(offset, offset + size)
  return {
    regionCode: region.code,
    month: view.month,
    items,
    nextCursor: offset + size < rows.length ? String(offset + size) : null,
    shortage: shortageRanking(rows),
  }
}
