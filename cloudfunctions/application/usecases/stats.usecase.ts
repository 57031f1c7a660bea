/** stats: decided on time and approval rate, by kind and by region (the department's own regions; admins all). */
import type { InputOf } from '../../../shared/actions/define'
import type { applicationActions } from '../../../shared/actions/application'
import { kindOf } from '../../../shared/application/kinds'
import { cstMidnightMs } from '../../../shared/calendar/chinaTime'
import { type ActionContext, requireCaller } from '../../_core/function'
import { statsRows, type StatsRow } from '../repositories/application.repository'
import { isAdmin } from '../helpers/caseAccess'

const rate = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1000) / 1000 : null)
const sum = (rows: StatsRow[]) =>
  rows.reduce(
    (t, r) => ({
      decided: t.decided + r.decided,
      onTime: t.onTime + r.onTime,
      approved: t.approved + r.approved,
      open: t.open + r.open,
    }),
    { decided: 0, onTime: 0, approved: 0, open: 0 },
  )
const figures = (t: ReturnType<typeof sum>) => ({
  ...t,
  onTimeRate: rate(t.onTime, t.decided),
  approvalRate: rate(t.approved, t.decided),
})

export async function applicationStats(input: InputOf<typeof applicationActions, 'stats'>, ctx: ActionContext) {
  const caller = requireCaller(ctx)
  const rows = await statsRows({
    departmentId: isAdmin(caller) ? undefined : (caller.user.departmentId ?? '__none__'),
    regionCode: input.regionCode,
    fromMs: input.from ? cstMidnightMs(input.from) : undefined,
    toMs: input.to ? cstMidnightMs(input.to) + 86_400_000 : undefined,
  })
  const group = (key: 'kind' | 'regionCode') => {
    const m = new Map<string, StatsRow[]>()
    for (const r of rows) m.set(r[key], [...(m.get(r[key]) ?? []), r])
    return [...m.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, rs]) => ({
        [key]: k,
        ...(key === 'kind' ? { title: kindOf(k)?.title ?? k } : {}),
        ...figures(sum(rs)),
      }))
  }
  return { totals: figures(sum(rows)), byKind: group('kind'), byRegion: group('regionCode') }
}
