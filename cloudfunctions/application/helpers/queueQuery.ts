/** The repository query behind each review queue, for the caller's department (admins: every department). */
import type { InputOf } from '../../../shared/actions/define'
import type { applicationActions } from '../../../shared/actions/application'
import type { ApplicationStatus } from '../../../shared/application/status'
import { dueSoonBefore } from '../../../shared/calendar/caseClock'
import type { WorkingCalendar } from '../../../shared/calendar/holidayCalendar'
import { type Caller } from '../../_core/function'
import { type QueueQuery } from '../repositories/application.repository'
import { isAdmin } from './caseAccess'

export type QueueInput = Pick<InputOf<typeof applicationActions, 'queue'>, 'view' | 'kind' | 'regionCode'>

/** The repository query of a review queue (unassigned, mine, due soon, overdue, done) for this caller's department. */
export function queueQueryOf(input: QueueInput, caller: Caller, nowMs: number, cal?: WorkingCalendar): QueueQuery {
  const departmentId = isAdmin(caller) ? null : (caller.user.departmentId ?? '__none__')
  const open: ApplicationStatus[] = ['submitted', 'underReview']
  const base = { departmentId, kind: input.kind, regionCode: input.regionCode }
  switch (input.view) {
    case 'unassigned':
      return { ...base, statuses: ['submitted'], reviewerOpenid: null, order: 'due' }
    case 'mine':
      return { ...base, statuses: ['underReview', 'correctionRequested'], reviewerOpenid: caller.openid, order: 'due' }
    case 'dueSoon':
      return { ...base, statuses: open, dueAfterMs: nowMs, dueBeforeMs: dueSoonBefore(nowMs, 2, cal), order: 'due' }
    case 'overdue':
      return { ...base, statuses: open, dueBeforeMs: nowMs - 1, order: 'due' }
    case 'done':
      return { ...base, statuses: ['approved', 'refused'], order: 'decided' }
  }
}
