/** A kind of application (办事事项) as data: what it asks, what it needs, how long review may take. Pure. */
import type { FactName } from '../rules/types'

export type QuestionType = 'text' | 'number' | 'date' | 'choice' | 'multi' | 'attachment'

/**
 * What an answer is, for the content check (docs/security.md, ADR 0018). Every question declares it:
 * - 'freeText': words staff or other people read (单位名称, 工种, 贷款用途, 务工地点, 开户银行…): sent to WeChat's
 *   content check (the one rule, cloudfunctions/_core/contentRule.ts) wherever answers enter, and shown masked
 *   (phone and ID numbers written inside it) to staff;
 * - 'personal': a name or an identifying number (姓名, 银行账号, 证书编号, 统一社会信用代码): never sent to WeChat,
 *   and held to its `pattern` so that it cannot carry prose past the check;
 * - 'structured': a code, date, amount or choice, held to its type (and `pattern` when it is typed text).
 */
export type AnswerContent = 'freeText' | 'personal' | 'structured'

/** The shape a typed value must have (a text question that is not free text), with the message naming it. */
export interface AnswerPattern {
  re: RegExp
  message: string
}

export interface Question {
  key: string
  label: string
  type: QuestionType
  options?: { value: string; label: string }[]
  required: boolean
  /** Free text people read, or a personal / structured value (see AnswerContent). */
  content: AnswerContent
  /** Required for a text question that is not free text: the shape its answer must have. */
  pattern?: AnswerPattern
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
