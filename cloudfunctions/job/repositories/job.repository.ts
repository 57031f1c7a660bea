/**
 * The `jobs` collection (postings). The only job-module code that queries postings. Search conditions are
 * built here from a plain filter description; the first condition is the most selective indexed one
 * (a search key), so the database answers from the `searchKeys` multikey index instead of scanning.
 */
import { db } from '../../_core/app'
import type { JobDoc } from '../../../shared/job/types'

type Cond = object

export interface JobFilter {
  nowMs: number
  /** The indexed lead condition: any of these search keys (shared/job/searchKeys.ts). Always first. */
  leadKeys?: string[]
  /** Every one must be in `tokens` (AND). */
  tokensAll?: string[]
  /** Every one must be in `titleTokens`. */
  titleAll?: string[]
  /** Not all of these in `titleTokens` (the complement of titleAll). */
  titleNotAll?: string[]
  /** At least one in `tokens` (OR). */
  tokensAny?: string[]
  /** Not all of these in `tokens`. */
  tokensNotAll?: string[]
  occupationIn?: string[]
  cityCode?: string
  districtCode?: string
  salaryMin?: number
  jobType?: string
  educationIn?: string[]
  postedAfterMs?: number
  box?: { minLat: number; maxLat: number; minLng: number; maxLng: number }
  /** Staff view: postings created by this openid, closed and expired ones included when asked. */
  createdBy?: string
  includeInactive?: boolean
}

export type SortField = 'postedAtMs' | 'salaryMonthlyMax'
export interface Keyset {
  k: number
  id: string
}

const col = () => db().collection('jobs')

/** Fields never sent to clients in lists. */
export const LIST_PROJECTION = {
  tokens: false,
  titleTokens: false,
  searchKeys: false,
  description: false,
  location: false,
} as const

function conditions(f: JobFilter): Cond[] {
  const _ = db().command
  const c: Cond[] = []
  if (f.leadKeys) c.push({ searchKeys: f.leadKeys.length === 1 ? f.leadKeys[0] : _.in(f.leadKeys) })
  if (f.tokensAll?.length) c.push({ tokens: _.all(f.tokensAll) })
  if (f.titleAll?.length) c.push({ titleTokens: _.all(f.titleAll) })
  if (f.tokensAny?.length) c.push(_.or(f.tokensAny.map((t) => ({ tokens: _.all([t]) }))))
  if (f.districtCode) c.push({ districtCode: f.districtCode })
  if (f.occupationIn?.length) c.push(_.or(f.occupationIn.map((o) => ({ occupationAncestors: _.all([o]) }))))
  if (f.cityCode) c.push({ cityCode: f.cityCode })
  if (f.createdBy) c.push({ createdBy: f.createdBy })
  if (f.jobType) c.push({ jobType: f.jobType })
  if (f.educationIn) c.push({ education: _.in(f.educationIn) })
  if (f.salaryMin !== undefined) c.push({ salaryMonthlyMax: _.gte(f.salaryMin) })
  if (f.postedAfterMs !== undefined) c.push({ postedAtMs: _.gte(f.postedAfterMs) })
  if (f.box)
    c.push({ lat: _.gte(f.box.minLat).and(_.lte(f.box.maxLat)) }, { lng: _.gte(f.box.minLng).and(_.lte(f.box.maxLng)) })
  if (f.titleNotAll?.length) c.push(_.or(f.titleNotAll.map((t) => ({ titleTokens: _.neq(t) }))))
  if (f.tokensNotAll?.length) c.push(_.or(f.tokensNotAll.map((t) => ({ tokens: _.neq(t) }))))
  if (!f.includeInactive) c.push({ status: 'open' }, { expiresAtMs: _.gt(f.nowMs) })
  return c
}

function keysetCond(field: SortField, after: Keyset): Cond {
  const _ = db().command
  return _.or([{ [field]: _.lt(after.k) }, { [field]: after.k, _id: _.lt(after.id) }])
}

/** One batch of postings in (field desc, _id desc) order after the keyset. */
export async function findJobsPage(
  f: JobFilter,
  sort: SortField,
  after: Keyset | null,
  limit: number,
  projection: Record<string, boolean> = LIST_PROJECTION,
): Promise<JobDoc[]> {
  const _ = db().command
  const c = conditions(f)
  if (after) c.push(keysetCond(sort, after))
  const res = await col()
    .where(_.and(c))
    .orderBy(sort, 'desc')
    .orderBy('_id', 'desc')
    .limit(limit)
    .field(projection)
    .get()
  return res.data as JobDoc[]
}

/** Every posting matching the filter (in batches of 1000, up to `max`), only the given fields. */
export async function findJobsLight(f: JobFilter, fields: Record<string, boolean>, max: number): Promise<JobDoc[]> {
  const _ = db().command
  const out: JobDoc[] = []
  let after: Keyset | null = null
  while (out.length < max) {
    const c = conditions(f)
    if (after) c.push(keysetCond('postedAtMs', after))
    const res = await col()
      .where(_.and(c))
      .orderBy('postedAtMs', 'desc')
      .orderBy('_id', 'desc')
      .limit(Math.min(1000, max - out.length))
      .field({ ...fields, _id: true, postedAtMs: true })
      .get()
    const batch = res.data as JobDoc[]
    out.push(...batch)
    if (batch.length < Math.min(1000, max - out.length + batch.length)) break
    const last = batch[batch.length - 1]
    after = { k: last.postedAtMs, id: last._id }
  }
  return out
}

export async function findJobsByIds(
  ids: string[],
  projection: Record<string, boolean> = LIST_PROJECTION,
): Promise<JobDoc[]> {
  if (!ids.length) return []
  const _ = db().command
  const res = await col()
    .where({ _id: _.in(ids) })
    .limit(ids.length)
    .field(projection)
    .get()
  return res.data as JobDoc[]
}

export async function findJob(id: string): Promise<JobDoc | null> {
  const res = await col().doc(id).get()
  return ((res.data as JobDoc[] | undefined) ?? [])[0] ?? null
}

export async function insertJob(doc: JobDoc): Promise<void> {
  await col().add(doc)
}

export async function updateJob(id: string, patch: Partial<JobDoc>): Promise<void> {
  const { _id: _ignored, ...rest } = patch
  await col().doc(id).update(rest)
}

/** A district's name and city from the `regions` collection (base seed), or null. */
export async function findDistrict(code: string): Promise<{ name: string; cityCode: string } | null> {
  const res = await db().collection('regions').doc(code).get()
  const d = ((res.data as { name: string; level: string; cityCode?: string }[] | undefined) ?? [])[0]
  return d && d.level === 'district' ? { name: d.name, cityCode: d.cityCode ?? `${code.slice(0, 4)}00` } : null
}

/** Districts of Shandong (code, name) for query parsing: cached per warm instance. */
let districtNames: { code: string; name: string }[] | null = null
export async function listDistrictNames(): Promise<{ code: string; name: string }[]> {
  if (districtNames) return districtNames
  const res = await db()
    .collection('regions')
    .where({ level: 'district' })
    .limit(1000)
    .field({ code: true, name: true })
    .get()
  districtNames = (res.data as { code: string; name: string }[]).map((d) => ({ code: d.code, name: d.name }))
  return districtNames
}
