/**
 * Reading postings newest first through the day-partitioned search keys (shared/job/searchKeys.ts): the most
 * recent buckets first, the window doubling (2, 4, 8 … buckets) only while the page is not full. Within a
 * window the database orders by (postedAtMs, _id) with a keyset, and windows never overlap, so the order is
 * global and paging has no duplicates or gaps.
 */
import { bucketOf, DAY_MS, MAX_POSTING_AGE_DAYS, unitOf, windowKeys } from '../../../shared/job/searchKeys'
import type { JobDoc } from '../../../shared/job/types'
import { findJobsPage, LIST_PROJECTION, type JobFilter, type Keyset, type SortField } from '../repositories/job.repository'

/**
 * Up to `need` postings matching `filter` whose search keys include one of `terms` (all of one unit), newest
 * first, after the keyset. `keep` is an extra in-function test (e.g. the exact radius).
 */
export async function walkNewest(
  filter: JobFilter, terms: string[], after: Keyset | null, need: number, keep: (d: JobDoc) => boolean = () => true,
  projection: Record<string, boolean> = LIST_PROJECTION,
): Promise<JobDoc[]> {
  const unit = unitOf(terms[0])
  const newest = bucketOf(terms[0], filter.nowMs) + 1 // a little clock skew must not hide a fresh posting
  const oldest = bucketOf(terms[0], filter.nowMs - MAX_POSTING_AGE_DAYS * DAY_MS)
  const out: JobDoc[] = []
  let hi = after ? Math.min(newest, bucketOf(terms[0], after.k)) : newest
  let span = 2
  let keyset = after
  while (hi >= oldest && out.length < need) {
    const lo = Math.max(oldest, hi - span + 1)
    const leadKeys = windowKeys(terms, hi, lo)
    for (;;) {
      const want = need - out.length
      const ask = Math.max(want, 10)
      const batch = await findJobsPage({ ...filter, leadKeys }, 'postedAtMs', keyset, ask, projection)
      for (const d of batch) if (out.length < need && keep(d)) out.push(d)
      if (batch.length < ask || out.length >= need) break
      const last = batch[batch.length - 1]
      keyset = { k: last.postedAtMs, id: last._id }
    }
    keyset = null
    hi = lo - 1
    span = Math.min(span * 2, unit === 'hour' ? 4096 : 512)
  }
  return out
}

/** One ordered query over every bucket of the terms (salary order, or a bounded area), keyset paged. */
export async function scanOrdered(
  filter: JobFilter, leadKeys: string[] | undefined, sort: SortField, after: Keyset | null, need: number, keep: (d: JobDoc) => boolean = () => true,
): Promise<JobDoc[]> {
  const out: JobDoc[] = []
  let keyset = after
  for (;;) {
    const ask = Math.max(need - out.length, 20)
    const batch = await findJobsPage({ ...filter, leadKeys }, sort, keyset, ask)
    for (const d of batch) if (out.length < need && keep(d)) out.push(d)
    if (batch.length < ask || out.length >= need) return out
    const last = batch[batch.length - 1]
    keyset = { k: last[sort] as number, id: last._id }
  }
}
