/** Shandong's divisions (mock/seed/data/shandong-divisions.json, extracted once; see data/README.md). */
import data from '../data/shandong-divisions.json'

export interface Street {
  code: string
  name: string
}
export interface District {
  code: string
  name: string
  kind: 'county' | 'developmentZone'
  lat: number
  lng: number
  approx: string
  streets: Street[]
}
export interface City {
  code: string
  name: string
  lat: number
  lng: number
  districts: District[]
}

export const PROVINCE = data.province as { code: string; name: string }
export const CITIES = data.cities as City[]
export const DIVISIONS_SOURCE = { source: data.source, version: data.sourceVersion, coordinates: data.coordinates }

/** Rough resident population (millions, 7th census 2020), used only to spread synthetic persons over cities. */
export const CITY_POPULATION_M: Record<string, number> = {
  '370100': 9.2,
  '370200': 10.1,
  '370300': 4.7,
  '370400': 3.9,
  '370500': 2.2,
  '370600': 7.1,
  '370700': 9.4,
  '370800': 8.4,
  '370900': 5.5,
  '371000': 2.9,
  '371100': 3.0,
  '371300': 11.0,
  '371400': 5.6,
  '371500': 6.0,
  '371600': 3.9,
  '371700': 8.8,
}

export interface DistrictRef extends District {
  cityCode: string
  cityName: string
}

export const DISTRICTS: DistrictRef[] = CITIES.flatMap((c) =>
  c.districts.map((d) => ({ ...d, cityCode: c.code, cityName: c.name })),
)
const byCode = new Map(DISTRICTS.map((d) => [d.code, d]))
export const districtByCode = (code: string): DistrictRef | undefined => byCode.get(code)

/** Region documents for the `regions` collection: province, cities, districts, streets. */
export function regionDocs(): Record<string, unknown>[] {
  const docs: Record<string, unknown>[] = [
    {
      _id: PROVINCE.code,
      code: PROVINCE.code,
      name: PROVINCE.name,
      level: 'province',
      parent: null,
      fullName: PROVINCE.name,
    },
  ]
  for (const c of CITIES) {
    docs.push({
      _id: c.code,
      code: c.code,
      name: c.name,
      level: 'city',
      parent: PROVINCE.code,
      fullName: PROVINCE.name + c.name,
      lat: c.lat,
      lng: c.lng,
    })
    for (const d of c.districts) {
      docs.push({
        _id: d.code,
        code: d.code,
        name: d.name,
        level: 'district',
        kind: d.kind,
        parent: c.code,
        cityCode: c.code,
        fullName: PROVINCE.name + c.name + d.name,
        lat: d.lat,
        lng: d.lng,
        location: { type: 'Point', coordinates: [d.lng, d.lat] },
        coordinateApprox: d.approx,
      })
      for (const s of d.streets) {
        docs.push({
          _id: s.code,
          code: s.code,
          name: s.name,
          level: 'street',
          parent: d.code,
          cityCode: c.code,
          districtCode: d.code,
          fullName: PROVINCE.name + c.name + d.name + s.name,
        })
      }
    }
  }
  return docs
}
