/**
 * The contract's demo identities (docs/contract.md) and the hand-written person records around them.
 * Fixed names and numbers so that tests and demos can refer to them; dates that must be "recent"
 * (the demo resident's graduation) are relative to the seed's now.
 */
import type { EmploymentStatus, Education, KeyGroup } from '../../../shared/domain/person'
import type { Role } from '../../../shared/actions/define'
import { idCheckChar } from '../../../shared/idNumber'
import { districtByCode } from './divisions'
import { communityGridCode } from './grids'
import { buildIdNumber, personDoc, policyFacts, type PersonDoc, type Placement, type PolicyFacts } from './persons'
import { createRandom } from '../../../shared/random'
import { toIsoCst } from '../../../shared/calendar/chinaTime'

export const DEMO_OPENIDS = {
  resident: 'o_demo_resident',
  resident2: 'o_demo_resident2',
  grid: 'o_demo_grid',
  grid2: 'o_demo_grid2',
  handler: 'o_demo_handler',
  handler2: 'o_demo_handler2',
  admin: 'o_demo_admin',
} as const

/** Two community grids of 历下区 (解放路街道, 千佛山街道). */
export const DEMO_GRIDS = { grid: communityGridCode('370102001', 1), grid2: communityGridCode('370102002', 1) } as const
/** 历下区 bureau (handles every category for 370102) and 青岛市市南区 bureau. */
export const DEMO_DEPARTMENTS = { handler: 'dept_370102', handler2: 'dept_370202' } as const
export const DEMO_PERSON_IDS = { resident: 'p_demo_resident', resident2: 'p_demo_resident2' } as const

const DAY = 86_400_000

interface DemoPersonSpec {
  id: string
  name: string
  sex: 'male' | 'female'
  birthDate: string
  /** Sequence part of the ID number (odd for men, even for women); or 'X' to pick one whose check char is X. */
  seq: number | 'X'
  hukouRegion: string
  hukouType?: 'urban' | 'rural'
  gridCode: string
  education: Education
  graduationYear?: number | null
  employmentStatus: EmploymentStatus
  /** Months before now since when the status holds. */
  sinceMonths: number
  registeredUnemployed?: boolean
  keyGroups?: KeyGroup[]
  socialInsuranceMonths: number
  phone: string
  skills?: string[]
  desiredJobTitles?: string[]
  /**
   * Policy facts that make the demo tell a story; a key set to undefined is deliberately unknown. Facts not named
   * here come from the generator (shared rules of thumb, seeded by the person id).
   */
  policy?: PolicyFacts
}

/** A date `days` before now (YYYY-MM-DD, CST). */
const daysAgo = (nowMs: number, days: number): string => toIsoCst(nowMs - days * DAY).slice(0, 10)

