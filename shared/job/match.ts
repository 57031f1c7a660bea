/**
 * Recommendation: how well a posting fits a resident's profile, as a percentage with reasons and the skills
 * the resident lacks, in Chinese. Pure and deterministic.
 *
 * Weights (sum 100): occupation 35 (the wanted occupation 35, same minor group 20, same major group 8),
 * skills 20 (share of the posting's skills the resident has), place 25 (same district 25, same city 15),
 * salary 10 (the posting can pay the expected monthly salary 10, within 80 % of it 5), education 10.
 * Place weighs more than skills: residents (many older, rural) look for work near home first.
 */
import { occupationAncestors, occupationName } from '../occupations/occupations'
import { EDUCATION_LABELS } from '../domain/person'
import type { Education } from './types'

export const EDUCATION_ORDER: Education[] = [
  'none',
  'primary',
  'junior',
  'senior',
  'secondaryVocational',
  'college',
  'bachelor',
  'master',
  'doctor',
]
/** 中专/技校 and 高中 are the same level for a requirement. */
const eduLevel = (e: Education): number =>
  e === 'secondaryVocational' ? EDUCATION_ORDER.indexOf('senior') : EDUCATION_ORDER.indexOf(e)

export const meetsEducation = (has: Education | null | undefined, required: Education | null | undefined): boolean =>
  !required || required === 'none' || (!!has && eduLevel(has) >= eduLevel(required))

export interface MatchProfile {
  desiredOccupations: string[]
  skills: string[]
  /** District code where the resident lives. */
  regionCode: string | null
  /** Where the resident wants to work (我的资料 意向地区): GB/T 2260 district, city or province codes. */
  desiredCities?: string[]
  expectedSalaryMin: number | null
  education: Education | null
}

export interface MatchJob {
  occupationCode: string
  skills: string[]
  districtCode: string
  districtName?: string
  cityCode: string
  cityName?: string
  salaryMonthlyMax: number
  education: Education
}

export interface MatchResult {
  matchPercent: number
  reasons: string[]
  lackingSkills: string[]
  /** One sentence for the card: 匹配度 82%：…；还需掌握：… */
  explanation: string
}

const norm = (s: string) => s.trim().toLowerCase()

function hasSkill(mine: string[], skill: string): boolean {
  const s = norm(skill)
  return mine.some((m) => {
    const x = norm(m)
    return x === s || (x.length >= 2 && s.includes(x)) || (s.length >= 2 && x.includes(s))
  })
}

function occupationScore(desired: string[], code: string): { score: number; reason: string | null } {
  if (desired.length === 0) return { score: 0, reason: null }
  const anc = occupationAncestors(code)
  if (desired.includes(code) || desired.some((d) => d !== anc[0] && anc.includes(d) && d.split('-').length >= 3)) {
    return { score: 35, reason: `求职意向相符（${occupationName(code)}）` }
  }
  const minor = anc.length >= 3 ? anc[2] : null
  if (minor && desired.some((d) => occupationAncestors(d).includes(minor))) {
    return { score: 20, reason: `与您的求职意向同属一类（${occupationName(code)}）` }
  }
  if (desired.some((d) => occupationAncestors(d)[0] === anc[0])) return { score: 8, reason: null }
  return { score: 0, reason: null }
}

/** How closely a posting lies in one of the wanted areas: its district, its city, its province, or none. */
function wantedArea(
  codes: string[],
  job: { districtCode: string; cityCode: string },
): 'district' | 'city' | 'province' | null {
  let best: 'district' | 'city' | 'province' | null = null
  for (const c of codes) {
    if (c === job.districtCode) return 'district'
    if (c.endsWith('0000')) {
      if (c.slice(0, 2) === job.cityCode.slice(0, 2)) best = best ?? 'province'
    } else if (c.endsWith('00') && c.slice(0, 4) === job.cityCode.slice(0, 4)) best = 'city'
  }
  return best
}

export function matchJob(profile: MatchProfile, job: MatchJob): MatchResult {
  const reasons: string[] = []
  let score = 0

  const occ = occupationScore(profile.desiredOccupations, job.occupationCode)
  score += occ.score
  if (occ.reason) reasons.push(occ.reason)

  const jobSkills = job.skills ?? []
  const lackingSkills = jobSkills.filter((s) => !hasSkill(profile.skills, s))
  const have = jobSkills.length - lackingSkills.length
  if (jobSkills.length === 0) score += 20
  else {
    score += Math.round((20 * have) / jobSkills.length)
    if (have > 0) reasons.push(`具备岗位要求的 ${have}/${jobSkills.length} 项技能`)
  }

  const wanted = wantedArea(profile.desiredCities ?? [], job)
  if (profile.regionCode && profile.regionCode === job.districtCode) {
    score += 25
    reasons.push(`就在您所在的${job.districtName || '区县'}`)
  } else if (wanted === 'district' || wanted === 'city') {
    score += 25
    reasons.push(`在您想去的${(wanted === 'district' ? job.districtName : job.cityName) || '地区'}`)
  } else if (profile.regionCode && profile.regionCode.slice(0, 4) === job.cityCode.slice(0, 4)) {
    score += 15
    reasons.push(`在您所在的${job.cityName || '城市'}`)
  } else if (wanted === 'province') {
    score += 10
    reasons.push('在您想去的省份')
  }

  if (profile.expectedSalaryMin) {
    if (job.salaryMonthlyMax >= profile.expectedSalaryMin) {
      score += 10
      reasons.push(`薪资可达您的期望（${profile.expectedSalaryMin}元/月）`)
    } else if (job.salaryMonthlyMax >= profile.expectedSalaryMin * 0.8) score += 5
  } else score += 10

  if (meetsEducation(profile.education, job.education)) {
    score += 10
    if (job.education !== 'none') reasons.push(`学历符合要求（${EDUCATION_LABELS[job.education]}及以上）`)
  }

  const matchPercent = Math.max(0, Math.min(100, score))
  const parts = [`匹配度 ${matchPercent}%`]
  if (reasons.length) parts.push(reasons.join('；'))
  let explanation = parts.join('：')
  if (lackingSkills.length) explanation += `；还需掌握：${lackingSkills.join('、')}`
  else if (jobSkills.length) explanation += '；岗位要求的技能您都具备'
  return { matchPercent, reasons, lackingSkills, explanation }
}
