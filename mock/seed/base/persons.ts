/**
 * Synthetic person records (`persons`): a seeded generator that streams batches, so that a million records
 * never sit in memory at once. Each record is internally consistent: the ID number has a valid check
 * character and encodes the hukou region, birth date and sex; graduation follows education and age;
 * key-group flags follow status (e.g. 4050 registered unemployed → employment difficulty).
 */
import { idCheckChar } from '../../../shared/idNumber'
import type { Education, EmploymentStatus, KeyGroup, Person } from '../../../shared/domain/person'
import { protectIdentifiers } from '../../../cloudfunctions/_core/pii'
import { findOccupationsByText } from '../../../shared/occupations/occupations'
import { personName } from './names'
import { type Random, chance, createRandom, intBetween, pick, weighted, weightedPicker } from '../../../shared/random'
import { cstDateMs, cstMonthMs, toIsoCst } from '../../../shared/calendar/chinaTime'

export type PersonDoc = Person &
  Record<string, unknown> & {
    idHash: string
    phoneHash: string
    idNumberEnc: string
    phoneEnc: string
    cityCode: string
    desiredJobTitles: string[]
    boundOpenid: string | null
    boundAt: string | null
  }

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

const PHONE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '134',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '176',
  '177',
  '178',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '198',
  '199',
]
export const randomPhone = (r: Random): string =>
  pick(r, PHONE_PREFIXES) + String(Math.floor(r() * 1e8)).padStart(8, '0')

const EDU_YOUNG: [Education, number][] = [
  ['junior', 12],
  ['senior', 14],
  ['secondaryVocational', 14],
  ['college', 24],
  ['bachelor', 28],
  ['master', 7],
  ['doctor', 1],
]
const EDU_OLD: [Education, number][] = [
  ['primary', 8],
  ['junior', 34],
  ['senior', 20],
  ['secondaryVocational', 12],
  ['college', 13],
  ['bachelor', 11],
  ['master', 2],
]
const GRAD_AGE: Partial<Record<Education, number>> = {
  senior: 18,
  secondaryVocational: 18,
  college: 21,
  bachelor: 22,
  master: 25,
  doctor: 29,
}
const HIGHER: Education[] = ['college', 'bachelor', 'master', 'doctor']

