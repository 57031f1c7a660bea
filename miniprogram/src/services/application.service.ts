/** application function client (业务经办 / 我的办事): the only place the application pages' data comes from. */
import type { Page } from '@shared/actions/common'
import type { ApplicationStatus, ApplicationStep, QueueView, RefusalReason } from '@shared/application/status'
import type { QuestionType } from '@shared/application/types'
import type { Envelope } from '@shared/errors'
import { callAction, newRequestId, uploadImage } from './cloud'

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

declare module './actionOutputs' {
  interface ActionOutputs {
    'application.kinds': { items: KindItem[] }
    'application.draft': DraftView
    'application.save': DraftView
    'application.submit': Receipt
    'application.get': CaseDetail
    'application.mine': Page<CaseSummary>
    'application.withdraw': { applicationId: string; status: ApplicationStatus }
    'application.respond': { applicationId: string; status: ApplicationStatus; dueAt: string | null }
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
  }
}

export const fetchKinds = () => callAction('application', 'kinds', {})
export const startDraft = (kind: string) => callAction('application', 'draft', { kind, requestId: newRequestId('ad') })
export const saveDraft = (
  applicationId: string,
  answers: Record<string, AnswerValue>,
  attachments?: Record<string, string[]>,
) => callAction('application', 'save', { applicationId, answers, ...(attachments ? { attachments } : {}) })
export const submitApplication = (applicationId: string, requestId: string) =>
  callAction('application', 'submit', { applicationId, requestId, declaration: true })
export const newSubmitRequestId = () => newRequestId('as')
export const fetchApplication = (applicationId: string) => callAction('application', 'get', { applicationId })
export const fetchMine = (cursor?: string) =>
  callAction('application', 'mine', { pageSize: 20, ...(cursor ? { cursor } : {}) })
export const withdrawApplication = (applicationId: string, reason: string) =>
  callAction('application', 'withdraw', { applicationId, reason })
export const respondToCorrection = (
  applicationId: string,
  note: string,
  answers?: Record<string, AnswerValue>,
  attachments?: Record<string, string[]>,
) =>
  callAction('application', 'respond', {
    applicationId,
    note,
    ...(answers ? { answers } : {}),
    ...(attachments ? { attachments } : {}),
  })

// staff
export const fetchQueue = (view: QueueView, cursor?: string, kind?: string) =>
  callAction('application', 'queue', { view, pageSize: 20, ...(kind ? { kind } : {}), ...(cursor ? { cursor } : {}) })
export const takeCase = (applicationId: string) => callAction('application', 'take', { applicationId })
export const requestCorrection = (applicationId: string, items: string[], note: string) =>
  callAction('application', 'requestCorrection', { applicationId, items, note })
export const approveCase = (applicationId: string, note?: string, amount?: number) =>
  callAction('application', 'approve', {
    applicationId,
    ...(note ? { note } : {}),
    ...(amount !== undefined ? { amount } : {}),
  })
export const refuseCase = (applicationId: string, reasonCode: RefusalReason, note: string) =>
  callAction('application', 'refuse', { applicationId, reasonCode, note })
export const reopenCase = (applicationId: string, note: string) =>
  callAction('application', 'reopen', { applicationId, note })
export const bulkDecide = (
  applicationIds: string[],
  decision: 'approve' | 'refuse',
  note: string,
  reasonCode?: RefusalReason,
) => callAction('application', 'bulkDecide', { applicationIds, decision, note, ...(reasonCode ? { reasonCode } : {}) })
export const exportQueue = (view: QueueView) => callAction('application', 'export', { view })

/** Materials photos go through the same upload (and, in the function, the same image check) as feedback photos. */
export const uploadMaterialPhoto = (localPath: string, index: number): Promise<Envelope<string>> =>
  uploadImage('feedback', `${newRequestId('am')}-${index}`, localPath)
