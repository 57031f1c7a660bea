/**
 * inbox: a handler's department (an admin: every department, or one by departmentId). Views: 'open' (default:
 * awaiting a reply, earliest answer deadline first, so overdue items lead), 'replied' (awaiting resolution),
 * 'done', 'all'; filters by status, category and overdue.
 */
import type { InputOf } from '../../../shared/actions/define'
import type { feedbackActions } from '../../../shared/actions/feedback'
import { AppError } from '../../../shared/errors'
import { AWAITING_REPLY, STAFF_VISIBLE, type FeedbackStatus } from '../../../shared/feedback/status'
import { decodeCursor, encodeCursor, pageSizeOf } from '../../_core/paging'
import { type ActionContext, requireCaller } from '../../_core/function'
import { type InboxQuery, listInbox } from '../repositories/feedback.repository'
import { isAdmin } from '../helpers/feedbackAccess'
import { staffListItem } from '../helpers/feedbackView'
import { isKeysetCursor } from '../helpers/keysetCursor'

const VIEWS: Record<'open' | 'replied' | 'done' | 'all', readonly FeedbackStatus[]> = {
  open: AWAITING_REPLY,
  replied: ['replied'],
  done: ['resolved', 'closed'],
  all: STAFF_VISIBLE,
}

export async function feedbackInbox(input: InputOf<typeof feedbackActions, 'inbox'>, ctx: ActionContext) {
  const caller = requireCaller(ctx)
  const after = decodeCursor(input.cursor, isKeysetCursor)
  const size = pageSizeOf(input.pageSize)
  const nowMs = ctx.now().getTime()

  let departmentId: string | null | undefined
  if (isAdmin(caller)) departmentId = input.departmentId
  else {
    const own = caller.user.departmentId ?? null
    if (input.departmentId && input.departmentId !== own) throw new AppError('FORBIDDEN', '只能查看本部门的反馈')
    if (!own) return { items: [], nextCursor: null }
    departmentId = own
  }

  const viewSet = VIEWS[input.view ?? 'open']
  let statuses: readonly FeedbackStatus[] = input.status ? viewSet.filter((s) => s === input.status) : viewSet
  const q: InboxQuery = { departmentId, statuses, category: input.category }
  if (input.overdue === true) {
    statuses = statuses.filter((s) => AWAITING_REPLY.includes(s))
    q.statuses = statuses
    q.dueBeforeMs = nowMs
  } else if (input.overdue === false) {
    q.dueFromMs = nowMs
  }
  if (statuses.length === 0) return { items: [], nextCursor: null }

  const docs = await listInbox(q, size + 1, after)
  const page = docs.slice(0, size)
  const last = page[page.length - 1]
  return {
    items: page.map((d) => staffListItem(d, nowMs)),
    nextCursor: docs.length > size && last ? encodeCursor({ k: last.dueAtMs, id: last._id }) : null,
  }
}
