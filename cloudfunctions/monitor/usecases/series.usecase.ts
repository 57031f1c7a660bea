/** monitor.series: one indicator of one region month by month (null for a month without a snapshot). */
import type { InputOf } from '../../../shared/actions/define'
import type { monitorActions } from '../../../shared/actions/monitor'
import { AppError } from '../../../shared/errors'
import { cstMonthOf, type IndicatorKey, indicatorOf, monthsBetween } from '../../../shared/monitor/indicators'
import type { SeriesAnswer } from '../../../shared/monitor/views'
import type { ActionContext } from '../../_core/function'
import { seriesOf } from '../repositories/snapshot.repository'
import { resolveRegion } from '../services/scope.service'

type Input = InputOf<typeof monitorActions, 'series'>
export const MAX_SERIES_MONTHS = 36

export async function series(input: Input, ctx: ActionContext): Promise<SeriesAnswer> {
  const months = monthsBetween(input.from, input.to, MAX_SERIES_MONTHS + 1)
  if (months.length > MAX_SERIES_MONTHS) throw new AppError('VALIDATION_FAILED', `一次最多查询${MAX_SERIES_MONTHS}个月`)
  const region = await resolveRegion(ctx, input.regionCode)
  const def = indicatorOf(input.key)
  if (!def) throw new AppError('VALIDATION_FAILED', '未知的指标')
  const current = cstMonthOf(ctx.now().getTime())
  const docs = await seriesOf(region.code, input.from, input.to)
  const byMonth = new Map(docs.map((d) => [d.month, d.values[input.key as IndicatorKey] ?? null]))
  return {
    key: input.key as IndicatorKey,
    regionCode: region.code,
    unit: def.unit,
    points: months.filter((m) => m <= current).map((month) => ({ month, value: byMonth.get(month) ?? null })),
  }
}
