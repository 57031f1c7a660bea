/**
 * Counts of the offline visit queue read straight from storage, without loading the queue (and its zod schema):
 * for the home page, which lives in the mini-program's main package where every kilobyte counts.
 */
export const VISIT_QUEUE_KEY = 'outreach.visitQueue'

export function summarizeStoredQueue(raw: string | null | undefined): {
  pending: number
  failed: number
  synced: number
} {
  const out = { pending: 0, failed: 0, synced: 0 }
  if (!raw) return out
  try {
    const list = JSON.parse(raw) as { state?: string }[]
    if (!Array.isArray(list)) return out
    for (const i of list)
      if (i && (i.state === 'pending' || i.state === 'failed' || i.state === 'synced')) out[i.state]++
  } catch {
    // unreadable: nothing to show
  }
  return out
}
