/** What a signed-in caller sees on a job card beside the posting: applied (with status) and saved. */
import type { ActionContext } from '../../_core/function'
import { statusesFor } from '../repositories/application.repository'
import { favoritedAmong } from '../repositories/favorite.repository'
import { marksAmong } from '../repositories/marks.repository'
import { type JobListItem } from './jobView'

/** For a signed-in caller: which of these they applied to or saved (one round trip for both). */
export async function decorateForCaller(items: JobListItem[], ctx: ActionContext): Promise<void> {
  const openid = ctx.caller?.openid ?? ctx.openid
  if (!openid || !items.length) return
  const ids = items.map((i) => i.id)
  const marks = (await marksAmong(openid, ids)) ?? {
    // no user record yet (an openid-only read): the two reads on their own
    statuses: await statusesFor(openid, ids),
    saved: await favoritedAmong(openid, ids),
  }
  for (const i of items) {
    i.applicationStatus = marks.statuses.get(i.id) ?? null
    i.favorited = marks.saved.has(i.id)
  }
}
