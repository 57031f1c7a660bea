/** application function client (业务经办 / 我的办事): the only place the application pages' data comes from. */
import type { QueueView, RefusalReason } from '@shared/application/status'
import type { AnswerValue } from '@shared/application/views'
import type { Envelope } from '@shared/errors'
import { callAction, newRequestId, uploadImage } from './cloud'

/** The answer shapes live in shared/application/views.ts (`ApplicationActionOutputs`); re-exported for the pages. */
export type {
  AnswerValue,
  KindItem,
  PrefillLine,
  MissingItem,
  Eligibility,
  DraftView,
  Receipt,
  CaseSummary,
  TimelineEntry,
  CaseDetail,
  BulkAnswer,
} from '@shared/application/views'

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
