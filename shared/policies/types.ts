/**
 * A policy is a versioned document: what it gives, to whom (the rule), when it is in force, when one can
 * apply, what to bring, how to apply, and the cited source. Each policy file also carries example cases
 * (facts → expected status) that run in `npm test`, the way rules-as-code projects test legislation.
 */
import type { Condition, EligibilityStatus, Facts } from '../rules/types'

export type PolicyCategory = 'entrepreneurship' | 'employment' | 'training' | 'socialInsurance' | 'unemployment'

export const POLICY_CATEGORY_LABELS: Record<PolicyCategory, string> = {
  entrepreneurship: '创业扶持',
  employment: '就业援助',
  training: '技能培训',
  socialInsurance: '社保补贴',
  unemployment: '失业保障',
}

export interface PolicySource {
  /** Full title of the document. */
  title: string
  /** Issuing body (发文机关). */
  issuer: string
  /** Document number (文号) exactly as published; null when it still has to be verified. */
  docNumber: string | null
  /** Shown when docNumber is null: e.g. "文号待核实". */
  note?: string
}

export interface PolicyExample {
  name: string
  /** YYYY-MM-DD */
  asOf: string
  facts: Facts
  expect: EligibilityStatus
  /** For an ineligible example that time will change. */
  eligibleFrom?: string
  /** Facts expected in `missing` for an undetermined example. */
  missing?: string[]
}

export interface PolicyDocument {
  /** Stable id (kebab-case, ASCII). */
  id: string
  /** Increases by one on every publish. */
  version: number
  title: string
  category: PolicyCategory
  level: 'national' | 'provincial'
  /** Plain-language summary for residents (one or two short sentences). */
  summary: string
  /** Who it is for, in plain words. */
  audience: string
  /** In force from / until (YYYY-MM-DD, inclusive); effectiveTo null = until further notice. */
  effectiveFrom: string
  effectiveTo: string | null
  /** When applications are accepted; null = all year while in force. */
  applicationWindow: { from: string; to: string | null; note?: string } | null
  amounts: { text: string; maxYuan?: number }[]
  materials: string[]
  howToApply: string[]
  /** Where to apply / who handles it. */
  handledBy: string
  sources: PolicySource[]
  rule: Condition
  examples: PolicyExample[]
}

/** A policy without its examples: what is stored and served. */
export type PolicyRecord = Omit<PolicyDocument, 'examples'>
