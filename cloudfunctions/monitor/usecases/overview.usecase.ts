/** monitor.overview: a region's indicators for a month with last month's values, its children and the policy funnel. */
import type { InputOf } from '../../../shared/actions/define'
import type { monitorActions } from '../../../shared/actions/monitor'
import type { OverviewAnswer } from '../../../shared/monitor/views'
import type { ActionContext } from '../../_core/function'
import { resolveScope } from '../services/scope.service'
import { breadcrumbsOf, regionView } from '../services/view.service'
import { overviewAnswer } from '../helpers/overviewAnswer'

type Input = InputOf<typeof monitorActions, 'overview'>

export async function overview(input: Input, ctx: ActionContext): Promise<OverviewAnswer> {
  const { region, roots } = await resolveScope(ctx, input.regionCode)
  const [view, crumbs] = await Promise.all([
    regionView(region, input.month, input.source, ctx.now()),
    breadcrumbsOf(region, roots),
  ])
  return overviewAnswer(view, crumbs)
}
