/**
 * 三率 (response, resolution, satisfaction) and the on-time rate, computed from feedback records. Pure.
 *
 * - responseRate (响应率): items accepted (受理) by their acceptance deadline / items published
 * - resolutionRate (解决率): items resolved or closed / items published
 * - satisfactionRate (满意率): ratings of 4 or 5 / items rated
 * - onTimeRate (按期答复率): items first answered by their answer deadline / items whose answer is due
 *   (answered, or past the deadline without an answer)
 * A rate is null when its denominator is 0. Rates are ratios in [0, 1], rounded to 4 decimals.
 */
import { SATISFIED_MIN_SCORE } from './rules'
import type { FeedbackStatus } from './status'

export interface StatsRecord {
  departmentId: string | null
  status: FeedbackStatus
  acceptDueAtMs: number
  firstAcceptedAtMs?: number | null
  dueAtMs: number
  firstRepliedAtMs?: number | null
  score?: number | null
}

export interface RateFigures {
  total: number
  responded: number
  resolved: number
  rated: number
  satisfied: number
  due: number
  onTime: number
  responseRate: number | null
  resolutionRate: number | null
  satisfactionRate: number | null
  onTimeRate: number | null
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : Math.round((a / b) * 10000) / 10000)

export function computeRates(records: readonly StatsRecord[], nowMs: number): RateFigures {
  let total = 0,
    responded = 0,
    resolved = 0,
    rated = 0,
    satisfied = 0,
    due = 0,
    onTime = 0
  for (const r of records) {
    if (r.status === 'pendingReview' || r.status === 'rejected') continue
    total++
    if (r.firstAcceptedAtMs != null && r.firstAcceptedAtMs <= r.acceptDueAtMs) responded++
    if (r.status === 'resolved' || r.status === 'closed') resolved++
    if (typeof r.score === 'number') {
      rated++
      if (r.score >= SATISFIED_MIN_SCORE) satisfied++
    }
    if (r.firstRepliedAtMs != null) {
      due++
      if (r.firstRepliedAtMs <= r.dueAtMs) onTime++
    } else if (nowMs > r.dueAtMs) {
      due++
    }
  }
  return {
    total,
    responded,
    resolved,
    rated,
    satisfied,
    due,
    onTime,
    responseRate: ratio(responded, total),
    resolutionRate: ratio(resolved, total),
    satisfactionRate: ratio(satisfied, rated),
    onTimeRate: ratio(onTime, due),
  }
}

/** Groups records by department and computes the rates of each group. */
export function ratesByDepartment(records: readonly StatsRecord[], nowMs: number): Map<string | null, RateFigures> {
  const groups = new Map<string | null, StatsRecord[]>()
  for (const r of records) {
    const g = groups.get(r.departmentId) ?? []
    g.push(r)
    groups.set(r.departmentId, g)
  }
  const out = new Map<string | null, RateFigures>()
  for (const [k, g] of groups) out.set(k, computeRates(g, nowMs))
  return out
}
