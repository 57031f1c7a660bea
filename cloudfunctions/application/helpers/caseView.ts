/** A case as its owner and staff see it in lists (status label, due date, due soon / overdue on the case clock). */
import { APPLICATION_STATUS_LABELS } from '../../../shared/application/status'
import { isDueSoon, isOverdue } from '../../../shared/calendar/caseClock'
import { type ApplicationDoc } from '../repositories/application.repository'

const clockOf = (d: ApplicationDoc) => ({
  dueAtMs: d.dueAtMs ?? Number.POSITIVE_INFINITY,
  stoppedAtMs: d.clockStoppedAtMs ?? null,
  remainingWorkingDays: d.remainingWorkingDays ?? null,
})

/** A case as a list row: status, due date, whether due soon or overdue on its clock. */
export function summaryView(d: ApplicationDoc, nowMs: number) {
  const running = d.status === 'submitted' || d.status === 'underReview'
  return {
    applicationId: d._id,
    kind: d.kind,
    title: d.title,
    policyId: d.policyId ?? null,
    status: d.status,
    statusLabel: APPLICATION_STATUS_LABELS[d.status],
    trackingNo: d.trackingNo ?? null,
    regionCode: d.regionCode,
    submittedAt: d.submittedAt ?? null,
    dueAt: d.dueAt ?? null,
    clockStopped: !!d.clockStoppedAtMs,
    overdue: running && isOverdue(clockOf(d), nowMs),
    dueSoon: running && isDueSoon(clockOf(d), nowMs),
    reviewerOpenid: d.reviewerOpenid ?? null,
    decidedAt: d.decidedAt ?? null,
    onBehalf: !!d.onBehalf,
  }
}
