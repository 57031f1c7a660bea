/**
 * Recommendations for the caller: candidates in the wanted occupations and near home, scored by
 * shared/job/match (match percentage, reasons, lacking skills in Chinese), best first.
 * The ranked list is computed per call over at most MAX_CANDIDATES postings; the cursor is an offset into it.
 */
import type { Page } from '../../../shared/actions/common'
import { matchJob, type MatchProfile } from '../../../shared/job/match'
import { findOccupationsByText } from '../../../shared/occupations/occupations'
import type { JobDoc } from '../../../shared/job/types'
import { requireCaller, type ActionContext } from '../../_core/function'
import { decodeCursor, encodeCursor, pageSizeOf } from '../../_core/paging'
import { walk } from '../helpers/searchWalk'
import { ALL } from '../../../shared/job/searchKeys'
import { findPerson } from '../repositories/profile.repository'
import { resumeSnapshot } from '../helpers/resumeSnapshot'
import { decorateForCaller } from '../helpers/callerMarks'
import { toListItem } from '../helpers/jobView'
import type { RecommendItem } from '../../../shared/job/views'

const PER_SOURCE = 150
/** At most this many of the wanted areas feed candidates (each one more walk); all of them count in the score. */
const MAX_WANTED_AREAS = 3

const isOffset = (v: unknown): v is { o: number } =>
  Number.isInteger((v as { o: number })?.o) && (v as { o: number }).o >= 0 && (v as { o: number }).o < 10_000

export async function recommendJobs(
  input: { cursor?: string; pageSize?: number },
  ctx: ActionContext,
): Promise<Page<RecommendItem> & { profileComplete: boolean; hint: string | null }> {
  const caller = requireCaller(ctx)
  const size = pageSizeOf(input.pageSize)
  const offset = decodeCursor(input.cursor, isOffset)?.o ?? 0
  const nowMs = ctx.now().getTime()

  // the bound person record once, for the resume and the desired job titles
  const person = caller.user.personId ? await findPerson(caller.user.personId) : null
  const resume = await resumeSnapshot(caller, person)
  const desired = new Set(resume.desiredOccupations)
  for (const title of person?.desiredJobTitles ?? []) for (const o of findOccupationsByText(title)) desired.add(o.code)
  const profile: MatchProfile = {
    desiredOccupations: [...desired],
    skills: resume.skills,
    regionCode: resume.regionCode,
    expectedSalaryMin: resume.expectedSalaryMin,
    education: resume.education,
    desiredCities: resume.desiredCities ?? [],
  }

  // the sources: wanted occupations, home district and city, and where they want to work (意向地区). Each gives
  // its newest PER_SOURCE postings, read by one combined walk over all their search terms (newest first across
  // the union, a source leaving once it has its share): the same candidates as one walk per source.
  const sources: { term: string[]; has: (d: JobDoc) => boolean }[] = []
  const city = profile.regionCode ? `${profile.regionCode.slice(0, 4)}00` : null
  if (profile.desiredOccupations.length) {
    const occupationIn = profile.desiredOccupations.slice(0, 5)
    sources.push({
      term: occupationIn.map((o) => `o:${o}`),
      has: (d) => occupationIn.some((o) => (d.occupationAncestors ?? []).includes(o)),
    })
  }
  const district = (code: string) => ({ term: [`d:${code}`], has: (d: JobDoc) => d.districtCode === code })
  const cityOf = (code: string) => ({ term: [`c:${code}`], has: (d: JobDoc) => d.cityCode === code })
  if (profile.regionCode) sources.push(district(profile.regionCode))
  if (city) sources.push(cityOf(city))
  for (const code of (profile.desiredCities ?? []).slice(0, MAX_WANTED_AREAS)) {
    if (code === profile.regionCode || code === city || code.endsWith('0000')) continue
    sources.push(code.endsWith('00') ? cityOf(code) : district(code))
  }
  const seen = new Map<string, JobDoc>()
  if (!sources.length) {
    for (const d of await walk({ nowMs }, [ALL], 'postedAtMs', null, PER_SOURCE)) seen.set(d._id, d)
  } else {
    const taken = sources.map(() => 0)
    const keep = (d: JobDoc) => {
      let wanted = false
      sources.forEach((s, i) => {
        if (taken[i] < PER_SOURCE && s.has(d)) {
          taken[i]++
          wanted = true
        }
      })
      return wanted
    }
    const enough = () => taken.every((n) => n >= PER_SOURCE)
    const terms = [...new Set(sources.flatMap((s) => s.term))]
    const docs = await walk({ nowMs }, terms, 'postedAtMs', null, PER_SOURCE * sources.length, keep, undefined, enough)
    for (const d of docs) seen.set(d._id, d)
  }

  const ranked = [...seen.values()]
    .map((d) => ({ d, m: matchJob(profile, d) }))
    .sort(
      (a, b) => b.m.matchPercent - a.m.matchPercent || b.d.postedAtMs - a.d.postedAtMs || (a.d._id < b.d._id ? -1 : 1),
    )
  const page = ranked.slice(offset, offset + size)
  const items: RecommendItem[] = page.map(({ d, m }) => ({
    ...toListItem(d, nowMs),
    matchPercent: m.matchPercent,
    reasons: m.reasons,
    lackingSkills: m.lackingSkills,
    explanation: m.explanation,
  }))
  await decorateForCaller(items, ctx)
  const profileComplete =
    profile.desiredOccupations.length > 0 &&
    profile.skills.length > 0 &&
    (!!profile.regionCode || !!profile.desiredCities?.length)
  return {
    items,
    nextCursor: offset + size < ranked.length ? encodeCursor({ o: offset + size }) : null,
    profileComplete,
    hint: profileComplete ? null : '完善求职意向、技能和所在地区，推荐会更准确',
  }
}
