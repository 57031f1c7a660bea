/**
 * The records an import writes: `persons` (found by the ID number's blind index `idHash`), `jobs` and `courses`
 * (found by `importKey`, the hash of their natural key). Batched: one lookup and one insert per chunk.
 */
import { db } from '../../_core/app'

export type RecordCollection = 'persons' | 'jobs' | 'courses'
export type Doc = Record<string, unknown> & { _id: string }

const keyField = (c: RecordCollection) => (c === 'persons' ? 'idHash' : 'importKey')

/** Existing records by natural key hash (persons: idHash, jobs/courses: importKey). */
export async function findByKeys(collection: RecordCollection, keys: string[]): Promise<Map<string, Doc>> {
  const out = new Map<string, Doc>()
  if (!keys.length) return out
  const _ = db().command
  const field = keyField(collection)
  // `in` lists of at most 200 (the database's expression limit), 4 queries at a time
  const parts: string[][] = []
  for (let i = 0; i < keys.length; i += 200) parts.push(keys.slice(i, i + 200))
  for (let i = 0; i < parts.length; i += 4) {
    const pages = await Promise.all(
      parts.slice(i, i + 4).map((part) =>
        db()
          .collection(collection)
          .where({ [field]: _.in(part) })
          .limit(part.length)
          .get(),
      ),
    )
    for (const res of pages) for (const d of (res.data as Doc[]) ?? []) out.set(String(d[field]), d)
  }
  return out
}

export async function insertRecords(collection: RecordCollection, docs: Doc[]): Promise<void> {
  if (!docs.length) return
  try {
    await db().collection(collection).add(docs)
  } catch (e) {
    if ((e as { code?: string }).code !== 'DATABASE_DUPLICATE_WRITE') throw e
    // one of them exists already (a chunk processed again after a crash): insert the others one by one
    for (const d of docs) {
      try {
        await db().collection(collection).add(d)
      } catch (err) {
        if ((err as { code?: string }).code !== 'DATABASE_DUPLICATE_WRITE') throw err
      }
    }
  }
}

export async function updateRecords(
  collection: RecordCollection,
  updates: { id: string; fields: Record<string, unknown> }[],
): Promise<void> {
  for (let i = 0; i < updates.length; i += 20) {
    await Promise.all(updates.slice(i, i + 20).map((u) => db().collection(collection).doc(u.id).update(u.fields)))
  }
}

/** A page of records in a region (export), by _id order. */
export async function recordsPage(
  collection: RecordCollection,
  where: Record<string, unknown>,
  afterId: string | null,
  limit: number,
): Promise<Doc[]> {
  const _ = db().command
  const q = afterId ? { ...where, _id: _.gt(afterId) } : where
  const res = await db().collection(collection).where(q).orderBy('_id', 'asc').limit(limit).get()
  return (res.data as Doc[]) ?? []
}

/** A page of records whose `field` is one of `values`, by _id order. */
export async function recordsWhereIn(
  collection: 'visits' | 'applications' | 'training_records',
  field: string,
  values: string[],
  afterId: string | null,
  limit: number,
): Promise<Doc[]> {
  const _ = db().command
  const where: Record<string, unknown> = { [field]: _.in(values) }
  if (afterId) where._id = _.gt(afterId)
  const res = await db().collection(collection).where(where).orderBy('_id', 'asc').limit(limit).get()
  return (res.data as Doc[]) ?? []
}
