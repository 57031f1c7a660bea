/**
 * Job search. Keyword → query parsing (place, job type, salary) → tokens → candidates from the `searchKeys`
 * multikey index (the tokens by day and salary band) → filters → order → keyset page.
 *
 * Relevance is tiered and stable across pages: tier 0 = every query word in the title, tier 1 = every word
 * in title/occupation/employer/skills, tier 2 = some of several words match. Inside a tier: newest first.
 * Each tier is one indexed query with a (postedAtMs, _id) keyset, so paging never repeats or skips a posting.
 * Distance: candidates inside the bounding box, exact haversine, (distance, _id) keyset.
 */
import type { JobSearchInput } from '../../../shared/actions/job'
import { AppError } from '../../../shared/errors'
import { parseQuery } from '../../../shared/job/query'
import { EDUCATION_ORDER } from '../../../shared/job/match'
import { OCCUPATIONS, occupationAncestors } from '../../../shared/occupations/occupations'
import { boundingBox, distanceKm } from '../../../shared/geo'
import type { JobDoc } from '../../../shared/job/types'
import type { JobSearchInterpreted, JobSearchPage, JobSort } from '../../../shared/job/views'
import type { ActionContext } from '../../_core/function'
import { decodeCursor, encodeCursor, pageSizeOf } from '../../_core/paging'
import {
  findJobsByIds,
  findJobsLight,
  listDistrictNames,
  type PostingConditions,
  type SortField,
} from '../repositories/job.repository'
import { ALL, cellsInBox, cityTerm, titleTerm } from '../../../shared/job/searchKeys'
import { cityCodeOf, SHANDONG_CITIES } from '../../../shared/job/regions'
import { scanOrdered, walk } from '../helpers/searchWalk'
import { tokensForQuery } from '../tokenizer'
import { toListItem } from '../helpers/jobView'
import { decorateForCaller } from '../helpers/callerMarks'

const DAY = 86400_000
const DEFAULT_RADIUS_KM = 10
/** Candidates considered for a distance sort (nearest first inside the box). */
const MAX_DISTANCE_CANDIDATES = 5000

interface Cursor {
  s: string
  t: number
  k: number
  id: string
}
const isCursor = (v: unknown): v is Cursor => {
  const c = v as Cursor
  return (
    !!c &&
    typeof c === 'object' &&
    typeof c.s === 'string' &&
    Number.isInteger(c.t) &&
    c.t >= 0 &&
    c.t <= 3 &&
    typeof c.k === 'number' &&
    Number.isFinite(c.k) &&
    typeof c.id === 'string' &&
    c.id.length <= 64
  )
}

export interface SearchPlan {
  base: PostingConditions
  tiers: Partial<PostingConditions>[]
  /** Per tier: the search-key terms that lead the indexed read (null: the area cells). */
  leads: (string[] | null)[]
  /** The order applied: decided here only (the client sends a sort only when the resident picks one). */
  sort: JobSort
  /** What the keyword was understood as (answered to the client, which shows it as chips). */
  interpreted: JobSearchInterpreted
  near: { lat: number; lng: number; radiusKm: number } | null
  /** True when the keyword had words but none that can be searched (e.g. one character not in any name). */
  empty: boolean
}