const SKILLS_MANUAL = [
  '电焊',
  '数控车床操作',
  '叉车驾驶',
  '电工',
  '钳工',
  '汽车维修',
  '瓦工',
  '木工',
  '厨师',
  '面点',
  '保洁',
  '家政服务',
  '育婴',
  '养老护理',
  '快递分拣',
  '网约车驾驶',
  '农机操作',
  '果蔬种植',
  '水产养殖',
  '服装缝纫',
]
const SKILLS_OFFICE = [
  '办公软件',
  '会计',
  '出纳',
  '电商运营',
  '直播带货',
  '新媒体运营',
  'Python',
  'Java',
  '前端开发',
  '数据分析',
  '平面设计',
  '短视频剪辑',
  '英语',
  '销售',
  '客服',
  '人力资源',
  '物流管理',
  '幼儿教育',
  '护理',
  '市场营销',
]
const TITLES_MANUAL = [
  '电焊工',
  '数控车工',
  '叉车司机',
  '电工',
  '普工',
  '汽车维修工',
  '厨师',
  '保洁员',
  '育婴师',
  '养老护理员',
  '快递员',
  '外卖骑手',
  '仓库管理员',
  '保安员',
  '农机驾驶员',
]
const TITLES_OFFICE = [
  '会计',
  '行政文员',
  '电商运营',
  '客服专员',
  '销售代表',
  '软件开发工程师',
  '数据分析师',
  '平面设计师',
  '幼儿教师',
  '护士',
  '人事专员',
  '物流专员',
  '新媒体编辑',
  '招聘专员',
  '质检员',
]

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
  const age = weighted(r, [
    [intBetween(r, 18, 24), 18],
    [intBetween(r, 25, 34), 24],
    [intBetween(r, 35, 44), 22],
    [intBetween(r, 45, 54), 22],
    [intBetween(r, 55, 64), 14],
  ] as const)
  const birthMs = nowMs - age * 365.25 * DAY - r() * 360 * DAY
  const birthDate = dateOnly(birthMs)
  const birthYear = Number(birthDate.slice(0, 4))
  const rural = placement.town ? chance(r, 0.8) : chance(r, 0.15)
  const education = weighted(r, age < 35 ? EDU_YOUNG : EDU_OLD)
  const gradAge = GRAD_AGE[education]
  let graduationYear: number | null = gradAge === undefined ? null : birthYear + gradAge + (chance(r, 0.3) ? 1 : 0)
  // Graduates leave school in July.
  const gradMs = graduationYear === null ? null : cstMonthMs(graduationYear, 6)
  const student = gradMs !== null && gradMs > nowMs
  if (student && !HIGHER.includes(education)) graduationYear = null // not yet graduated from school: keep it simple
  const recentGrad = !student && graduationYear !== null && HIGHER.includes(education) && graduationYear >= nowYear - 2
  const retireAge = sex === 'male' ? 60 : 55
  let employmentStatus: EmploymentStatus
  if (student) employmentStatus = 'student'
  else if (age >= retireAge) employmentStatus = 'retired'
  else if (recentGrad)
    employmentStatus = weighted(r, [
      ['employed', 50],
      ['unemployed', 35],
      ['flexible', 12],
      ['selfEmployed', 3],
    ] as const)
  else
    employmentStatus = weighted(r, [
      ['employed', 68],
      ['unemployed', 13],
      ['flexible', 12],
      ['selfEmployed', 7],
    ] as const)
  const adultMs = Math.max(birthMs + 18 * 365.25 * DAY, gradMs ?? 0)
  const sinceMs = Math.min(nowMs - DAY, Math.max(adultMs, nowMs - intBetween(r, 1, 60) * 30 * DAY))
  const employmentStatusSince = employmentStatus === 'student' ? null : dateOnly(sinceMs)
  const registeredUnemployed = employmentStatus === 'unemployed' && chance(r, 0.6)
  const registeredUnemployedSince = registeredUnemployed
    ? dateOnly(Math.min(nowMs - DAY, sinceMs + intBetween(r, 0, 60) * DAY))
    : null

  const keyGroups: KeyGroup[] = []
  if (registeredUnemployed) keyGroups.push('registeredUnemployed')
  if (recentGrad && employmentStatus === 'unemployed') keyGroups.push('recentGraduate')
  const disabled = chance(r, 0.02)
  if (registeredUnemployed && (disabled || (sex === 'female' ? age >= 40 : age >= 50)) && chance(r, 0.7))
    keyGroups.push('employmentDifficulty')
  if (disabled) keyGroups.push('disabled')
  if (rural && chance(r, 0.04)) keyGroups.push('povertyAlleviated')
  if (chance(r, sex === 'male' ? 0.03 : 0.002) && age >= 20) keyGroups.push('veteran')
  if (rural && age >= 25 && age <= 55 && employmentStatus !== 'retired' && chance(r, 0.07))
    keyGroups.push('returnedMigrant')
  if (employmentStatus === 'unemployed' && chance(r, 0.03)) keyGroups.push('zeroEmploymentFamily')

  const workingMonths = Math.max(0, Math.floor((nowMs - adultMs) / (30.44 * DAY)))
  const coverage = employmentStatus === 'employed' ? 0.6 + r() * 0.4 : employmentStatus === 'student' ? 0 : r() * 0.6
  const socialInsuranceMonths = Math.floor(workingMonths * coverage)
  const businessRegisteredAt = employmentStatus === 'selfEmployed' ? employmentStatusSince : null
  return {
    sex,
    birthDate,
    education,
    graduationYear,
    employmentStatus,
    employmentStatusSince,
    registeredUnemployed,
    registeredUnemployedSince,
    keyGroups,
    socialInsuranceMonths,
    businessRegisteredAt,
    hukouType: rural ? 'rural' : 'urban',
  }
}

/**
 * The policy facts beyond the register's core ones (shared/rules/types.ts Facts). Each may be undefined = not
 * known to the employment service (the policy check then asks the resident, the batch answers "undetermined").
 * null for a date means "known: none"; 0 / false mean "known: none / no".
 */
