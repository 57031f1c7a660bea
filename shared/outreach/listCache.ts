/**
 * The phone's copy of the visit list and the persons' details needed offline (pure; storage adapter as in
 * syncQueue). Saved after every successful load; read when the network is gone, with its age shown.
 */
import type { QueueStorage } from './syncQueue'
import type { OutreachListItem } from './types'

export interface CachedList {
  items: OutreachListItem[]
  fetchedAtMs: number
}

export const LIST_CACHE_KEY = 'outreach.listCache'
/** At most this many persons are kept on the phone. */
export const MAX_CACHED_ITEMS = 500

export async function saveListCache(
  storage: QueueStorage,
  items: OutreachListItem[],
  nowMs: number,
  key = LIST_CACHE_KEY,
): Promise<void> {
  const value: CachedList = { items: items.slice(0, MAX_CACHED_ITEMS), fetchedAtMs: nowMs }
  await storage.setItem(key, JSON.stringify(value))
}

export async function readListCache(storage: QueueStorage, key = LIST_CACHE_KEY): Promise<CachedList | null> {
  const raw = await storage.getItem(key)
  if (!raw) return null
  try {
    const v = JSON.parse(raw) as CachedList
    return Array.isArray(v?.items) && typeof v.fetchedAtMs === 'number' ? v : null
  } catch {
    return null
  }
}

/** One cached person's entry, for the person page offline. */
export async function readCachedPerson(
  storage: QueueStorage,
  personId: string,
  key = LIST_CACHE_KEY,
): Promise<OutreachListItem | null> {
  return (await readListCache(storage, key))?.items.find((i) => i.personId === personId) ?? null
}