/** Turns the input into a base filter and the relevance tiers (pure apart from the district names). */
export function planSearch(
  input: JobSearchInput,
  nowMs: number,
  districts: { code: string; name: string }[],
): SearchPlan {
  const parsed = parseQuery(input.keyword ?? '', districts)
  const near = input.near
    ? { lat: input.near.lat, lng: input.near.lng, radiusKm: input.near.radiusKm ?? DEFAULT_RADIUS_KM }
    : null
  const base: PostingConditions = { nowMs }
  const districtCode = input.districtCode ?? parsed.districtCode
  const cityCode = input.cityCode ?? (districtCode ? undefined : parsed.cityCode)
  if (districtCode) base.districtCode = districtCode
  if (cityCode) base.cityCode = cityCode
  if (input.occupationCode) base.occupationIn = [input.occupationCode]
  const salaryMin = input.salaryMin ?? parsed.salaryMin
  if (salaryMin !== undefined) base.salaryMin = salaryMin
  const jobType = input.jobType ?? parsed.jobType
  if (jobType) base.jobType = jobType
  if (input.education) {
    const mine = input.education === 'secondaryVocational' ? 'senior' : input.education
    base.educationIn = EDUCATION_ORDER.filter(
      (e, i) =>
        i <= EDUCATION_ORDER.indexOf(mine) ||
        (e === 'secondaryVocational' && EDUCATION_ORDER.indexOf(mine) >= EDUCATION_ORDER.indexOf('senior')),
    )
  }
  if (input.postedWithinDays) base.postedAfterMs = nowMs - input.postedWithinDays * DAY
  if (near) base.box = boundingBox(near, near.radiusKm)

  // The default order, and relevance without words to rank by, fall back to nearest first or newest first.
  let sort: JobSort = input.sort ?? (parsed.text ? 'relevance' : near ? 'distance' : 'newest')
  if (sort === 'distance' && !near)
    throw new AppError('VALIDATION_FAILED', '按距离排序需要提供位置（near）', {
      fields: [{ path: 'near', message: '按距离排序需要提供位置' }],
    })

  const q = tokensForQuery(parsed.text)
  let tiers: Partial<PostingConditions>[] = [{}]
  let empty = false
  if (parsed.text) {
    if (q.all.length === 0) {
      // Nothing indexable (e.g. "焊"): occupations whose name or alias contains the text.
      const codes = OCCUPATIONS.filter(
        (o) => o.name.includes(parsed.text) || o.aliases.some((a) => a.includes(parsed.text)),
      ).map((o) => o.code)
      const wanted = base.occupationIn
      const fitting = wanted ? codes.filter((x) => wanted.some((c) => occupationAncestors(x).includes(c))) : codes
      if (fitting.length) base.occupationIn = fitting
      else empty = true
    } else {
      tiers = [{ titleAll: q.all }, { tokensAll: q.all, titleNotAll: q.all }]
      // Tier 2 only for several words: postings with some of them (sub-word bigrams would drag in noise
      // such as 工程 from employer names).
      if (q.all.length > 1) tiers.push({ tokensAny: q.all, tokensNotAll: q.all })
    }
  } else if (sort === 'relevance') sort = near ? 'distance' : 'newest'
  if (sort !== 'relevance') {
    // One ordering over the postings that contain every query word (tiers 0 ∪ 1).
    tiers = parsed.text && q.all.length ? [{ tokensAll: q.all }] : [{}]
  }
  const leads = tiers.map((t) => (near ? null : leadTerms(base, t)))
  const city = !input.cityCode && !districtCode && parsed.cityCode ? parsed.cityCode : undefined
  const district = !input.districtCode ? parsed.districtCode : undefined
  const interpreted: JobSearchInterpreted = {
    city: city ? { code: city, name: SHANDONG_CITIES.find((c) => c.code === city)?.name ?? city } : null,
    district: district ? { code: district, name: districts.find((d) => d.code === district)?.name ?? district } : null,
    jobType: !input.jobType && parsed.jobType ? parsed.jobType : null,
    salaryMin: input.salaryMin === undefined && parsed.salaryMin !== undefined ? parsed.salaryMin : null,
    terms: q.all.length ? q.all : parsed.text ? [parsed.text] : [],
  }
  return { base, tiers, leads, sort, interpreted, near, empty }
}

/** The most selective search-key terms for a tier: a query word (within the city when one is known), else a filter. */
function leadTerms(base: PostingConditions, tier: Partial<PostingConditions>): string[] {
  const city = base.cityCode ?? (base.districtCode ? cityCodeOf(base.districtCode) : undefined)
  const words = tier.titleAll ?? tier.tokensAll ?? tier.tokensAny
  if (words?.length) {
    const pickFrom = tier.tokensAny ?? [[...words].sort((a, b) => b.length - a.length || (a < b ? -1 : 1))[0]]
    const terms = tier.titleAll ? pickFrom.map(titleTerm) : pickFrom
    return terms.map((w) => (city ? cityTerm(city, w) : w))
  }
  if (base.districtCode) return [`d:${base.districtCode}`]
  if (base.occupationIn && base.occupationIn.length <= 5) return base.occupationIn.map((o) => `o:${o}`)
  if (base.cityCode) return [`c:${base.cityCode}`]
  return [ALL]
}

