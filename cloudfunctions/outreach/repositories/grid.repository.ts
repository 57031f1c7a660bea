/** The `grids` collection (seeded by the base seed): city → district → street → community/village grid. */
import { db } from '../../_core/app'

export interface GridRecord {
  _id: string
  code: string
  name: string
  level: 'city' | 'district' | 'street' | 'community'
  parent: string | null
  streetCode: string | null
}

const MAX_GRIDS = 5000

/** The given grid codes and every grid below them (a street-level worker sees its communities). */
export async function expandGridCodes(codes: readonly string[]): Promise<string[]> {
  const all = new Set(codes)
  let frontier = [...all]
  const _ = db().command
  for (let depth = 0; depth < 4 && frontier.length > 0 && all.size < MAX_GRIDS; depth++) {
    const next: string[] = []
    for (let i = 0; i < frontier.length; i += 100) {
      const res = await db()
        .collection('grids')
        .where({ parent: _.in(frontier.slice(i, i + 100)) })
        .field({ _id: true })
        .limit(1000)
        .get()
      for (const g of (res.data ?? []) as { _id: string }[]) {
        if (!all.has(g._id)) {
          all.add(g._id)
          next.push(g._id)
        }
      }
    }
    frontier = next
  }
  return [...all]
}

export async function findGrids(codes: readonly string[]): Promise<GridRecord[]> {
  if (codes.length === 0) return []
  const _ = db().command
  const res = await db()
    .collection('grids')
    .where({ _id: _.in(codes.slice(0, 100)) })
    .limit(100)
    .get()
  return (res.data ?? []) as GridRecord[]
}
