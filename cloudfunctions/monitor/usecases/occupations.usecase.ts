/** monitor.occupations: postings (headcount wanted), seekers and 求人倍率 by occupation, with the shortage ranking. */
import type { InputOf } from '../../../shared/actions/define'
import type { monitorActions } from '../../../shared/actions/monitor'
import { AppError } from '../../../shared/errors'
import { shortageRanking } from '../../../shared/monitor/indicators'
import type { OccupationsAnswer } from '../../../shared/monitor/views'
import { DEFAULT_PAGE_SIZE } from '../../../shared/actions/common'
import type { ActionContext } from '../../_core/function'
import { resolveRegion } from '../services/scope.service'
import { regionView } from '../services/view.service'
import { sortedOccupationRows } from '../helpers/occupationRows'

type Input = InputOf<typeof monitorActions, 'occupations'>

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
