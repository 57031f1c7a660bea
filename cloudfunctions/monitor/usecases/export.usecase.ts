/**
 * monitor.export: what the dashboard shows for a region and month as a CSV file: its indicators and its children's,
 * the policy funnel, 政策消息送达, training by occupation and the occupation table (by 求人倍率).
 */
import type { InputOf } from '../../../shared/actions/define'
import type { monitorActions } from '../../../shared/actions/monitor'
import { monitorCsv } from '../../../shared/monitor/format'
import type { ExportAnswer } from '../../../shared/monitor/views'
import type { ActionContext } from '../../_core/function'
import { uploadExport } from '../repositories/exportFile.repository'
import { resolveScope } from '../services/scope.service'
import { breadcrumbsOf, regionView } from '../services/view.service'
import { overviewAnswer } from '../helpers/overviewAnswer'
import { sortedOccupationRows } from '../helpers/occupationRows'

type Input = InputOf<typeof monitorActions, 'export'>

export async function exportFigures(input: Input, ctx: ActionContext): Promise<ExportAnswer> {
  const { region, roots } = await resolveScope(ctx, input.regionCode)
  const [view, crumbs] = await Promise.all([
    regionView(region, input.month, undefined, ctx.now()),
    breadcrumbsOf(region, roots),
  ])
  const { csv, rows } = monitorCsv(overviewAnswer(view, crumbs), sortedOccupationRows(view.occupations))
  const fileID = await uploadExport(
    `monitor-exports/${view.month}/${region.code}-${ctx.requestId.replace(/[^\w-]/g, '')}.csv`,
    csv,
  )
  return { fileID, rows }
}
