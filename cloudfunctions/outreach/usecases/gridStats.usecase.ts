/** outreach.gridStats: coverage (visited / assigned), overdue count and this month's outcomes for the worker's grids. */
import type { InputOf } from '../../../shared/actions/define'
import { VISIT_OUTCOMES, type outreachActions, type VisitOutcome } from '../../../shared/actions/outreach'
import type { GridStats } from '../../../shared/outreach/types'
import { type ActionContext, requireCaller } from '../../_core/function'
import { loadGridEntries } from '../services/gridEntries.service'
import { scopeGrids } from '../services/gridScope.service'
import { cstMonthStartMs, toIsoCst } from '../../../shared/calendar/chinaTime'

type Input = InputOf<typeof outreachActions, 'gridStats'>

export async function gridStats(input: Input, ctx: ActionContext): Promise<GridStats> {
  const caller = requireCaller(ctx)
  const grids = await scopeGrids(caller, input.gridCode)
  const nowMs = ctx.now().getTime()
  const monthStart = cstMonthStartMs(nowMs)
  const { entries, visits } = await loadGridEntries(grids, nowMs)
  const monthVisits = visits.filter((v) => v.visitedAtMs >= monthStart && v.visitedAtMs <= nowMs)
  const outcomes = Object.fromEntries(VISIT_OUTCOMES.map((o) => [o, 0])) as Record<VisitOutcome, number>
  for (const v of monthVisits) outcomes[v.outcome]++
  const visited = new Set(monthVisits.map((v) => v.personId))
  // Assigned this month: on the list now, or taken off it by a visit this month.
  const assigned = new Set([...entries.map((e) => e.personId), ...visited])
  return {
    gridCodes: grids,
    month: toIsoCst(nowMs).slice(0, 7),
    assigned: assigned.size,
    visitedPersons: visited.size,
    coverage: assigned.size ? Math.round((visited.size / assigned.size) * 1000) / 1000 : 0,
    visits: monthVisits.length,
    overdue: entries.filter((e) => e.stage === 'overdue' || e.stage === 'escalated').length,
    escalated: entries.filter((e) => e.stage === 'escalated').length,
    outcomes,
  }
}