/** A stable 32-bit seed from a person id (FNV-1a). */
function seedOf(id: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/** The graduation year of someone who left university this summer (or last summer before July). */
export function recentGraduationYear(nowMs: number): number {
  const now = toIsoCst(nowMs)
  const y = Number(now.slice(0, 4))
  return now.slice(5, 7) >= '07' ? y : y - 1
}

function specs(nowMs: number): DemoPersonSpec[] {
  const grad = recentGraduationYear(nowMs)
  const g1 = DEMO_GRIDS.grid,
    g2 = DEMO_GRIDS.grid2
  return [
    {
      id: DEMO_PERSON_IDS.resident,
      name: '李晓明',
      sex: 'male',
      birthDate: `${grad - 22}-05-16`,
      seq: 123,
      hukouRegion: '370102',
      gridCode: g1,
      education: 'bachelor',
      graduationYear: grad,
      employmentStatus: 'unemployed',
      sinceMonths: 3,
      registeredUnemployed: true,
      keyGroups: ['registeredUnemployed', 'recentGraduate'],
      socialInsuranceMonths: 0,
      phone: '13805310001',
      skills: ['办公软件', '数据分析'],
      desiredJobTitles: ['数据分析师', '行政文员'],
      // never worked (no unemployment insurance), took a subsidised data-analysis course after registering and passed
      // its skill assessment; whether the family receives 低保 is not on record: the policy check asks (求职创业补贴)
      policy: {
        unemploymentInsuranceMonths: 0,
        involuntarilyUnemployed: false,
        trainingCompletedAt: daysAgo(nowMs, 30),
        skillCertificateAt: daysAgo(nowMs, 14),
        lowIncomeFamily: undefined,
        worksOutsideProvince: false,
        employeesHired: 0,
      },
    },
    // An employed nanny (家政公司育婴员) who recently earned her 育婴员 certificate: 技能提升补贴, not the youth policies.
    {
      id: DEMO_PERSON_IDS.resident2,
      name: '王秀兰',
      sex: 'female',
      birthDate: '1988-09-12',
      seq: 246,
      hukouRegion: '370102',
      gridCode: g2,
      education: 'senior',
      employmentStatus: 'employed',
      sinceMonths: 20,
      socialInsuranceMonths: 96,
      phone: '13905310002',
      skills: ['家政服务', '育婴'],
      desiredJobTitles: ['育婴师'],
      policy: {
        unemploymentInsuranceMonths: 90,
        involuntarilyUnemployed: false,
        trainingCompletedAt: daysAgo(nowMs, 180),
        skillCertificateAt: daysAgo(nowMs, 150),
        lowIncomeFamily: false,
        worksOutsideProvince: false,
        employeesHired: 0,
      },
    },
    // People of the demo grid worker's grid (解放路街道第1网格).
    {
      id: 'p_demo_g1_01',
      name: '张建国',
      sex: 'male',
      birthDate: '1972-04-03',
      seq: 311,
      hukouRegion: '370102',
      gridCode: g1,
      education: 'junior',
      employmentStatus: 'unemployed',
      sinceMonths: 8,
      registeredUnemployed: true,
      keyGroups: ['registeredUnemployed', 'employmentDifficulty'],
      socialInsuranceMonths: 180,
      phone: '13606410011',
      skills: ['电工'],
      desiredJobTitles: ['电工', '保安员'],
      // laid off: 失业保险金
      policy: { unemploymentInsuranceMonths: 150, involuntarilyUnemployed: true, lowIncomeFamily: false },
    },
    {
      id: 'p_demo_g1_02',
      name: '刘芳',
      sex: 'female',
      birthDate: '1983-11-20',
      seq: 412,
      hukouRegion: '370102',
      gridCode: g1,
      education: 'senior',
      employmentStatus: 'unemployed',
      sinceMonths: 5,
      registeredUnemployed: true,
      keyGroups: ['registeredUnemployed', 'employmentDifficulty'],
      socialInsuranceMonths: 120,
      phone: '13706410012',
      skills: ['保洁'],
      desiredJobTitles: ['保洁员'],
      // why she left is not on record: the grid worker asks
      policy: { unemploymentInsuranceMonths: 96, involuntarilyUnemployed: undefined },
    },
    {
      id: 'p_demo_g1_03',
      name: '陈浩',
      sex: 'male',
      birthDate: `${grad - 22}-06-15`,
      seq: 517,
      hukouRegion: '370102',
      gridCode: g1,
      education: 'college',
      graduationYear: grad - 1,
      employmentStatus: 'unemployed',
      sinceMonths: 10,
      keyGroups: ['recentGraduate'],
      socialInsuranceMonths: 0,
      phone: '15806410013',
      skills: ['电商运营'],
      desiredJobTitles: ['电商运营'],
    },
    {
      id: 'p_demo_g1_04',
      name: '赵丽',
      sex: 'female',
      birthDate: '1990-02-28',
      seq: 604,
      hukouRegion: '370102',
      gridCode: g1,
      education: 'bachelor',
      graduationYear: 2012,
      employmentStatus: 'employed',
      sinceMonths: 40,
      socialInsuranceMonths: 150,
      phone: '18606410014',
      skills: ['会计'],
      desiredJobTitles: [],
    },
    {
      id: 'p_demo_g1_05',
      name: '孙强',
      sex: 'male',
      birthDate: '1985-07-07',
      seq: 715,
      hukouRegion: '370102',
      gridCode: g1,
      education: 'junior',
      employmentStatus: 'flexible',
      sinceMonths: 14,
      keyGroups: ['disabled'],
      socialInsuranceMonths: 60,
      phone: '13306410015',
      skills: ['快递分拣'],
      desiredJobTitles: ['仓库管理员'],
    },
    {
      id: 'p_demo_g1_06',
      name: '周敏',
      sex: 'female',
      birthDate: '1979-01-15',
      seq: 808,
      hukouRegion: '370124',
      hukouType: 'rural',
      gridCode: g1,
      education: 'junior',
      employmentStatus: 'selfEmployed',
      sinceMonths: 18,
      keyGroups: ['povertyAlleviated'],
      socialInsuranceMonths: 36,
      phone: '15306410016',
      skills: ['面点'],
      desiredJobTitles: [],
      // her bakery employs two: 一次性吸纳就业补贴
      policy: { employeesHired: 2, worksOutsideProvince: false },
    },
    // People of the second demo grid (千佛山街道第1网格).
    {
      id: 'p_demo_g2_01',
      name: '吴刚',
      sex: 'male',
      birthDate: '1976-10-09',
      seq: 133,
      hukouRegion: '370102',
      gridCode: g2,
      education: 'senior',
      employmentStatus: 'unemployed',
      sinceMonths: 7,
      registeredUnemployed: true,
      keyGroups: ['registeredUnemployed', 'veteran'],
      socialInsuranceMonths: 200,
      phone: '13806410021',
      skills: ['汽车维修'],
      desiredJobTitles: ['汽车维修工'],
      // quit of his own accord: no 失业保险金
      policy: { unemploymentInsuranceMonths: 180, involuntarilyUnemployed: false },
    },
    {
      id: 'p_demo_g2_02',
      name: '郑红梅',
      sex: 'female',
      birthDate: '1981-03-30',
      seq: 254,
      hukouRegion: '371525',
      hukouType: 'rural',
      gridCode: g2,
      education: 'junior',
      employmentStatus: 'flexible',
      sinceMonths: 4,
      keyGroups: ['returnedMigrant'],
      socialInsuranceMonths: 48,
      phone: '13906410022',
      skills: ['服装缝纫'],
      desiredJobTitles: ['普工'],
      // sewing course + certificate
      policy: {
        trainingCompletedAt: daysAgo(nowMs, 90),
        skillCertificateAt: daysAgo(nowMs, 75),
        worksOutsideProvince: false,
      },
    },
    {
      id: 'p_demo_g2_03',
      name: '黄磊',
      sex: 'male',
      birthDate: `${grad - 23}-12-02`,
      seq: 375,
      hukouRegion: '370102',
      gridCode: g2,
      education: 'bachelor',
      graduationYear: grad,
      employmentStatus: 'unemployed',
      sinceMonths: 2,
      keyGroups: ['recentGraduate'],
      socialInsuranceMonths: 0,
      phone: '17606410023',
      skills: ['Java'],
      desiredJobTitles: ['软件开发工程师'],
    },
    {
      id: 'p_demo_g2_04',
      name: '马振海',
      sex: 'male',
      birthDate: '1968-08-18',
      seq: 497,
      hukouRegion: '370102',
      gridCode: g2,
      education: 'primary',
      employmentStatus: 'unemployed',
      sinceMonths: 13,
      registeredUnemployed: true,
      keyGroups: ['registeredUnemployed', 'employmentDifficulty', 'zeroEmploymentFamily'],
      socialInsuranceMonths: 230,
      phone: '13506410024',
      skills: ['瓦工'],
      desiredJobTitles: ['保安员'],
      policy: { unemploymentInsuranceMonths: 200, involuntarilyUnemployed: true, lowIncomeFamily: true },
    },
    {
      id: 'p_demo_g2_05',
      name: '林娜',
      sex: 'female',
      birthDate: '1999-04-25',
      seq: 568,
      hukouRegion: '370102',
      gridCode: g2,
      education: 'college',
      graduationYear: 2020,
      employmentStatus: 'unemployed',
      sinceMonths: 6,
      registeredUnemployed: true,
      keyGroups: ['registeredUnemployed'],
      socialInsuranceMonths: 30,
      phone: '18806410025',
      skills: ['客服'],
      desiredJobTitles: ['客服专员'],
    },
    // Unbound people for bindResident demos and tests (see DEMO_BIND_CANDIDATES).
    // 孙悦 (the first-run journey): left university last summer (材料成型及控制工程, a welding major), worked eight
    // months as a trainee welding technician until her contract ended, and registered as unemployed; within two
    // years of graduating, so after binding she is matched to 离校未就业高校毕业生实名服务 (years follow the seed's now).
    {
      id: 'p_demo_bind1',
      name: '孙悦',
      sex: 'female',
      birthDate: `${grad - 23}-03-08`,
      seq: 682,
      hukouRegion: '370103',
      gridCode: communityGridCode('370103002', 1),
      education: 'bachelor',
      graduationYear: grad - 1,
      employmentStatus: 'unemployed',
      sinceMonths: 5,
      registeredUnemployed: true,
      keyGroups: ['registeredUnemployed', 'recentGraduate'],
      socialInsuranceMonths: 8,
      phone: '13705310031',
      skills: ['机械制图'],
      // too short a contribution for 失业保险金 (at least a year); the contract ended, she did not quit
      policy: { unemploymentInsuranceMonths: 8, involuntarilyUnemployed: true, employeesHired: 0 },
    },
    {
      id: 'p_demo_bind2',
      name: '欧阳娜娜',
      sex: 'female',
      birthDate: '2000-12-01',
      seq: 760,
      hukouRegion: '370202',
      gridCode: communityGridCode('370202001', 1),
      education: 'master',
      graduationYear: 2025,
      employmentStatus: 'unemployed',
      sinceMonths: 4,
      socialInsuranceMonths: 0,
      phone: '15905320032',
    },
    {
      id: 'p_demo_bind3',
      name: '高志强',
      sex: 'male',
      birthDate: '1987-05-21',
      seq: 'X',
      hukouRegion: '371302',
      gridCode: communityGridCode('371302001', 1),
      education: 'secondaryVocational',
      graduationYear: 2005,
      employmentStatus: 'employed',
      sinceMonths: 50,
      socialInsuranceMonths: 190,
      phone: '13805390033',
    },
  ]
}

function idFor(s: DemoPersonSpec): string {
  if (s.seq !== 'X') return buildIdNumber(s.hukouRegion, s.birthDate, s.seq)
  for (let seq = s.sex === 'male' ? 1 : 0; seq < 1000; seq += 2) {
    const first17 = s.hukouRegion + s.birthDate.replace(/-/g, '') + String(seq).padStart(3, '0')
    if (idCheckChar(first17) === 'X') return first17 + 'X'
  }
  throw new Error('no X check char')
}

function placementOf(gridCode: string): Placement {
  const streetCode = gridCode.slice(0, 9)
  const d = districtByCode(streetCode.slice(0, 6))
  if (!d) throw new Error(`unknown district for ${gridCode}`)
  return { gridCode, streetCode, districtCode: d.code, cityCode: d.cityCode, town: false, weight: 0 }
}

const BOUND: Record<string, string> = {
  [DEMO_PERSON_IDS.resident]: DEMO_OPENIDS.resident,
  [DEMO_PERSON_IDS.resident2]: DEMO_OPENIDS.resident2,
}

export function demoPersons(nowMs: number): PersonDoc[] {
  return specs(nowMs).map((s) => {
    let since = toIsoCst(nowMs - s.sinceMonths * 30 * DAY).slice(0, 10)
    // A graduate's status cannot start before they left school (July of the graduation year).
    if (s.graduationYear && since < `${s.graduationYear}-07-01`) since = `${s.graduationYear}-07-01`
    const registered = !!s.registeredUnemployed
    const facts = {
      sex: s.sex,
      birthDate: s.birthDate,
      education: s.education,
      graduationYear: s.graduationYear ?? null,
      employmentStatus: s.employmentStatus,
      employmentStatusSince: since,
      registeredUnemployed: registered,
      registeredUnemployedSince: registered
        ? toIsoCst(nowMs - Math.max(1, s.sinceMonths * 30 - 20) * DAY).slice(0, 10)
        : null,
      keyGroups: s.keyGroups ?? [],
      socialInsuranceMonths: s.socialInsuranceMonths,
      businessRegisteredAt: s.employmentStatus === 'selfEmployed' ? since : null,
      hukouType: s.hukouType ?? 'urban',
    }
    const doc = personDoc(
      {
        id: s.id,
        placement: placementOf(s.gridCode),
        hukouRegion: s.hukouRegion,
        name: s.name,
        idNumber: idFor(s),
        phone: s.phone,
        skills: s.skills ?? [],
        desiredJobTitles: s.desiredJobTitles ?? [],
        facts,
        policyFacts: { ...policyFacts(createRandom(seedOf(s.id)), facts, s.skills ?? [], nowMs), ...s.policy },
      },
      nowMs,
    )
    const openid = BOUND[s.id]
    return openid ? { ...doc, boundOpenid: openid, boundAt: toIsoCst(nowMs) } : doc
  })
}

/** Name + ID number of demo persons, for bindResident tests and demos (resident ones are already bound). */
export function demoIdentityCards(nowMs: number): Record<string, { personId: string; name: string; idNumber: string }> {
  const out: Record<string, { personId: string; name: string; idNumber: string }> = {}
  for (const s of specs(nowMs)) out[s.id] = { personId: s.id, name: s.name, idNumber: idFor(s) }
  return out
}

export interface DemoUser {
  _id: string
  roles: Role[]
  personId: string | null
  gridCodes?: string[]
  departmentId?: string | null
  profile: Record<string, unknown>
}

export function demoUsers(): DemoUser[] {
  return [
    {
      _id: DEMO_OPENIDS.resident,
      roles: ['resident'],
      personId: DEMO_PERSON_IDS.resident,
      profile: { nickname: '小李' },
    },
    {
      _id: DEMO_OPENIDS.resident2,
      roles: ['resident'],
      personId: DEMO_PERSON_IDS.resident2,
      profile: { nickname: '秀兰' },
    },
    {
      _id: DEMO_OPENIDS.grid,
      roles: ['resident', 'grid'],
      personId: null,
      gridCodes: [DEMO_GRIDS.grid],
      profile: { nickname: '网格员小张' },
    },
    {
      _id: DEMO_OPENIDS.grid2,
      roles: ['resident', 'grid'],
      personId: null,
      gridCodes: [DEMO_GRIDS.grid2],
      profile: { nickname: '网格员小刘' },
    },
    {
      _id: DEMO_OPENIDS.handler,
      roles: ['resident', 'handler'],
      personId: null,
      departmentId: DEMO_DEPARTMENTS.handler,
      profile: { nickname: '历下区人社局经办人' },
    },
    {
      _id: DEMO_OPENIDS.handler2,
      roles: ['resident', 'handler'],
      personId: null,
      departmentId: DEMO_DEPARTMENTS.handler2,
      profile: { nickname: '市南区人社局经办人' },
    },
    { _id: DEMO_OPENIDS.admin, roles: ['resident', 'admin'], personId: null, profile: { nickname: '管理员' } },
  ]
}
