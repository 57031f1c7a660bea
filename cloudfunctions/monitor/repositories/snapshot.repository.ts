/**
 * `monitor_snapshots`: one document per (month, region) with every component and indicator, written by the
 * snapshot job (`_id` `<month>:<regionCode>`; writing it again with the same figures changes nothing).
 */
import { db } from '../../_core/app'
import type {
  Counts,
  IndicatorKey,
  OccupationCounts,
  PolicyCounts,
  PolicyDeliveryCounts,
  RegionLevel,
  TrainingOccupationCounts,
} from '../../../shared/monitor/indicators'

export interface SnapshotDoc {
  _id: string
  month: string
  regionCode: string
  regionName: string
  level: RegionLevel
  parent: string | null
  counts: Counts
  values: Record<IndicatorKey, number | null>
  occupations: OccupationCounts
  policies: PolicyCounts
  /** 政策找人 messages by policy (absent in snapshots taken before it was recorded). */
  deliveries?: PolicyDeliveryCounts
  /** Training by occupation (absent in snapshots taken before it was recorded). */
  training?: TrainingOccupationCounts
  /** Sources that did not exist when it was taken (their figures are null). */
  missing: string[]
  asOfMs: number
  updatedAt: string
  runId: string
}

const col = () => db().collection('monitor_snapshots')
export const snapshotId = (month: string, regionCode: string) => `${month}:${regionCode}`

export async function writeSnapshot(doc: SnapshotDoc): Promise<void> {
  const { _id, ...rest } = doc
  await col().doc(_id).set(rest)
}

export async function getSnapshot(month: string, regionCode: string): Promise<SnapshotDoc | null> {
  const res = await col().doc(snapshotId(month, regionCode)).get()
  return ((res.data as SnapshotDoc[] | undefined) ?? [])[0] ?? null
}

/** The snapshots of a region's children in a month (by the month_parent index), ordered by code. */
export async function childSnapshots(
  month: string,
  parent: string,
  fields?: Record<string, boolean>,
): Promise<SnapshotDoc[]> {
  const out: SnapshotDoc[] = []
  const _ = db().command
  let after = ''
  for (;;) {
    let q = col().where({ month, parent, regionCode: _.gt(after) })
    if (fields) q = q.field(fields) as typeof q
    const res = await q.orderBy('regionCode', 'asc').limit(1000).get()
    const page = (res.data as SnapshotDoc[] | undefined) ?? []
    out.push(...page)
    if (page.length < 1000) return out
    after = page[page.length - 1].regionCode
  }
}

/** One region's snapshots from `from` to `to` (months), only the fields a series needs. */
export async function seriesOf(
  regionCode: string,
  from: string,
  to: string,
): Promise<Pick<SnapshotDoc, 'month' | 'values'>[]> {
  const _ = db().command
  const res = await col()
    .where({ regionCode, month: _.gte(from).and(_.lte(to)) })
    .field({ month: true, values: true })
    .orderBy('month', 'asc')
    .limit(100)
    .get()
  return (res.data as Pick<SnapshotDoc, 'month' | 'values'>[] | undefined) ?? []
}
