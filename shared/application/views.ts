/**
 * What the application function answers (docs/api.md ## application), shared by the function, the mini-program and
 * the tests. Pure types.
 */
import type { Page } from '../actions/common'
import type { ApplicationStatus, ApplicationStep, RefusalReason } from './status'
import type { QuestionType } from './types'

export type AnswerValue = string | number | boolean | string[] | null

export interface KindItem {
  kind: string
  title: string
  policyId?: string
  summary: string
  materials: { key: string; label: string; required: boolean }[]
  reviewWorkingDays: number
  canApply: boolean
  whyNot?: string
}
export interface PrefillLine {
  key: string
  label: string
  value: AnswerValue
  display: string
  source: 'register' | 'profile' | 'previous'
  sourceLabel: string
}
export interface MissingItem {
  key: string
  label: string
  type: QuestionType
  options?: { value: string; label: string }[]
  required: boolean
  hint?: string
}
export interface Eligibility {
  status: string
  asOf: string
  reasons: { code: string; passed: boolean; text: string }[]
}
export interface DraftView {
  applicationId: string
  kind: string
  title: string
  status: ApplicationStatus
  prefill: PrefillLine[]
  missing: MissingItem[]
  answers: Record<string, AnswerValue>
  attachments: Record<string, string[]>
  eligibility: Eligibility | null
  onBehalf: boolean
}
export interface Receipt {
  applicationId: string
  trackingNo: string
  status: ApplicationStatus
  dueAt: string | null
  submittedAt: string | null
  departmentName: string | null
}
export interface CaseSummary {
  applicationId: string
  kind: string
  title: string
  policyId: string | null
  status: ApplicationStatus
  statusLabel: string
  trackingNo: string | null
  regionCode: string
  submittedAt: string | null
  dueAt: string | null
  clockStopped: boolean
  overdue: boolean
  dueSoon: boolean
  reviewerOpenid: string | null
  decidedAt: string | null
  onBehalf: boolean
}
export interface TimelineEntry {
  step: string
  label: string
  status: string
  statusLabel: string
  note: string | null
  at: string
  byStaff: boolean
  onBehalf: boolean
  public?: boolean
}
export interface CaseDetail extends CaseSummary {
  viewer: 'owner' | 'staff'
  answers: Record<string, AnswerValue>
  attachments: Record<string, string[]>
  prefill: PrefillLine[]
  questions: { key: string; label: string; type: QuestionType; options?: { value: string; label: string }[] }[]
  materials: { key: string; label: string; required: boolean }[]
  correction: { items: string[]; note: string; requestedAt: string; dueAt: string } | null
  decision: {
    outcome: 'approved' | 'refused'
    reasonCode?: RefusalReason
    reasonLabel?: string
    amount?: number
    note?: string
    onTime: boolean
  } | null
  eligibility: Eligibility | null
  allowedSteps: ApplicationStep[]
  timeline: TimelineEntry[]
  applicantName?: string | null
  registerFacts?: Record<string, unknown>
}
export interface BulkAnswer {
  results: { applicationId: string; status: 'done' | 'failed'; code?: string; message?: string }[]
  done: number
  failed: number
}

/** What each `application` action answers: the client's `ActionOutputs` extends it and the function's index.ts is held to it. */
export interface ApplicationActionOutputs {
  'application.kinds': { items: KindItem[] }
  'application.draft': DraftView
  'application.save': DraftView
  'application.submit': Receipt
  'application.get': CaseDetail
  'application.mine': Page<CaseSummary>
  'application.withdraw': { applicationId: string; status: ApplicationStatus }
  'application.respond': {
    applicationId: string
    status: ApplicationStatus
    dueAt: string | null
    reviewerOpenid: string | null
  }
  'application.queue': Page<CaseSummary>
  'application.take': { applicationId: string; status: ApplicationStatus }
  'application.requestCorrection': {
    applicationId: string
    status: ApplicationStatus
    correctionDueAt: string | null
  }
  'application.approve': { applicationId: string; status: ApplicationStatus }
  'application.refuse': { applicationId: string; status: ApplicationStatus }
  'application.reopen': { applicationId: string; status: ApplicationStatus }
  'application.bulkDecide': BulkAnswer
  'application.export': { fileID: string; rows: number }
  'application.timeline': { applicationId: string; status: ApplicationStatus; timeline: TimelineEntry[] }
  'application.assign': { applicationId: string; status: ApplicationStatus; reviewerOpenid: string | null }
  'application.note': { applicationId: string; saved: boolean }
}
