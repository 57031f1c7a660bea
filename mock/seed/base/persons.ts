/**
 * Synthetic person records (`persons`): a seeded generator that streams batches, so that a million records
 * never sit in memory at once. Each record is internally consistent: the ID number has a valid check
 * character and encodes the hukou region, birth date and sex; graduation follows education and age;
 * key-group flags follow status (e.g. 4050 registered unemployed → employment difficulty).
 */
import { idCheckChar } from '../../../shared/idNumber'
import type { Education, EmploymentStatus, KeyGroup, Person } from '../../../shared/domain/person'
import { protectIdentifiers } from '../../../cloudfunctions/_core/pii'
import { toIsoCst } from '../../../cloudfunctions/_core/clock'
import { findOccupationsByText } from '../../../shared/occupations/occupations'
import { personName } from './names'
import { type Random, chance, createRandom, intBetween, pick, weighted, weightedPicker } from './random'

export type PersonDoc = Person & Record<string, unknown> & { idHash: string; phoneHash: string; idNumberEnc: string; phoneEnc: string; cityCode: string; desiredJobTitles: string[]; boundOpenid: string | null; boundAt: string | null }

/** Where a person lives: a community grid and its street, district and city. */
export interface Placement {
  gridCode: string
  streetCode: string
  districtCode: string
  cityCode: string
  /** A town (镇/乡) rather than an urban street (街道). */
  town: boolean
  /** Weight of this place in the population. */
  weight: number
}

const DAY = 86_400_000

export function buildIdNumber(regionCode: string, birthDate: string, seq: number): string {
  const first17 = regionCode + birthDate.replace(/-/g, '') + String(seq % 1000).padStart(3, '0')
  return first17 + idCheckChar(first17)
}

const dateOnly = (ms: number): string => toIsoCst(ms).slice(0, 10)

const PHONE_PREFIXES = ['130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156', '157', '158', '159', '166', '176', '177', '178', '180', '181', '182', '183', '185', '186', '187', '188', '189', '198', '199']
export const randomPhone = (r: Random): string => pick(r, PHONE_PREFIXES) + String(Math.floor(r() * 1e8)).padStart(8, '0')

const EDU_YOUNG: [Education, number][] = [['junior', 12], ['senior', 14], ['secondaryVocational', 14], ['college', 24], ['bachelor', 28], ['master', 7], ['doctor', 1]]
const EDU_OLD: [Education, number][] = [['primary', 8], ['junior', 34], ['senior', 20], ['secondaryVocational', 12], ['college', 13], ['bachelor', 11], ['master', 2]]
const GRAD_AGE: Partial<Record<Education, number>> = { senior: 18, secondaryVocational: 18, college: 21, bachelor: 22, master: 25, doctor: 29 }
const HIGHER: Education[] = ['college', 'bachelor', 'master', 'doctor']

const SKILLS_MANUAL = ['电焊', '数控车床操作', '叉车驾驶', '电工', '钳工', '汽车维修', '瓦工', '木工', '厨师', '面点', '保洁', '家政服务', '育婴', '养老护理', '快递分拣', '网约车驾驶', '农机操作', '果蔬种植', '水产养殖', '服装缝纫']
const SKILLS_OFFICE = ['办公软件', '会计', '出纳', '电商运营', '直播带货', '新媒体运营', 'Python', 'Java', '前端开发', '数据分析', '平面设计', '短视频剪辑', '英语', '销售', '客服', '人力资源', '物流管理', '幼儿教育', '护理', '市场营销']
const TITLES_MANUAL = ['电焊工', '数控车工', '叉车司机', '电工', '普工', '汽车维修工', '厨师', '保洁员', '育婴师', '养老护理员', '快递员', '外卖骑手', '仓库管理员', '保安员', '农机驾驶员']
const TITLES_OFFICE = ['会计', '行政文员', '电商运营', '客服专员', '销售代表', '软件开发工程师', '数据分析师', '平面设计师', '幼儿教师', '护士', '人事专员', '物流专员', '新媒体编辑', '招聘专员', '质检员']

export interface PersonFacts {
  sex: 'male' | 'female'
  birthDate: string
  education: Education
  graduationYear: number | null
  employmentStatus: EmploymentStatus
  employmentStatusSince: string | null
  registeredUnemployed: boolean
  registeredUnemployedSince: string | null
  keyGroups: KeyGroup[]
  socialInsuranceMonths: number
  businessRegisteredAt: string | null
  hukouType: 'urban' | 'rural'
}

/** Age in whole years on `nowMs`. */
export function ageOn(birthDate: string, nowMs: number): number {
  const now = toIsoCst(nowMs)
  const y = Number(now.slice(0, 4)) - Number(birthDate.slice(0, 4))
  return now.slice(5, 10) < birthDate.slice(5, 10) ? y - 1 : y
}

