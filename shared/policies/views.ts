/**
 * What the policy function answers (shared by the function and the mini-program): the library's list items and
 * detail, the explained check (政策体检), my matches, and the staff side's impact dry run and publish.
 */
import type { Page } from '../actions/common'
import type { InForce } from './evaluatePolicy'
import type { PolicyCategory, PolicyRecord, PolicySource } from './types'
import type { FactInfo } from '../rules/facts'
import type { Requirement } from '../rules/requirements'
import type { Change, EligibilityStatus, FactName, Reason } from '../rules/types'

export interface PolicyListItem {
  id: string
  version: number
  title: string
  category: PolicyCategory
  categoryLabel: string
  level: PolicyRecord['level']
  summary: string
  audience: string
  amounts: string[]
  maxYuan: number | null
  effectiveFrom: string
  effectiveTo: string | null
  inForce: InForce
  applicationOpen: boolean
}

/** A fact the check asks a resident about, in plain words; `decides`: how many undetermined answers it would settle. */
export interface PolicyQuestion extends FactInfo {
  fact: FactName
  decides?: number
}

/** `policy.get`: one answer for residents and staff alike (the rule shown as statements, not as the machine rule). */
export interface PolicyDetail extends Omit<PolicyListItem, 'amounts'> {
  applicationWindow: PolicyRecord['applicationWindow']
  amounts: PolicyRecord['amounts']
  materials: string[]
  howToApply: string[]
  handledBy: string
  sources: (PolicySource & { cited: string })[]
  requirements: Requirement[]
  questions: PolicyQuestion[]
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
  missingFacts: PolicyQuestion[]
}

export interface MatchItem {
  policyId: string
  version: number
  title: string
  status: 'eligible' | 'lapsed'
  channel: 'push' | 'visit' | 'none'
  matchedAt: string
  /** 已申领 (an approved application): no longer listed. */
  claimed: boolean
}

export interface ImpactAnswer {
  policyId: string
  comparedWithVersion: number | null
  asOf: string
  scanned: number
  eligible: number
  newlyEligible: number
  noLongerEligible: number
  /** cityName null when the region names could not be read (the count stands). */
  byCity: { cityCode: string; cityName: string | null; count: number }[]
  nextCursor: string | null
}

export interface PublishAnswer {
  id: string
  version: number
  runId: string
  shards: number
}

/** What each `policy` action answers (the client's `callAction` types its answers from this map). */
export interface PolicyActionOutputs {
  'policy.list': Page<PolicyListItem>
  'policy.get': PolicyDetail
  'policy.check': CheckAnswer
  /** claimedCount: on the first page of an `excludeClaimed` listing, how many matches are claimed; else null. */
  'policy.myMatches': Page<MatchItem> & { bound: boolean; claimedCount: number | null }
  'policy.impact': ImpactAnswer
  'policy.publish': PublishAnswer
}
