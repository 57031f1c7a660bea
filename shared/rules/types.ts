/**
 * The eligibility rules engine's vocabulary: the facts a rule may read, the typed conditions over them, and
 * the shape of an explained result. Pure TypeScript (no I/O), shared by the cloud functions and the app.
 *
 * Missing facts: a fact that is `undefined` is unknown (the answer may become `undetermined`); `null` means
 * "known: there is none" (e.g. businessRegisteredAt: null = no business registered).
 */
import type { Education, EmploymentStatus, KeyGroup } from '../domain/person'

export type Sex = 'male' | 'female'
export type HukouType = 'urban' | 'rural'

/** The facts a policy rule may read. A subset of (and compatible with) `Person`. */
export interface Facts {
  birthDate?: string | null // YYYY-MM-DD
  sex?: Sex | null
  hukouRegion?: string | null
  hukouType?: HukouType | null
  residenceRegion?: string | null
  education?: Education | null
  /** Year of leaving school with a diploma (高校/中职); null = not a graduate of any school year tracked. */
  graduationYear?: number | null
  employmentStatus?: EmploymentStatus | null
  employmentStatusSince?: string | null
  registeredUnemployed?: boolean | null
  registeredUnemployedSince?: string | null
  keyGroups?: readonly KeyGroup[] | null
  /** Months of (any) social insurance contributions. */
  socialInsuranceMonths?: number | null
  /** Months of unemployment insurance contributions (失业保险累计缴费月数). */
  unemploymentInsuranceMonths?: number | null
  /** The last job ended against the person's will (非因本人意愿中断就业). */
  involuntarilyUnemployed?: boolean | null
  businessRegisteredAt?: string | null
  /** Date a vocational skill certificate (职业资格证书/职业技能等级证书) was obtained. */
  skillCertificateAt?: string | null
  /** Date a subsidised vocational training course was completed with a certificate. */
  trainingCompletedAt?: string | null
  /** Member of a minimum-living-allowance (低保) family. */
  lowIncomeFamily?: boolean | null
  /** Works outside the home province (跨省务工). */
  worksOutsideProvince?: boolean | null
  /** Employees the person's own business has hired with social insurance (for hiring subsidies). */
  employeesHired?: number | null
}

export type FactName = keyof Facts
export type DateFact =
  | 'birthDate'
  | 'employmentStatusSince'
  | 'registeredUnemployedSince'
  | 'businessRegisteredAt'
  | 'skillCertificateAt'
  | 'trainingCompletedAt'
export type BoolFact = 'registeredUnemployed' | 'involuntarilyUnemployed' | 'lowIncomeFamily' | 'worksOutsideProvince'
export type NumFact = 'socialInsuranceMonths' | 'unemploymentInsuranceMonths' | 'employeesHired'
export type RegionFact = 'hukouRegion' | 'residenceRegion'
export type EnumFact = 'sex' | 'hukouType' | 'education' | 'employmentStatus'

interface LeafBase {
  /** Machine code of the reason (defaults to one derived from the condition). */
  code?: string
  /** Chinese statement of the requirement (defaults to one generated from the condition). */
  text?: string
  /** What would change a failed answer, when it is not a matter of time (e.g. "办理失业登记后可再次查询"). */
  hint?: string
}

/** Age in full years on the as-of date: min ≤ age ≤ max. */
export interface AgeCondition extends LeafBase {
  op: 'age'
  min?: number
  max?: number
}
/** A region code starts with one of the prefixes ('37' = 山东省, '3701' = 济南市). */
export interface RegionCondition extends LeafBase {
  op: 'region'
  fact: RegionFact
  prefixes: string[]
  place: string
}
/** An enumerated fact takes one of the values. */
export interface InCondition extends LeafBase {
  op: 'in'
  fact: EnumFact
  values: string[]
}
export interface EducationAtLeastCondition extends LeafBase {
  op: 'educationAtLeast'
  level: Education
}
/** The person belongs to at least one of the key groups. */
export interface KeyGroupCondition extends LeafBase {
  op: 'keyGroup'
  groups: KeyGroup[]
}
export interface IsCondition extends LeafBase {
  op: 'is'
  fact: BoolFact
  value?: boolean
}
export interface AtLeastCondition extends LeafBase {
  op: 'atLeast'
  fact: NumFact
  value: number
}
/**
 * Full calendar months since a date fact on the as-of date: min ≤ months < lessThan. A null date fails
 * (there is no such date); an undefined one is unknown.
 */
export interface MonthsSinceCondition extends LeafBase {
  op: 'monthsSince'
  fact: DateFact
  min?: number
  lessThan?: number
}
/** Graduated in the as-of year or up to `years` years before (0 = 毕业年度). */
export interface GraduatedWithinCondition extends LeafBase {
  op: 'graduatedWithin'
  years: number
}

export type LeafCondition =
  | AgeCondition
  | RegionCondition
  | InCondition
  | EducationAtLeastCondition
  | KeyGroupCondition
  | IsCondition
  | AtLeastCondition
  | MonthsSinceCondition
  | GraduatedWithinCondition

export interface AllCondition {
  op: 'all'
  of: Condition[]
  code?: string
  text?: string
}
export interface AnyCondition {
  op: 'any'
  of: Condition[]
  code?: string
  text?: string
}
export interface NotCondition {
  op: 'not'
  of: Condition
  code?: string
  text?: string
}

export type Condition = LeafCondition | AllCondition | AnyCondition | NotCondition

export type EligibilityStatus = 'eligible' | 'ineligible' | 'undetermined'

/** Kleene three-valued truth, ordered so that AND = min, OR = max, NOT = 2 − x (the batch path relies on it). */
export const FALSE = 0
export const UNKNOWN = 1
export const TRUE = 2
export type Truth = 0 | 1 | 2

export interface Reason {
  code: string
  /** True only when the condition is known to hold. */
  passed: boolean
  /** 'missing' when a needed fact is unknown. */
  state: 'passed' | 'failed' | 'missing'
  /** Chinese: the requirement and, where known, the person's value. */
  text: string
  children?: Reason[]
}

export interface Change {
  code: string
  /** Chinese, e.g. "登记失业满6个月后可申请（2026-05-01起）". */
  text: string
  /** YYYY-MM-DD from which the condition will hold, when it is a matter of time. */
  from?: string
}

export interface Evaluation {
  status: EligibilityStatus
  reasons: Reason[]
  /** Facts whose absence keeps the answer undetermined (empty unless undetermined). */
  missing: FactName[]
  /** For ineligible answers: what would change it, where knowable (empty otherwise). */
  changes: Change[]
  /** For ineligible answers that only time will change: the first date from which the rule holds. */
  eligibleFrom?: string
}
