/** A kind of application (办事事项) as data: what it asks, what it needs, how long review may take. Pure. */
import type { FactName } from '../rules/types'

export type QuestionType = 'text' | 'number' | 'date' | 'choice' | 'multi' | 'attachment'

export interface Question {
  key: string
  label: string
  type: QuestionType
  options?: { value: string; label: string }[]
  required: boolean
  /** The register fact this question answers (prefilled from the register when known, and read by the rule). */
  fact?: FactName
  /** The profile field it is prefilled from. */
  profile?: 'name' | 'phone'
  hint?: string
}

export interface Material {
  key: string
  label: string
  required: boolean
}

export interface ApplicationKind {
  /** 'unemploymentRegistration' | 'employmentRegistration' | 'policy:<policyId>' */
  kind: string
  title: string
  policyId?: string
  summary: string
  questions: Question[]
  materials: Material[]
  /** Working days the department has to decide (the clock stops during 补正). */
  reviewWorkingDays: number
  /** Working days the resident has to answer a correction request. */
  correctionWorkingDays: number
  /** The largest amount an approval may grant (from the policy document), when the policy pays one. */
  maxAmountYuan?: number
  /** What an approval writes on the register (registration kinds). */
  onApproval?: 'registerUnemployed' | 'registerEmployed'
  /** Where the materials list comes from. */
  source: string
}

export const isPolicyKind = (kind: string): boolean => kind.startsWith('policy:')
export const policyIdOfKind = (kind: string): string | null =>
  isPolicyKind(kind) ? kind.slice('policy:'.length) : null
