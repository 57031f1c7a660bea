/**
 * Inserts whose `_id` (or a unique index) makes a second write a no-op: the one place that knows how
 * CloudBase reports "already there" (error code DATABASE_DUPLICATE_WRITE).
 */
import { db } from './app'

/** True when `e` is the database refusing a write because the `_id` or a unique key already exists. */
export const isDuplicateWrite = (e: unknown): boolean =>
  (e as { code?: string } | null | undefined)?.code === 'DATABASE_DUPLICATE_WRITE'

/** Adds `doc` to `collection`; true when inserted, false when a document with the same key was already there. */
export async function insertOnce(collection: string, doc: object): Promise<boolean> {
  try {
    await db().collection(collection).add(doc)
    return true
  } catch (e) {
    if (isDuplicateWrite(e)) return false
    throw e
  }
}
