/** stats (public): 三率 and the on-time rate by department for a month, computed from the records. */
import type { InputOf } from '../../../shared/actions/define'
import type { feedbackActions } from '../../../shared/actions/feedback'
import { serviceStandards } from '../../../shared/feedback/rules'
import { computeRates, ratesByDepartment, type StatsRecord } from '../../../shared/feedback/stats'
import type { ActionContext } from '../../_core/function'
import { deadlineRules } from '../config'
import { listDepartmentsByIds } from '../repositories/department.repository'
import { listForStats } from '../repositories/feedback.repository'
import { cstDateOf, toIsoCst } from '../../../shared/calendar/chinaTime'

export async function feedbackStats(input: InputOf<typeof feedbackActions, 'stats'>, ctx: ActionContext) {
  const now = ctx.now()
  const month = input.month ?? cstDateOf(now).slice(0, 7)
  const rows = await listForStats(month, input.departmentId)
  const records: StatsRecord[] = rows.map((r) => ({
    departmentId: r.departmentId,
    status: r.status,
    acceptDueAtMs: r.acceptDueAtMs,
    firstAcceptedAtMs: r.firstAcceptedAtMs,
    dueAtMs: r.firstReplyDueAtMs ?? r.dueAtMs,
    firstRepliedAtMs: r.firstRepliedAtMs,
    score: r.rating?.score ?? null,
  }))
  const byDept = ratesByDepartment(records, now.getTime())
  const ids = [...byDept.keys()].filter((k): k is string => k !== null)
  const names = new Map((await listDepartmentsByIds(ids)).map((d) => [d._id, d.name]))
  const departments = [...byDept.entries()]
    .map(([departmentId, figures]) => ({
      departmentId,
      departmentName: departmentId === null ? '待分派' : (names.get(departmentId) ?? departmentId),
      ...figures,
    }))
    .filter((d) => d.total > 0)
    .sort((a, b) => b.total - a.total || String(a.departmentId).localeCompare(String(b.departmentId)))
  return {
    month,
    overall: computeRates(records, now.getTime()),
    departments,
    standards: serviceStandards(deadlineRules()),
    generatedAt: toIsoCst(now),
  }
}
