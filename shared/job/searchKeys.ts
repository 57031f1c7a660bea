/**
 * Search keys: the posting's inverted-index entries, partitioned by posting day.
 *
 * A plain multikey index on `tokens` answers "which postings contain 焊工" but at 100,000 postings that is
 * thousands of documents for a common trade, all read before the newest 20 can be picked. So every term is
 * also stored with the posting's day (`焊工|20415`): a newest-first page reads the most recent days' keys first
 * and widens the window fourfold (2, 8, 32 … days) only while the page is not full. Terms:
 * - every search token, and the token within its city (`370100/焊工`), for keyword search with a city filter;
 * - every title token again as `h:焊工` / `370100/h:焊工`, so that "the word is in the title" (relevance tier 0)
 *   is read exactly instead of being filtered out of all postings that mention the word;
 * - `c:<city>`, `d:<district>`, `o:<occupation code at each level>`, `*` (every posting), for filter-only lists;
 * - `g:<lat cell>:<lng cell>` (0.1° cells, no day) for nearby searches;
 * - every term again with the posting's salary band (`焊工$8` = 8,000–8,999 元/月 at most), so that a
 *   highest-pay-first page walks the bands from the top in the same way.
 * Live postings are at most MAX_POSTING_AGE_DAYS old (postings are valid for at most a year), which bounds
 * the walk. Pure: the same function writes the keys (seed, post, update) and the use case reads them.
 */
import { cstDayNumber } from '../calendar/chinaTime'
export const DAY_MS = 86_400_000

/** Days since 1970-01-01 in China time. */
export const dayOf = (ms: number): number => cstDayNumber(ms)

/** A posting may run for at most a year; the walk never looks further back than this. */
export const MAX_VALID_DAYS = 366
export const MAX_POSTING_AGE_DAYS = MAX_VALID_DAYS + 30

export const HOUR_MS = 3_600_000
export const hourOf = (ms: number): number => Math.floor(ms / HOUR_MS)

/**
 * `*` (every posting) is partitioned by hour, every other term by day: at 100,000 postings a day holds
 * ~1,700 postings in all but only a few dozen per trade.
 */
export const ALL = '*'
export const unitOf = (term: string): 'hour' | 'day' => (term === ALL ? 'hour' : 'day')
export const bucketOf = (term: string, ms: number): number => (unitOf(term) === 'hour' ? hourOf(ms) : dayOf(ms))

export const dayKey = (term: string, bucket: number): string => `${term}|${bucket}`

export const CELL = 0.1
export const cellKey = (lat: number, lng: number): string => `g:${Math.floor(lat / CELL)}:${Math.floor(lng / CELL)}`

/** Every 0.1° cell touching the box. */
export function cellsInBox(box: { minLat: number; maxLat: number; minLng: number; maxLng: number }): string[] {
  const out: string[] = []
  for (let a = Math.floor(box.minLat / CELL); a <= Math.floor(box.maxLat / CELL); a++) {
    for (let b = Math.floor(box.minLng / CELL); b <= Math.floor(box.maxLng / CELL); b++) out.push(`g:${a}:${b}`)
  }
  return out
}

export const cityTerm = (cityCode: string, token: string): string => `${cityCode}/${token}`

export interface KeyedPosting {
  tokens: string[]
  titleTokens: string[]
  cityCode: string
  districtCode: string
  occupationAncestors: string[]
  postedAtMs: number
  salaryMonthlyMax: number
  lat: number
  lng: number
}

/** Salary bands of 1,000 元 a month, 0 … MAX_BAND (everything above lands in the top band). */
export const MAX_BAND = 40
/** Bands from here up are read in one go (few postings pay 16,000 元 a month or more); below, band by band. */
export const HIGH_BAND = 16
export const bandOf = (salaryMonthlyMax: number): number =>
  Math.max(0, Math.min(MAX_BAND, Math.floor(salaryMonthlyMax / 1000)))
export const bandKey = (term: string, band: number): string => `${term}$${band}`

export const titleTerm = (token: string): string => `h:${token}`

export function postingTerms(p: Omit<KeyedPosting, 'postedAtMs' | 'lat' | 'lng' | 'salaryMonthlyMax'>): string[] {
  const title = p.titleTokens.map(titleTerm)
  return [
    ...title,
    ...title.map((t) => cityTerm(p.cityCode, t)),
    '*',
    `c:${p.cityCode}`,
    `d:${p.districtCode}`,
    ...p.occupationAncestors.map((a) => `o:${a}`),
    ...p.tokens,
    ...p.tokens.map((t) => cityTerm(p.cityCode, t)),
  ]
}

export function searchKeysOf(p: KeyedPosting): string[] {
  const terms = postingTerms(p)
  const band = bandOf(p.salaryMonthlyMax)
  return [
    ...terms.map((t) => dayKey(t, bucketOf(t, p.postedAtMs))),
    ...terms.map((t) => bandKey(t, band)),
    cellKey(p.lat, p.lng),
  ]
}

/** The keys of these terms for buckets lo..hi (inclusive), highest bucket first. */
export function windowKeys(
  terms: string[],
  hi: number,
  lo: number,
  key: (term: string, bucket: number) => string = dayKey,
): string[] {
  const out: string[] = []
  for (let d = hi; d >= lo; d--) for (const t of terms) out.push(key(t, d))
  return out
}
