/** The `favorites` collection: _id = `${openid}:${jobId}`. */
import { db } from '../../_core/app'
import type { Keyset } from './job.repository'

export interface FavoriteDoc {
  _id: string
  openid: string
  jobId: string
  createdAt: string
  createdAtMs: number
}

const col = () => db().collection('favorites')
export const favId = (openid: string, jobId: string) => `${openid}:${jobId}`

export async function setFavorite(openid: string, jobId: string, on: boolean, at: string, atMs: number): Promise<void> {
  if (on) await col().doc(favId(openid, jobId)).set({ openid, jobId, createdAt: at, createdAtMs: atMs })
  else await col().doc(favId(openid, jobId)).remove()
}

export async function favoritedAmong(openid: string, jobIds: string[]): Promise<Set<string>> {
  if (!jobIds.length) return new Set()
  const _ = db().command
  const res = await col()
    .where({ _id: _.in(jobIds.map((j) => favId(openid, j))) })
    .limit(jobIds.length)
    .field({ jobId: true })
    .get()
  return new Set((res.data as { jobId: string }[]).map((f) => f.jobId))
}

export async function listFavorites(openid: string, after: Keyset | null, limit: number): Promise<FavoriteDoc[]> {
  const _ = db().command
  const c: object[] = [{ openid }]
  if (after) c.push(_.or([{ createdAtMs: _.lt(after.k) }, { createdAtMs: after.k, _id: _.lt(after.id) }]))
  const res = await col().where(_.and(c)).orderBy('createdAtMs', 'desc').orderBy('_id', 'desc').limit(limit).get()
  return res.data as FavoriteDoc[]
}
