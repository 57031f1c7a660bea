/** 我的办事 and the staff review queues: paged lists, the draft being filled, the case being viewed. */
import { create } from 'zustand'
import type { ErrorBody } from '@shared/errors'
import type { QueueView } from '@shared/application/status'
import {
  type AnswerValue,
  type CaseDetail,
  type DraftView,
  type KindItem,
  type Receipt,
  fetchApplication,
  fetchKinds,
  fetchMine,
  fetchQueue,
  newSubmitRequestId,
  saveDraft,
  startDraft,
  submitApplication,
} from '../services/application.service'
import { createPagedListStore } from './pagedList'
import type { LoadStatus } from './user.store'

export const useMyApplications = createPagedListStore(fetchMine)

let queueView: QueueView = 'unassigned'
export const useReviewQueue = createPagedListStore((cursor) => fetchQueue(queueView, cursor))
export const setQueueView = (v: QueueView) => {
  queueView = v
}

interface ApplicationState {
  kinds: KindItem[]
  kindsStatus: LoadStatus
  kindsError: ErrorBody | null
  draft: DraftView | null
  draftStatus: LoadStatus
  draftError: ErrorBody | null
  /** Answers and files of the form not yet saved. */
  answers: Record<string, AnswerValue>
  attachments: Record<string, string[]>
  submitRequestId: string | null
  receipt: Receipt | null
  details: Record<string, CaseDetail>
  detailStatus: LoadStatus
  detailError: ErrorBody | null
  busy: boolean
  loadKinds: () => Promise<void>
  openDraft: (kind: string) => Promise<void>
  setAnswer: (key: string, value: AnswerValue) => void
  setFiles: (key: string, files: string[]) => void
  save: () => Promise<ErrorBody | null>
  submit: () => Promise<ErrorBody | null>
  loadDetail: (id: string) => Promise<void>
}

export const useApplicationStore = create<ApplicationState>()((set, get) => ({
  kinds: [],
  kindsStatus: 'idle',
  kindsError: null,
  draft: null,
  draftStatus: 'idle',
  draftError: null,
  answers: {},
  attachments: {},
  submitRequestId: null,
  receipt: null,
  details: {},
  detailStatus: 'idle',
  detailError: null,
  busy: false,
  loadKinds: async () => {
    set({ kindsStatus: get().kinds.length ? 'ready' : 'loading', kindsError: null })
    const r = await fetchKinds()
    if (r.ok) set({ kinds: r.data.items, kindsStatus: 'ready' })
    else set({ kindsStatus: 'error', kindsError: r.error })
  },
  openDraft: async (kind) => {
    set({ draftStatus: 'loading', draftError: null, draft: null, receipt: null })
    const r = await startDraft(kind)
    if (r.ok)
      set({
        draft: r.data,
        draftStatus: 'ready',
        answers: { ...r.data.answers },
        attachments: { ...r.data.attachments },
        submitRequestId: null,
      })
    else set({ draftStatus: 'error', draftError: r.error })
  },
  setAnswer: (key, value) => set((s) => ({ answers: { ...s.answers, [key]: value } })),
  setFiles: (key, files) => set((s) => ({ attachments: { ...s.attachments, [key]: files } })),
  save: async () => {
    const d = get().draft
    if (!d) return null
    set({ busy: true })
    const r = await saveDraft(d.applicationId, get().answers, get().attachments)
    set({ busy: false })
    if (!r.ok) return r.error
    set({ draft: r.data })
    return null
  },
  submit: async () => {
    const d = get().draft
    if (!d) return null
    const saved = await get().save()
    if (saved) return saved
    const requestId = get().submitRequestId ?? newSubmitRequestId()
    set({ busy: true, submitRequestId: requestId })
    const r = await submitApplication(d.applicationId, requestId)
    set({ busy: false })
    if (!r.ok) return r.error
    set({ receipt: r.data, submitRequestId: null })
    return null
  },
  loadDetail: async (id) => {
    set({ detailStatus: get().details[id] ? 'ready' : 'loading', detailError: null })
    const r = await fetchApplication(id)
    if (r.ok) set((s) => ({ details: { ...s.details, [id]: r.data }, detailStatus: 'ready' }))
    else set({ detailStatus: 'error', detailError: r.error })
  },
}))
