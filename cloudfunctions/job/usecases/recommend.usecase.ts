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
import { walkNewest } from '../helpers/searchWalk'
import { ALL } from '../../../shared/job/searchKeys'
import { findPerson } from '../repositories/profile.repository'
import { resumeSnapshot } from '../helpers/resumeSnapshot'
import { decorateForCaller } from '../helpers/callerMarks'
import { toListItem } from '../helpers/jobView'
import type { RecommendItem } from '../../../shared/job/views'

const PER_SOURCE = 150
/** At most this many of the wanted areas feed candidates (each one more walk); all of them count in the score. */
const MAX_WANTED_AREAS = 3

const desiredCitiesOf = (profile: unknown): string[] => {
  const v = (profile as { desiredCities?: unknown } | undefined)?.desiredCities
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && /^\d{6}$/.test(x)) : []
}

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
    desiredCities: desiredCitiesOf(caller.user.profile),
  }

  const sources: Promise<JobDoc[]>[] = []
  const city = profile.regionCode ? `${profile.regionCode.slice(0, 4)}00` : null
  if (profile.desiredOccupations.length) {
    const occupationIn = profile.desiredOccupations.slice(0, 5)
    sources.push(
      walkNewest(
        { nowMs, occupationIn },
        occupationIn.map((o) => `o:${o}`),
        null,
        PER_SOURCE,
      ),
    )
  }
  if (profile.regionCode)
    sources.push(walkNewest({ nowMs, districtCode: profile.regionCode }, [`d:${profile.regionCode}`], null, PER_SOURCE))
  if (city) sources.push(walkNewest({ nowMs, cityCode: city }, [`c:${city}`], null, PER_SOURCE))
  // where they want to work (意向地区): the districts and cities they chose, beside home
  for (const code of (profile.desiredCities ?? []).slice(0, MAX_WANTED_AREAS)) {
    if (code === profile.regionCode || code === city || code.endsWith('0000')) continue
    if (code.endsWith('00')) sources.push(walkNewest({ nowMs, cityCode: code }, [`c:${code}`], null, PER_SOURCE))
    else sources.push(walkNewest({ nowMs, districtCode: code }, [`d:${code}`], null, PER_SOURCE))
  }
  if (!sources.length) sources.push(walkNewest({ nowMs }, [ALL], null, PER_SOURCE))
  const seen = new Map<string, JobDoc>()
  for (const batch of await Promise.all(sources)) for (const d of batch) seen.set(d._id, d)

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