export interface PolicyFacts {
  unemploymentInsuranceMonths?: number
  involuntarilyUnemployed?: boolean
  skillCertificateAt?: string | null
  trainingCompletedAt?: string | null
  lowIncomeFamily?: boolean
  worksOutsideProvince?: boolean
  employeesHired?: number
}

const POLICY_FACT_NAMES = [
  'unemploymentInsuranceMonths',
  'involuntarilyUnemployed',
  'skillCertificateAt',
  'trainingCompletedAt',
  'lowIncomeFamily',
  'worksOutsideProvince',
  'employeesHired',
] as const
/** Skills that usually come with a vocational certificate (特种作业/职业技能等级). */
const CERTIFIED_SKILLS = new Set([
  '电焊',
  '电工',
  '叉车驾驶',
  '数控车床操作',
  '钳工',
  '汽车维修',
  '厨师',
  '面点',
  '育婴',
  '养老护理',
  '家政服务',
  '会计',
  '护理',
  '幼儿教育',
  '人力资源',
])

/**
 * Policy facts consistent with a person's core facts (drawn from its own random stream, so the core facts and
 * every other generated field stay as they were): unemployment insurance only for months worked, involuntary
 * job loss mostly among the registered unemployed, low-income (低保) families a small share concentrated in the
 * key groups, certificates for some skilled workers, subsidised training mostly for the target groups, work in
 * another province mostly for rural workers, and hired employees only for the self-employed. A realistic
 * minority of each fact is left unknown.
 */
export function policyFacts(r: Random, f: PersonFacts, skills: readonly string[], nowMs: number): PolicyFacts {
  const out: PolicyFacts = {}
  const known = (pUnknown: number) => !chance(r, pUnknown)
  const status = f.employmentStatus
  const groups = new Set(f.keyGroups)
  const adultMs = cstDateMs(f.birthDate) + 18 * 365.25 * DAY
  const gradMs = f.graduationYear ? cstMonthMs(f.graduationYear, 6) : 0
  const earliest = Math.max(adultMs, gradMs)
  /** A date between `fromMs` and yesterday, weighted towards the recent past (`recentShare` within the last year). */
  const pastDate = (fromMs: number, recentShare: number): string => {
    const lo = Math.min(nowMs - DAY, fromMs)
    const recentLo = Math.max(lo, nowMs - 365 * DAY)
    const ms = chance(r, recentShare) ? recentLo + r() * (nowMs - DAY - recentLo) : lo + r() * (nowMs - DAY - lo)
    return dateOnly(ms)
  }

  // 失业保险: paid by employers for employees; flexible workers and the self-employed only have earlier months.
  const si = f.socialInsuranceMonths
  const uiShare =
    status === 'employed'
      ? 0.75 + r() * 0.25
      : status === 'student'
        ? 0
        : status === 'unemployed' || status === 'retired'
          ? 0.4 + r() * 0.6
          : 0.1 + r() * 0.6
  if (known(0.08)) out.unemploymentInsuranceMonths = Math.min(si, Math.floor(si * uiShare))

  // 非因本人意愿中断就业: only meaningful for someone who lost a job; a graduate who never worked has not.
  const worked = si > 0
  const pInvoluntary = status !== 'unemployed' || !worked ? 0 : f.registeredUnemployed ? 0.55 : 0.3
  if (known(status === 'unemployed' ? 0.15 : 0.05)) out.involuntarilyUnemployed = chance(r, pInvoluntary)

  // 低保家庭: a small share, concentrated where hardship is.
  let pLow = status === 'unemployed' ? 0.06 : 0.015
  if (groups.has('zeroEmploymentFamily')) pLow = 0.6
  else if (groups.has('povertyAlleviated')) pLow = 0.3
  else if (groups.has('disabled')) pLow = 0.25
  else if (groups.has('employmentDifficulty')) pLow = 0.15
  if (known(0.1)) out.lowIncomeFamily = chance(r, pLow)

  // 职业培训: subsidised courses mostly for the target groups, taken after registering as unemployed where so.
  const target =
    f.registeredUnemployed ||
    f.hukouType === 'rural' ||
    ['recentGraduate', 'employmentDifficulty', 'povertyAlleviated', 'returnedMigrant', 'veteran', 'disabled'].some(
      (g) => groups.has(g as KeyGroup),
    )
  const pTraining =
    status === 'student' || status === 'retired' ? 0.02 : f.registeredUnemployed ? 0.3 : target ? 0.12 : 0.05
  let training: string | null = null
  if (chance(r, pTraining)) {
    const from = f.registeredUnemployedSince
      ? cstDateMs(f.registeredUnemployedSince)
      : Math.max(earliest, nowMs - 60 * 30 * DAY)
    training = pastDate(from, 0.6)
  }
  if (known(0.12)) out.trainingCompletedAt = training

  // 职业技能证书: some skilled workers; most who completed a course took the assessment after it.
  const skilled = skills.some((s) => CERTIFIED_SKILLS.has(s))
  const pCert =
    status === 'student' ? 0.02 : (f.education === 'secondaryVocational' ? 0.35 : 0.1) + (skilled ? 0.25 : 0)
  let certificate: string | null = null
  if (training && chance(r, 0.7))
    certificate = dateOnly(Math.min(nowMs - DAY, cstDateMs(training) + intBetween(r, 7, 45) * DAY))
  else if (chance(r, pCert)) certificate = pastDate(Math.max(earliest, nowMs - 15 * 365 * DAY), 0.15)
  if (known(0.1)) out.skillCertificateAt = certificate

  // 跨省务工: working people, mostly rural ones.
  const working = status === 'employed' || status === 'flexible'
  const pOutside = !working ? 0 : f.hukouType === 'rural' ? (groups.has('povertyAlleviated') ? 0.3 : 0.12) : 0.03
  if (known(groups.has('povertyAlleviated') ? 0.2 : 0.08)) out.worksOutsideProvince = chance(r, pOutside)

  // 吸纳就业: only a business of one's own hires; the register knows no hires of anyone else.
  if (status === 'selfEmployed') {
    if (known(0.15))
      out.employeesHired = weighted(r, [
        [0, 45],
        [intBetween(r, 1, 3), 35],
        [intBetween(r, 4, 10), 15],
        [intBetween(r, 11, 30), 5],
      ] as const)
  } else out.employeesHired = 0
  return out
}

