/**
 * My applications with their status history, and the "were you hired?" follow-up: asked from
 * FOLLOW_UP_DAYS after applying while the application is still open; the answer is stored as the outcome
 * (and a hire marks the person's facts changed, so policies re-evaluate them).
 */
import type { Page } from '../../../shared/actions/common'
import { requireCaller, type ActionContext } from '../../_core/function'
import { decodeCursor, encodeCursor, pageSizeOf } from '../../_core/paging'
import { markPersonFactsChanged } from '../../_core/personEvents'
import type { Keyset } from '../repositories/job.repository'
import type { MyApplicationItem } from '../../../shared/job/views'
import { findMyApplication, toMyItem } from '../helpers/myApplicationItem'
import { listApplicationsBy, setOutcome } from '../repositories/application.repository'
import { toIsoCst } from '../../../shared/calendar/chinaTime'

const isKeyset = (v: unknown): v is Keyset =>
  !!v && typeof (v as Keyset).k === 'number' && typeof (v as Keyset).id === 'string'

export async function myApplications(
  input: { cursor?: string; pageSize?: number },
  ctx: ActionContext,
): Promise<Page<MyApplicationItem>> {
  const caller = requireCaller(ctx)
  const size = pageSizeOf(input.pageSize)
  const rows = await listApplicationsBy('openid', caller.openid, decodeCursor(input.cursor, isKeyset), size + 1)
  const page = rows.slice(0, size)
  const nowMs = ctx.now().getTime()
  const last = page[page.length - 1]
  return {
    items: page.map((a) => toMyItem(a, nowMs)),
    nextCursor: rows.length > size && last ? encodeCursor({ k: last.createdAtMs, id: last._id }) : null,
  }
}

export async function reportOutcome(
  input: { applicationId: string; hired: boolean },
  ctx: ActionContext,
): Promise<MyApplicationItem> {
  const caller = requireCaller(ctx)
  const app = await findMyApplication(caller.openid, input.applicationId)
  const now = ctx.now()
  const at = toIsoCst(now)
  const outcome = { hired: input.hired, at }
  await setOutcome(app._id, outcome, at, now.getTime())
  if (input.hired && caller.user.personId) await markPersonFactsChanged(caller.user.personId, now)
  return toMyItem({ ...app, outcome, updatedAt: at, updatedAtMs: now.getTime() }, now.getTime())
}