/** Consistent facts for one person living at `placement`. */
export function personFacts(r: Random, placement: Placement, nowMs: number): PersonFacts {
  const nowYear = Number(toIsoCst(nowMs).slice(0, 4))
  const sex = chance(r, 0.5) ? 'male' : 'female'
  const age = weighted(r, [[intBetween(r, 18, 24), 18], [intBetween(r, 25, 34), 24], [intBetween(r, 35, 44), 22], [intBetween(r, 45, 54), 22], [intBetween(r, 55, 64), 14]] as const)
  const birthMs = nowMs - age * 365.25 * DAY - r() * 360 * DAY
  const birthDate = dateOnly(birthMs)
  const birthYear = Number(birthDate.slice(0, 4))
  const rural = placement.town ? chance(r, 0.8) : chance(r, 0.15)
  const education = weighted(r, age < 35 ? EDU_YOUNG : EDU_OLD)
  const gradAge = GRAD_AGE[education]
  let graduationYear: number | null = gradAge === undefined ? null : birthYear + gradAge + (chance(r, 0.3) ? 1 : 0)
  // Graduates leave school in July.
  const gradMs = graduationYear === null ? null : Date.parse(`${graduationYear}-07-01T00:00:00+08:00`)
  const student = gradMs !== null && gradMs > nowMs
  if (student && !HIGHER.includes(education)) graduationYear = null // not yet graduated from school: keep it simple
  const recentGrad = !student && graduationYear !== null && HIGHER.includes(education) && graduationYear >= nowYear - 2
  const retireAge = sex === 'male' ? 60 : 55
  let employmentStatus: EmploymentStatus
  if (student) employmentStatus = 'student'
  else if (age >= retireAge) employmentStatus = 'retired'
  else if (recentGrad) employmentStatus = weighted(r, [['employed', 50], ['unemployed', 35], ['flexible', 12], ['selfEmployed', 3]] as const)
  else employmentStatus = weighted(r, [['employed', 68], ['unemployed', 13], ['flexible', 12], ['selfEmployed', 7]] as const)
  const adultMs = Math.max(birthMs + 18 * 365.25 * DAY, gradMs ?? 0)
  const sinceMs = Math.min(nowMs - DAY, Math.max(adultMs, nowMs - intBetween(r, 1, 60) * 30 * DAY))
  const employmentStatusSince = employmentStatus === 'student' ? null : dateOnly(sinceMs)
  const registeredUnemployed = employmentStatus === 'unemployed' && chance(r, 0.6)
  const registeredUnemployedSince = registeredUnemployed ? dateOnly(Math.min(nowMs - DAY, sinceMs + intBetween(r, 0, 60) * DAY)) : null

  const keyGroups: KeyGroup[] = []
  if (registeredUnemployed) keyGroups.push('registeredUnemployed')
  if (recentGrad && employmentStatus === 'unemployed') keyGroups.push('recentGraduate')
  const disabled = chance(r, 0.02)
  if (registeredUnemployed && (disabled || (sex === 'female' ? age >= 40 : age >= 50)) && chance(r, 0.7)) keyGroups.push('employmentDifficulty')
  if (disabled) keyGroups.push('disabled')
  if (rural && chance(r, 0.04)) keyGroups.push('povertyAlleviated')
  if (chance(r, sex === 'male' ? 0.03 : 0.002) && age >= 20) keyGroups.push('veteran')
  if (rural && age >= 25 && age <= 55 && employmentStatus !== 'retired' && chance(r, 0.07)) keyGroups.push('returnedMigrant')
  if (employmentStatus === 'unemployed' && chance(r, 0.03)) keyGroups.push('zeroEmploymentFamily')

  const workingMonths = Math.max(0, Math.floor((nowMs - adultMs) / (30.44 * DAY)))
  const coverage = employmentStatus === 'employed' ? 0.6 + r() * 0.4 : employmentStatus === 'student' ? 0 : r() * 0.6
  const socialInsuranceMonths = Math.floor(workingMonths * coverage)
  const businessRegisteredAt = employmentStatus === 'selfEmployed' ? employmentStatusSince : null
  return {
    sex, birthDate, education, graduationYear, employmentStatus, employmentStatusSince, registeredUnemployed,
    registeredUnemployedSince, keyGroups, socialInsuranceMonths, businessRegisteredAt, hukouType: rural ? 'rural' : 'urban',
  }
}

export interface PersonInput {
  id: string
  placement: Placement
  hukouRegion: string
  facts: PersonFacts
  name: string
  idNumber: string
  phone: string
  skills: string[]
  desiredJobTitles: string[]
}

