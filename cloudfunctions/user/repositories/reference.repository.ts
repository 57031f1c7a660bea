/** Reference data the user function reads: region names, grids and departments (for setRoles checks). */
import { db } from '../../_core/app'
import { missingCodes, regionNames } from '../../_core/reference.repository'

/**
 * Region names by code, kept by the warm instance: the regions are the GB/T 2260 reference table, which no action
 * changes (a profile read then costs one round trip less). Bounded by the size of the table.
 */
const regionNameCache = new Map<string, string | null>()
const REGION_CACHE_MAX = 10_000

export async function regionName(code: string): Promise<string | null> {
  const cached = regionNameCache.get(code)
  if (cached !== undefined) return cached
  const res = await db().collection('regions').doc(code).get()
  const doc = ((res.data as { fullName?: string; name?: string }[] | undefined) ?? [])[0]
  const name = doc ? (doc.fullName ?? doc.name ?? null) : null
  // only names found are kept: a code missing now is looked up again next time
  if (name !== null && regionNameCache.size < REGION_CACHE_MAX) regionNameCache.set(code, name)
  return name
}

/** A grid's name (大明湖街道社区第1网格), or null for an unknown code. */
export async function gridName(code: string | null | undefined): Promise<string | null> {
  if (!code) return null
  const res = await db().collection('grids').doc(code).field({ name: true }).get()
  const doc = ((res.data as { name?: string }[] | undefined) ?? [])[0]
  return doc?.name ?? null
}

export async function departmentExists(id: string): Promise<boolean> {
  const res = await db().collection('departments').doc(id).get()
  return ((res.data as unknown[] | undefined) ?? []).length > 0
}

/** Every department (id and name, by id) for the admin's department picker. */
export async function listDepartments(): Promise<{ id: string; name: string }[]> {
  const res = await db()
    .collection('departments')
    .orderBy('_id', 'asc')
    .field({ _id: true, name: true })
    .limit(1000)
    .get()
  return ((res.data as { _id: string; name?: string }[] | undefined) ?? []).map((d) => ({
    id: d._id,
    name: d.name ?? d._id,
  }))
}

/** The GB/T 2260 districts of a city (development zones, whose codes are local, left out), by code. */
export async function districtsOf(cityCode: string): Promise<{ code: string; name: string }[]> {
  const res = await db()
    .collection('regions')
    .where({ parent: cityCode, level: 'district' })
    .orderBy('_id', 'asc')
    .field({ _id: true, name: true, kind: true })
    .limit(100)
    .get()
  return ((res.data as { _id: string; name?: string; kind?: string }[] | undefined) ?? [])
    .filter((d) => d.kind !== 'developmentZone')
    .map((d) => ({ code: d._id, name: d.name ?? d._id }))
}

/** The given grid codes that do not exist. */
export const missingGrids = (codes: string[]): Promise<string[]> => missingCodes('grids', codes)
/** The given region codes that are not in the GB/T 2260 table of the seed. */
export const missingRegions = (codes: string[]): Promise<string[]> => missingCodes('regions', codes)
export { regionNames }
