/**
 * Reading postings newest first through the day-partitioned search keys (shared/job/searchKeys.ts): the most
 * recent buckets first, the window growing fourfold (2, 8, 32 … buckets) only while the page is not full. Within a
 * window the database orders by (postedAtMs, _id) with a keyset, and windows never overlap, so the order is
 * global and paging has no duplicates or gaps.
 */
import {
  bandKey,
  bandOf,
  bucketOf,
  dayKey,
  DAY_MS,
  HIGH_BAND,
  MAX_BAND,
  MAX_POSTING_AGE_DAYS,
  windowKeys,
} from '../../../shared/job/searchKeys'
import type { JobDoc } from '../../../shared/job/types'
import {
  findJobsPage,
  LIST_PROJECTION,
  type PostingConditions,
  type Keyset,
  type SortField,
} from '../repositories/job.repository'

/** At most this many keys in one `in` (databases bound the size of a query's expression). */
const MAX_KEYS = 240

/**
 * Up to `need` postings matching `filter` whose search keys include one of `terms`, in `field` order (newest or
 * highest pay first), after the keyset. Buckets are days (hours for `*`) or salary bands; the first window
 * holds 2 buckets and each next one 4× more, so a rare term costs a handful of reads and a common one one.
 * `keep` is an extra in-function test (e.g. the exact radius).
 */
export async function walk(
  filter: PostingConditions,
  terms: string[],
  field: SortField,
  after: Keyset | null,
  need: number,
  keep: (d: JobDoc) => boolean = () => true,
  projection: Record<string, boolean> = LIST_PROJECTION,
  /** Stop early once this holds (e.g. every source of a combined walk has its share). */
  enough: () => boolean = () => false,
): Promise<JobDoc[]> {
  const byPay = field === 'salaryMonthlyMax'
  const bucket = (v: number) => (byPay ? bandOf(v) : bucketOf(terms[0], v))
  const top = byPay ? MAX_BAND : bucketOf(terms[0], filter.nowMs) + 1 // a little clock skew must not hide a fresh posting
  const bottom = byPay ? 0 : bucketOf(terms[0], filter.nowMs - MAX_POSTING_AGE_DAYS * DAY_MS)
  const key = byPay ? bandKey : dayKey
  const out: JobDoc[] = []
  let hi = after ? Math.min(top, bucket(after.k)) : top
  // at most MAX_KEYS keys in one `in` (databases bound the size of a query's expression)
  const maxSpan = Math.max(1, Math.floor(MAX_KEYS / terms.length))
  let span = Math.min(2, maxSpan)
  let keyset = after
  while (hi >= bottom && out.length < need && !enough()) {
    // pay: the rare high bands at once, then band by band (a common trade has hundreds of postings per band)
    const lo = byPay ? (hi >= HIGH_BAND ? Math.max(HIGH_BAND, hi - maxSpan + 1) : hi) : Math.max(bottom, hi - span + 1)
    const leadKeys = windowKeys(terms, hi, lo, key)
    for (;;) {
      const ask = Math.max(need - out.length, 10)
      const batch = await findJobsPage({ ...filter, leadKeys }, field, keyset, ask, projection)
      for (const d of batch) if (out.length < need && keep(d)) out.push(d)
      if (batch.length < ask || out.length >= need || enough()) break
      const last = batch[batch.length - 1]
      keyset = { k: last[field] as number, id: last._id }
    }
    keyset = null
    hi = lo - 1
    span = Math.min(span * 4, maxSpan)
  }
  return out
}

/** Newest first (see walk). */
export const walkNewest = (
  filter: PostingConditions,
  terms: string[],
  after: Keyset | null,
  need: number,
  keep?: (d: JobDoc) => boolean,
  projection?: Record<string, boolean>,
) => walk(filter, terms, 'postedAtMs', after, need, keep, projection)

/** One ordered query over every bucket of the terms (salary order, or a bounded area), keyset paged. */
export async function scanOrdered(
  filter: PostingConditions,
  leadKeys: string[] | undefined,
  sort: SortField,
  after: Keyset | null,
  need: number,
  keep: (d: JobDoc) => boolean = () => true,
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
