/** policy function client: the library, the explained check (政策体检) and my matches (政策找人). */
import type { Page } from '@shared/actions/common'
import type { Change, EligibilityStatus, FactName, Facts, Reason } from '@shared/rules/types'
import type { FactKind } from '@shared/rules/facts'
import type { Requirement } from '@shared/rules/requirements'
import { callFunction } from './cloud'

export interface PolicyListItem {
  id: string
  version: number
  title: string
  category: string
  categoryLabel: string
  level: 'national' | 'provincial'
  summary: string
  audience: string
  amounts: string[]
  maxYuan: number | null
  effectiveFrom: string
  effectiveTo: string | null
  inForce: 'inForce' | 'notYet' | 'expired'
  applicationOpen: boolean
}

export type { Requirement }

export interface Question {
  fact: FactName
  label: string
  question: string
  kind: FactKind
  options?: { value: string; label: string }[]
  nullable?: boolean
  nullLabel?: string
  decides?: number
}

export interface PolicyDetail extends Omit<PolicyListItem, 'amounts'> {
  applicationWindow: { from: string; to: string | null; note?: string } | null
  amounts: { text: string; maxYuan?: number }[]
  materials: string[]
  howToApply: string[]
  handledBy: string
  sources: { title: string; issuer: string; docNumber: string | null; note?: string; cited: string }[]
  requirements: Requirement[]
  questions: Question[]
  publishedAt: string
}

export interface CheckResult {
  policyId: string
  version: number
  title: string
  status: EligibilityStatus
  reasons: Reason[]
  missing: FactName[]
  changes: Change[]
  eligibleFrom: string | null
  applicationOpen: boolean
}

export interface CheckAnswer {
  asOf: string
  usedProfile: boolean
  summary: { eligible: number; undetermined: number; ineligible: number }
  results: CheckResult[]
  missingFacts: Question[]
}

export interface MatchItem {
  policyId: string
  version: number
  title: string
  status: string
  channel: 'push' | 'visit' | 'none'
  matchedAt: string
  /** 已申领 (an approved application): no longer listed. */ claimed?: boolean
}

export const listPolicies = (input: { cursor?: string; pageSize?: number; category?: string; keyword?: string }) =>
  callFunction<Page<PolicyListItem>>('policy', { action: 'list', ...input })

export const getPolicy = (id: string) => callFunction<PolicyDetail>('policy', { action: 'get', id })

export const checkPolicies = (input: { facts?: Facts; policyIds?: string[] }) =>
  callFunction<CheckAnswer>('policy', { action: 'check', ...input })

export const myMatches = (input: { cursor?: string; pageSize?: number }) =>
  callFunction<Page<MatchItem> & { bound: boolean }>('policy', { action: 'myMatches', ...input })