const occupationCodeCache = new Map<string, string | null>()
/** Occupation codes (shared/occupations) for free-text job titles; titles without one are left out. */
export function occupationCodesFor(titles: string[]): string[] {
  const codes: string[] = []
  for (const t of titles) {
    let code = occupationCodeCache.get(t)
    if (code === undefined) {
      code = findOccupationsByText(t)[0]?.code ?? null
      occupationCodeCache.set(t, code)
    }
    if (code && !codes.includes(code)) codes.push(code)
  }
  return codes
}

export function personDoc(p: PersonInput, nowMs: number): PersonDoc {
  const at = toIsoCst(nowMs)
  return {
    _id: p.id,
    name: p.name,
    // stored sealed (AES-256-GCM) with a blind index; the plain fields hold only the masked forms
    ...protectIdentifiers(p.idNumber, p.phone),
    sex: p.facts.sex,
    birthDate: p.facts.birthDate,
    hukouRegion: p.hukouRegion,
    hukouType: p.facts.hukouType,
    residenceRegion: p.placement.districtCode,
    cityCode: p.placement.cityCode,
    streetCode: p.placement.streetCode,
    gridCode: p.placement.gridCode,
    education: p.facts.education,
    graduationYear: p.facts.graduationYear,
    employmentStatus: p.facts.employmentStatus,
    employmentStatusSince: p.facts.employmentStatusSince,
    registeredUnemployed: p.facts.registeredUnemployed,
    registeredUnemployedSince: p.facts.registeredUnemployedSince,
    keyGroups: p.facts.keyGroups,
    socialInsuranceMonths: p.facts.socialInsuranceMonths,
    businessRegisteredAt: p.facts.businessRegisteredAt,
    desiredOccupations: occupationCodesFor(p.desiredJobTitles),
    desiredJobTitles: p.desiredJobTitles,
    skills: p.skills,
    boundOpenid: null,
    boundAt: null,
    createdAt: at,
    updatedAt: at,
  }
}

export interface GenerateOptions {
  count: number
  seed: number
  nowMs: number
  placements: Placement[]
  /** District codes persons may have their hukou in (GB/T 2260 counties), with weights. */
  hukouDistricts: [string, number][]
  batchSize?: number
  /** ID numbers already taken (e.g. by the demo persons). */
  takenIdNumbers?: Iterable<string>
  idPrefix?: string
}

/** Streams batches of person documents. Deterministic for a given seed, placements and now. */
export function* generatePersons(o: GenerateOptions): Generator<PersonDoc[]> {
  const r = createRandom(o.seed)
  const place = weightedPicker(o.placements.map((p) => [p, p.weight] as const))
  const hukou = weightedPicker(o.hukouDistricts)
  const taken = new Set(o.takenIdNumbers ?? [])
  const batchSize = o.batchSize ?? 2000
  let batch: PersonDoc[] = []
  for (let i = 1; i <= o.count; i++) {
    const placement = place(r)
    const facts = personFacts(r, placement, o.nowMs)
    const hukouRegion = chance(r, 0.75) ? placement.districtCode : hukou(r)
    let seq = intBetween(r, 0, 499) * 2 + (facts.sex === 'male' ? 1 : 0)
    let idNumber = buildIdNumber(hukouRegion, facts.birthDate, seq)
    while (taken.has(idNumber)) {
      seq = (seq + 2) % 1000
      idNumber = buildIdNumber(hukouRegion, facts.birthDate, seq)
    }
    taken.add(idNumber)
    const manual = HIGHER.includes(facts.education) ? chance(r, 0.1) : chance(r, 0.85)
    const skillPool = manual ? SKILLS_MANUAL : SKILLS_OFFICE
    const skills = Array.from(new Set(Array.from({ length: intBetween(r, 0, 3) }, () => pick(r, skillPool))))
    const desiredJobTitles = facts.employmentStatus === 'retired' || (facts.employmentStatus === 'student' && chance(r, 0.5))
      ? []
      : Array.from(new Set(Array.from({ length: intBetween(r, 1, 2) }, () => pick(r, manual ? TITLES_MANUAL : TITLES_OFFICE))))
    batch.push(personDoc({
      id: `${o.idPrefix ?? 'p'}${String(i).padStart(7, '0')}`,
      placement, hukouRegion, facts,
      name: personName(r, facts.sex),
      idNumber, phone: randomPhone(r), skills, desiredJobTitles,
    }, o.nowMs))
    if (batch.length >= batchSize) {
      yield batch
      batch = []
    }
  }
  if (batch.length) yield batch
}