export interface PersonInput {
  id: string
  placement: Placement
  hukouRegion: string
  facts: PersonFacts
  /** Policy facts beyond the core ones; keys left out (or undefined) are unknown. */
  policyFacts?: PolicyFacts
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

/** The known policy facts only (an unknown fact is absent from the record, not stored as undefined). */
function definedPolicyFacts(pf: PolicyFacts | undefined): PolicyFacts {
  const out: Record<string, unknown> = {}
  if (pf) for (const k of POLICY_FACT_NAMES) if (pf[k] !== undefined) out[k] = pf[k]
  return out as PolicyFacts
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
    ...definedPolicyFacts(p.policyFacts),
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
  // the policy facts come from a stream of their own, so adding them left every other generated field unchanged
  const rf = createRandom((o.seed ^ 0x2545f491) >>> 0)
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
    const desiredJobTitles =
      facts.employmentStatus === 'retired' || (facts.employmentStatus === 'student' && chance(r, 0.5))
        ? []
        : Array.from(
            new Set(Array.from({ length: intBetween(r, 1, 2) }, () => pick(r, manual ? TITLES_MANUAL : TITLES_OFFICE))),
          )
    batch.push(
      personDoc(
        {
          id: `${o.idPrefix ?? 'p'}${String(i).padStart(7, '0')}`,
          placement,
          hukouRegion,
          facts,
          policyFacts: policyFacts(rf, facts, skills, o.nowMs),
          name: personName(r, facts.sex),
          idNumber,
          phone: randomPhone(r),
          skills,
          desiredJobTitles,
        },
        o.nowMs,
      ),
    )
    if (batch.length >= batchSize) {
      yield batch
      batch = []
    }
  }
  if (batch.length) yield batch
}
