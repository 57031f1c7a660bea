/**
 * A person record (`persons` collection): the public employment service's register of residents.
 * Seeded synthetically; in production it comes from the provincial employment information system.
 * The same facts feed the policy engine (shared/rules) and the grid workers' lists.
 */
export type Education =
  'none' | 'primary' | 'junior' | 'senior' | 'secondaryVocational' | 'college' | 'bachelor' | 'master' | 'doctor'
export type EmploymentStatus = 'employed' | 'unemployed' | 'flexible' | 'selfEmployed' | 'student' | 'retired'
export type KeyGroup =
  | 'registeredUnemployed' // 登记失业人员
  | 'recentGraduate' // 高校毕业生（离校未就业）
  | 'employmentDifficulty' // 就业困难人员
  | 'disabled' // 残疾人
  | 'povertyAlleviated' // 脱贫人口
  | 'veteran' // 退役军人
  | 'returnedMigrant' // 返乡入乡人员
  | 'zeroEmploymentFamily' // 零就业家庭

export interface Person {
  _id: string
  name: string
  idNumber: string
  phone: string
  sex: 'male' | 'female'
  birthDate: string // YYYY-MM-DD
  hukouRegion: string // 6-digit GB/T 2260
  hukouType: 'urban' | 'rural'
  residenceRegion: string // 6-digit district code
  streetCode: string // 9-digit street/town code (GB/T 10114 style, from the division data)
  gridCode: string
  education: Education
  graduationYear?: number | null
  employmentStatus: EmploymentStatus
  /** Since when the current status holds (YYYY-MM-DD). */
  employmentStatusSince?: string | null
  registeredUnemployed: boolean
  registeredUnemployedSince?: string | null
  keyGroups: KeyGroup[]
  socialInsuranceMonths: number
  businessRegisteredAt?: string | null
  /** Policy facts (shared/rules/types.ts Facts); optional, undefined = unknown. */
  unemploymentInsuranceMonths?: number | null
  involuntarilyUnemployed?: boolean | null
  skillCertificateAt?: string | null
  trainingCompletedAt?: string | null
  lowIncomeFamily?: boolean | null
  worksOutsideProvince?: boolean | null
  employeesHired?: number | null
  /** Set by markPersonFactsChanged; the policy batch re-evaluates persons whose facts changed after its last run. */
  factsChangedAtMs?: number | null
  /** Occupations the person wants (occupation codes) and skills. */
  desiredOccupations?: string[]
  skills?: string[]
  createdAt: string
  updatedAt: string
}

export const EDUCATION_LABELS: Record<Education, string> = {
  none: '无',
  primary: '小学',
  junior: '初中',
  senior: '高中',
  secondaryVocational: '中专/技校',
  college: '大专',
  bachelor: '本科',
  master: '硕士',
  doctor: '博士',
}
export const EMPLOYMENT_STATUS_LABELS: Record<EmploymentStatus, string> = {
  employed: '已就业',
  unemployed: '未就业',
  flexible: '灵活就业',
  selfEmployed: '自主创业',
  student: '在校',
  retired: '已退休',
}
export const KEY_GROUP_LABELS: Record<KeyGroup, string> = {
  registeredUnemployed: '登记失业人员',
  recentGraduate: '高校毕业生',
  employmentDifficulty: '就业困难人员',
  disabled: '残疾人',
  povertyAlleviated: '脱贫人口',
  veteran: '退役军人',
  returnedMigrant: '返乡入乡人员',
  zeroEmploymentFamily: '零就业家庭成员',
}
