/** The GB/T 2260 region tree (`regions`, seeded from the division data): names, parents and children. */
import { db } from '../../_core/app'
import type { RegionLevel } from '../../../shared/monitor/indicators'

export interface RegionDoc {
  _id: string
  code: string
  name: string
  level: RegionLevel
  parent: string | null
  lat?: number
  lng?: number
}

const FIELDS = { _id: true, code: true, name: true, level: true, parent: true, lat: true, lng: true }

export async function getRegion(code: string): Promise<RegionDoc | null> {
  const res = await db().collection('regions').doc(code).field(FIELDS).get()
  return ((res.data as RegionDoc[] | undefined) ?? [])[0] ?? null
}

async function all(where: Record<string, unknown>): Promise<RegionDoc[]> {
  const _ = db().command
  const out: RegionDoc[] = []
  let after = ''
  for (;;) {
    const res = await db()
      .collection('regions')
      .where({ ...where, _id: _.gt(after) })
      .field(FIELDS)
      .orderBy('_id', 'asc')
      .limit(1000)
      .get()
    const page = (res.data as RegionDoc[] | undefined) ?? []
    out.push(...page)
    if (page.length < 1000) return out
    after = page[page.length - 1]._id
  }
}

/** A region's children, by code. */
export const childrenOf = (code: string): Promise<RegionDoc[]> => all({ parent: code })
export const regionsAtLevel = (level: RegionLevel): Promise<RegionDoc[]> => all({ level })
