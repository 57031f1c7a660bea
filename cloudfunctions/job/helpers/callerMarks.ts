/** What a signed-in caller sees on a job card beside the posting: applied (with status) and saved. */
import type { ActionContext } from '../../_core/function'
import { statusesFor } from '../repositories/application.repository'
import { favoritedAmong } from '../repositories/favorite.repository'
import { type JobListItem } from './jobView'

/** For a signed-in caller: which of these they applied to or saved. */
export async function decorateForCaller(items: JobListItem[], ctx: ActionContext): Promise<void> {
  const openid = ctx.caller?.openid ?? ctx.openid
  if (!openid || !items.length) return
  const ids = items.map((i) => i.id)
  const [statuses, favs] = await Promise.all([statusesFor(openid, ids), favoritedAmong(openid, ids)])
  for (const i of items) {
    i.applicationStatus = statuses.get(i.id) ?? null
    i.favorited = favs.has(i.id)
  }
}
