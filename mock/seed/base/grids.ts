/**
 * Grids (网格) in a hierarchy on real division codes: city (6-digit city code) → district (6-digit GB/T 2260)
 * → street/town (9-digit statistical code) → community/village grid. Community grid codes are LOCAL: the street
 * code plus a two-digit suffix (`370102001-01`); production takes them from the province's grid system.
 * One grid worker (网格员) is bound to each community grid.
 */
import { CITIES, CITY_POPULATION_M } from './divisions'
import type { Placement } from './persons'
import { type Random, intBetween } from '../../../shared/random'
import { personName } from './names'

export interface GridDoc extends Record<string, unknown> {
  _id: string
  code: string
  name: string
  level: 'city' | 'district' | 'street' | 'community'
  parent: string | null
  cityCode: string
  regionCode: string
  streetCode: string | null
  workerOpenids: string[]
}

export interface BuiltGrids {
  docs: GridDoc[]
  /** Community grids persons can live in (development zones excluded: their codes are not GB/T 2260). */
  placements: Placement[]
  /** Grid worker users: openid → grid code. */
  workers: { openid: string; gridCode: string; name: string }[]
}

export const communityGridCode = (streetCode: string, n: number): string =>
  `${streetCode}-${String(n).padStart(2, '0')}`

export function buildGrids(r: Random, demoWorkers: Record<string, string>): BuiltGrids {
  const docs: GridDoc[] = []
  const placements: Placement[] = []
  const workers: BuiltGrids['workers'] = []
  const demoByGrid = new Map(Object.entries(demoWorkers).map(([openid, grid]) => [grid, openid]))
  for (const c of CITIES) {
    docs.push({
      _id: c.code,
      code: c.code,
      name: `${c.name}网格`,
      level: 'city',
      parent: null,
      cityCode: c.code,
      regionCode: c.code,
      streetCode: null,
      workerOpenids: [],
    })
    const cityPlacements: Placement[] = []
    for (const d of c.districts) {
      docs.push({
        _id: d.code,
        code: d.code,
        name: `${d.name}网格`,
        level: 'district',
        parent: c.code,
        cityCode: c.code,
        regionCode: d.code,
        streetCode: null,
        workerOpenids: [],
      })
      for (const s of d.streets) {
        docs.push({
          _id: s.code,
          code: s.code,
          name: s.name,
          level: 'street',
          parent: d.code,
          cityCode: c.code,
          regionCode: d.code,
          streetCode: s.code,
          workerOpenids: [],
        })
        const town = /[镇乡]$/.test(s.name)
        const n = intBetween(r, 2, 4)
        for (let i = 1; i <= n; i++) {
          const code = communityGridCode(s.code, i)
          const openid = demoByGrid.get(code) ?? `o_gw_${code}`
          const name = `${s.name}${town ? '村' : '社区'}第${i}网格`
          docs.push({
            _id: code,
            code,
            name,
            level: 'community',
            parent: s.code,
            cityCode: c.code,
            regionCode: d.code,
            streetCode: s.code,
            workerOpenids: [openid],
          })
          workers.push({ openid, gridCode: code, name: personName(r, i % 2 ? 'female' : 'male') })
          if (d.kind === 'county')
            cityPlacements.push({
              gridCode: code,
              streetCode: s.code,
              districtCode: d.code,
              cityCode: c.code,
              town,
              weight: 0,
            })
        }
      }
    }
    const w = (CITY_POPULATION_M[c.code] ?? 1) / cityPlacements.length
    for (const p of cityPlacements) placements.push({ ...p, weight: w })
  }
  return { docs, placements, workers }
}
