/**
 * What each fact means to a person: its Chinese label, how the policy check asks for it, and the enumerations
 * in the fixed order the batch path encodes them.
 */
import {
  EDUCATION_LABELS,
  EMPLOYMENT_STATUS_LABELS,
  KEY_GROUP_LABELS,
  type Education,
  type EmploymentStatus,
  type KeyGroup,
} from '../domain/person'
import type { FactName, Facts } from './types'

export const EDUCATIONS: readonly Education[] = [
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
export const EMPLOYMENT_STATUSES: readonly EmploymentStatus[] = [
  'employed',
  'unemployed',
  'flexible',
  'selfEmployed',
  'student',
  'retired',
]
export const KEY_GROUPS: readonly KeyGroup[] = [
  'registeredUnemployed',
  'recentGraduate',
  'employmentDifficulty',
  'disabled',
  'povertyAlleviated',
  'veteran',
  'returnedMigrant',
  'zeroEmploymentFamily',
]
export const SEXES = ['male', 'female'] as const
export const HUKOU_TYPES = ['urban', 'rural'] as const

export type FactKind = 'date' | 'boolean' | 'number' | 'enum' | 'region' | 'keyGroups' | 'year'

export interface FactInfo {
  label: string
  /** The question the policy check asks for it (plain words, for a resident). */
  question: string
  kind: FactKind
  options?: { value: string; label: string }[]
  /** For dates: may be answered "none" (null), e.g. no business registered. */
  nullable?: boolean
  nullLabel?: string
}

const opts = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }))

export const FACTS: Record<FactName, FactInfo> = {
  birthDate: { label: '出生日期', question: '您的出生日期是？', kind: 'date' },
  sex: {
    label: '性别',
    question: '您的性别是？',
    kind: 'enum',
    options: [
      { value: 'male', label: '男' },
      { value: 'female', label: '女' },
    ],
  },
  hukouRegion: { label: '户籍所在地', question: '您的户口在哪个区县？', kind: 'region' },
  hukouType: {
    label: '户口性质',
    question: '您的户口是城镇户口还是农村户口？',
    kind: 'enum',
    options: [
      { value: 'urban', label: '城镇户口' },
      { value: 'rural', label: '农村户口' },
    ],
  },
  residenceRegion: { label: '常住地', question: '您现在常住在哪个区县？', kind: 'region' },
  education: { label: '学历', question: '您的最高学历是？', kind: 'enum', options: opts(EDUCATIONS, EDUCATION_LABELS) },
  graduationYear: {
    label: '毕业年份',
    question: '您是哪一年毕业的？（没有毕业证书可选“不适用”）',
    kind: 'year',
    nullable: true,
    nullLabel: '不适用',
  },
  employmentStatus: {
    label: '就业状态',
    question: '您目前的就业状态是？',
    kind: 'enum',
    options: opts(EMPLOYMENT_STATUSES, EMPLOYMENT_STATUS_LABELS),
  },
  employmentStatusSince: {
    label: '当前就业状态开始日期',
    question: '您从什么时候开始处于目前的就业状态？',
    kind: 'date',
  },
  registeredUnemployed: { label: '失业登记', question: '您是否已在人社部门办理失业登记？', kind: 'boolean' },
  registeredUnemployedSince: {
    label: '失业登记日期',
    question: '您是哪一天办理失业登记的？',
    kind: 'date',
    nullable: true,
    nullLabel: '未办理',
  },
  keyGroups: {
    label: '人员类别',
    question: '您属于以下哪些人员？（可多选，都不是可不选）',
    kind: 'keyGroups',
    options: opts(KEY_GROUPS, KEY_GROUP_LABELS),
  },
  socialInsuranceMonths: { label: '社会保险缴费月数', question: '您累计缴纳社会保险多少个月？', kind: 'number' },
  unemploymentInsuranceMonths: { label: '失业保险缴费月数', question: '您累计缴纳失业保险多少个月？', kind: 'number' },
  involuntarilyUnemployed: {
    label: '非本人意愿失业',
    question: '您上一份工作是非因本人意愿中断的吗？（如单位裁员、合同到期不续签）',
    kind: 'boolean',
  },
  businessRegisteredAt: {
    label: '营业执照登记日期',
    question: '您创办的企业或个体工商户是哪一天领取营业执照的？',
    kind: 'date',
    nullable: true,
    nullLabel: '没有创业',
  },
  skillCertificateAt: {
    label: '取得技能证书日期',
    question: '您是哪一天取得职业资格证书或职业技能等级证书的？',
    kind: 'date',
    nullable: true,
    nullLabel: '没有证书',
  },
  trainingCompletedAt: {
    label: '培训结业日期',
    question: '您参加职业培训并取得合格证书是在哪一天？',
    kind: 'date',
    nullable: true,
    nullLabel: '没有参加',
  },
  lowIncomeFamily: { label: '低保家庭', question: '您是否为城乡低保家庭成员？', kind: 'boolean' },
  worksOutsideProvince: { label: '跨省务工', question: '您目前是否在山东省外务工？', kind: 'boolean' },
  employeesHired: { label: '吸纳就业人数', question: '您创办的企业招用了几名员工并为其缴纳社会保险？', kind: 'number' },
}

export const FACT_NAMES = Object.keys(FACTS) as FactName[]

/** The facts of a person record (fields the engine does not read are dropped). */
export function factsOf(p: Partial<Record<FactName, unknown>>): Facts {
  const f: Record<string, unknown> = {}
  for (const k of FACT_NAMES) if (p[k] !== undefined) f[k] = p[k]
  return f as Facts
}
