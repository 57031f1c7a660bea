/** Reference data an import checks rows against: grids, regions (GB/T 2260, from the seed), departments. */
import { db } from '../../_core/app'

export interface GridRef {
  _id: string
  level: string
  regionCode: string
  streetCode: string | null
  cityCode: string
}
export interface RegionRef {
  _id: string
  name: string
  level: string
  cityCode?: string
  lat?: number
  lng?: number
}

async function byIds<T>(collection: string, ids: string[], fields: Record<string, true>): Promise<T[]> {
  if (!ids.length) return []
  const _ = db().command
  const out: T[] = []
  for (let i = 0; i < ids.length; i += 200) {
    const part = ids.slice(i, i + 200)
    const res = await db()
      .collection(collection)
      .where({ _id: _.in(part) })
      .field(fields)
      .limit(part.length)
      .get()
    out.push(...((res.data as T[]) ?? []))
  }
  return out
}

export const findGrids = (codes: string[]) =>
  byIds<GridRef>('grids', codes, { _id: true, level: true, regionCode: true, streetCode: true, cityCode: true })
export const findRegions = (codes: string[]) =>
  byIds<RegionRef>('regions', codes, { _id: true, name: true, level: true, cityCode: true, lat: true, lng: true })

export async function departmentRegions(departmentId: string): Promise<string[] | null> {
  const res = await db().collection('departments').doc(departmentId).get()
  const doc = ((res.data as { regionCodes?: string[] }[] | undefined) ?? [])[0]
  return doc ? (doc.regionCodes ?? []) : null
}
