/** The rekey job's reads and writes: persons in `_id` order, and its checkpoint in `privacy_jobs`. */
import { db } from '../../_core/app'

export interface RekeyCheckpoint {
  _id: 'rekey'
  lastId: string
  resealed: number
  scanned: number
  finishedAt: string | null
}

export async function getCheckpoint(): Promise<RekeyCheckpoint | null> {
  const res = await db().collection('privacy_jobs').doc('rekey').get()
  return ((res.data as RekeyCheckpoint[]) ?? [])[0] ?? null
}

export async function saveCheckpoint(c: RekeyCheckpoint): Promise<void> {
  await db()
    .collection('privacy_jobs')
    .doc('rekey')
    .set({ lastId: c.lastId, resealed: c.resealed, scanned: c.scanned, finishedAt: c.finishedAt })
}

export async function personsAfter(lastId: string, limit: number): Promise<Record<string, unknown>[]> {
  const _ = db().command
  const res = await db()
    .collection('persons')
    .where({ _id: _.gt(lastId) })
    .orderBy('_id', 'asc')
    .limit(limit)
    .get()
  return res.data as Record<string, unknown>[]
}

export async function updatePerson(id: string, patch: Record<string, unknown>): Promise<void> {
  await db().collection('persons').doc(id).update(patch)
}
