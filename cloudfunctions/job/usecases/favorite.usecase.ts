/** Favourites: save or unsave a posting; list my saved postings (newest saved first). */
import { AppError } from '../../../shared/errors'
import type { Page } from '../../../shared/actions/common'
import { requireCaller, type ActionContext } from '../../_core/function'
import { decodeCursor, encodeCursor, pageSizeOf } from '../../_core/paging'
import { findJob, findJobsByIds, type Keyset } from '../repositories/job.repository'
import { listFavorites, setFavorite } from '../repositories/favorite.repository'
import { toListItem, type JobListItem } from '../helpers/jobView'
import { toIsoCst } from '../../../shared/calendar/chinaTime'

export async function favoriteJob(
  input: { id: string; on: boolean },
  ctx: ActionContext,
): Promise<{ id: string; favorited: boolean }> {
  const caller = requireCaller(ctx)
  if (input.on && !(await findJob(input.id))) throw new AppError('NOT_FOUND', '岗位不存在或已删除')
  const now = ctx.now()
  await setFavorite(caller.openid, input.id, input.on, toIsoCst(now), now.getTime())
  return { id: input.id, favorited: input.on }
}

const isKeyset = (v: unknown): v is Keyset =>
  !!v && typeof (v as Keyset).k === 'number' && typeof (v as Keyset).id === 'string'

export async function myFavorites(
  input: { cursor?: string; pageSize?: number },
  ctx: ActionContext,
): Promise<Page<JobListItem & { favoritedAt: string }>> {
  const caller = requireCaller(ctx)
  const size = pageSizeOf(input.pageSize)
  const favs = await listFavorites(caller.openid, decodeCursor(input.cursor, isKeyset), size + 1)
  const page = favs.slice(0, size)
  const jobs = new Map((await findJobsByIds(page.map((f) => f.jobId))).map((j) => [j._id, j]))
  const nowMs = ctx.now().getTime()
  const items = page.flatMap((f) => {
    const j = jobs.get(f.jobId)
    return j ? [{ ...toListItem(j, nowMs), favorited: true, favoritedAt: f.createdAt }] : []
  })
  const last = page[page.length - 1]
  return { items, nextCursor: favs.length > size && last ? encodeCursor({ k: last.createdAtMs, id: last._id }) : null }
}