const withinRadius = (near: SearchPlan['near']) => (d: JobDoc) => !near || distanceKm(near, d) <= near.radiusKm

export async function searchJobs(input: JobSearchInput, ctx: ActionContext): Promise<JobSearchPage> {
  const nowMs = ctx.now().getTime()
  const size = pageSizeOf(input.pageSize)
  const cursor = decodeCursor(input.cursor, isCursor)
  const plan = planSearch(input, nowMs, await listDistrictNames())
  if (cursor && cursor.s !== plan.sort) throw new AppError('VALIDATION_FAILED', '分页参数无效，请刷新后重试')
  const understood = { interpreted: plan.interpreted, sort: plan.sort }
  if (plan.empty) return { items: [], nextCursor: null, ...understood }

  const page = plan.sort === 'distance' ? await distancePage(plan, cursor, size) : await keysetPage(plan, cursor, size)
  const items = page.docs.map((d) => {
    const item = toListItem(d, nowMs)
    if (plan.near) item.distanceKm = Math.round(distanceKm(plan.near, d) * 10) / 10
    return item
  })
  await decorateForCaller(items, ctx)
  return { items, nextCursor: page.next ? encodeCursor(page.next) : null, ...understood }
}

/**
 * Tiers in order; inside each, (sortField desc, _id desc) keyset; a post-filter for the radius.
 * Each tier walks the buckets of its lead terms (days for newest first, salary bands for highest pay first);
 * a `near` search reads the area's cells.
 */
async function keysetPage(
  plan: SearchPlan,
  cursor: Cursor | null,
  size: number,
): Promise<{ docs: JobDoc[]; next: Cursor | null }> {
  const field: SortField = plan.sort === 'salary' ? 'salaryMonthlyMax' : 'postedAtMs'
  const keep = withinRadius(plan.near)
  const out: { doc: JobDoc; tier: number }[] = []
  for (let t = cursor?.t ?? 0; t < plan.tiers.length && out.length <= size; t++) {
    const after = cursor && cursor.t === t ? { k: cursor.k, id: cursor.id } : null
    const filter = { ...plan.base, ...plan.tiers[t] }
    const need = size + 1 - out.length
    const lead = plan.leads[t]
    let docs: JobDoc[]
    if (!lead) docs = await scanOrdered(filter, cellsInBox(plan.base.box!), field, after, need, keep)
    else docs = await walk(filter, lead, field, after, need, keep)
    for (const d of docs) out.push({ doc: d, tier: t })
  }
  const docs = out.slice(0, size)
  let next: Cursor | null = null
  if (out.length > size) {
    const last = docs[docs.length - 1]
    next = { s: plan.sort, t: last.tier, k: last.doc[field] as number, id: last.doc._id }
  }
  return { docs: docs.map((x) => x.doc), next }
}

/** Nearest first: light candidates in the box, exact distance, (distance, _id) keyset, then full documents. */
async function distancePage(
  plan: SearchPlan,
  cursor: Cursor | null,
  size: number,
): Promise<{ docs: JobDoc[]; next: Cursor | null }> {
  const near = plan.near!
  const light = await findJobsLight(
    { ...plan.base, ...plan.tiers[0], leadKeys: cellsInBox(plan.base.box!) },
    { lat: true, lng: true },
    MAX_DISTANCE_CANDIDATES,
  )
  const ranked = light
    .map((d) => ({ id: d._id, km: distanceKm(near, d) }))
    .filter((x) => x.km <= near.radiusKm)
    .sort((a, b) => a.km - b.km || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const start = cursor ? ranked.findIndex((x) => x.km > cursor.k || (x.km === cursor.k && x.id > cursor.id)) : 0
  const slice = start < 0 ? [] : ranked.slice(start, start + size + 1)
  const pageIds = slice.slice(0, size)
  const full = new Map((await findJobsByIds(pageIds.map((x) => x.id))).map((d) => [d._id, d]))
  const docs = pageIds.map((x) => full.get(x.id)).filter((d): d is JobDoc => !!d)
  const last = pageIds[pageIds.length - 1]
  return { docs, next: slice.length > size && last ? { s: 'distance', t: 0, k: last.km, id: last.id } : null }
}
