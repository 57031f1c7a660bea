/**
 * The feedback store (投诉/反馈): my items, one item's detail, the submit form's sending, the 三率 figures, and
 * the handler's inbox and steps. Pages read it; only these actions call services/feedback.
 */
import { create } from 'zustand'
import type { Envelope, ErrorBody } from '@shared/errors'
import type { FeedbackDetail, FeedbackListItem, StatsAnswer, SubmitAnswer } from '@shared/feedback/types'
import {
  fetchFeedback,
  fetchInbox,
  fetchMine,
  fetchStats,
  fetchTemplates,
  newFeedbackRequestId,
  rateFeedback,
  reopenFeedback,
  staffStep,
  submitFeedback,
  uploadPhoto,
  type InboxFilter,
  type StaffStep,
  type SubmitInput,
} from '@/services/feedback.service'
import { createPagedListStore } from './pagedList'
import { personalDataChanged, type LoadStatus } from './user.store'

/** 我的反馈 (newest first). */
export const useMyFeedbackList = createPagedListStore<FeedbackListItem>((cursor) => fetchMine(cursor))

export interface SubmitForm extends Omit<SubmitInput, 'requestId' | 'images'> {
  /** Local paths chosen on the phone, uploaded when sending. */
  photos: string[]
}

interface FeedbackState {
  details: Record<string, FeedbackDetail>
  detailStatus: LoadStatus
  detailError: ErrorBody | null
  loadDetail: (trackingNo: string) => Promise<void>

  /** The requestId of the form being sent: kept until it succeeds, so a retry after a network failure is one item. */
  pendingRequestId: string | null
  submitting: boolean
  lastSubmitted: SubmitAnswer | null
  submit: (form: SubmitForm) => Promise<Envelope<SubmitAnswer>>

  acting: boolean
  rate: (trackingNo: string, score: number, comment?: string) => Promise<Envelope<null>>
  reopen: (trackingNo: string, reason?: string) => Promise<Envelope<null>>
  step: (step: StaffStep, trackingNo: string, data?: Record<string, unknown>) => Promise<Envelope<unknown>>

  templates: { id: string; title: string; text: string }[]
  loadTemplates: () => Promise<void>

  stats: StatsAnswer | null
  statsStatus: LoadStatus
  statsError: ErrorBody | null
  loadStats: (month?: string) => Promise<void>
}

export const useFeedbackStore = create<FeedbackState>()((set, get) => {
  /** Runs a write, then reloads the item so the page shows the new status and timeline. */
  const act = async <T>(trackingNo: string, run: () => Promise<Envelope<T>>): Promise<Envelope<T>> => {
    if (get().acting) return { ok: false, error: { code: 'CONFLICT', message: '正在处理，请稍候' } }
    set({ acting: true })
    try {
      const res = await run()
      if (res.ok) await get().loadDetail(trackingNo)
      return res
    } finally {
      set({ acting: false })
    }
  }
  return {
    details: {},
    detailStatus: 'idle',
    detailError: null,
    loadDetail: async (trackingNo) => {
      set({ detailStatus: get().details[trackingNo] ? 'ready' : 'loading', detailError: null })
      const res = await fetchFeedback(trackingNo)
      if (res.ok) set((s) => ({ details: { ...s.details, [trackingNo]: res.data }, detailStatus: 'ready' }))
      else set({ detailStatus: 'error', detailError: res.error })
    },

    pendingRequestId: null,
    submitting: false,
    lastSubmitted: null,
    submit: async (form) => {
      if (get().submitting) return { ok: false, error: { code: 'CONFLICT', message: '正在提交，请稍候' } }
      const requestId = get().pendingRequestId ?? newFeedbackRequestId()
      set({ submitting: true, pendingRequestId: requestId })
      try {
        const images: string[] = []
        for (let i = 0; i < form.photos.length; i++) {
          const up = await uploadPhoto(form.photos[i], requestId, i)
          if (!up.ok) return up
          images.push(up.data)
        }
        const { photos: _photos, ...rest } = form
        const res = await submitFeedback({ ...rest, ...(images.length ? { images } : {}), requestId })
        if (res.ok) {
          set({ pendingRequestId: null, lastSubmitted: res.data })
          void useMyFeedbackList.getState().refresh()
          personalDataChanged()
        } else if (res.error.code !== 'UPSTREAM_UNAVAILABLE') {
          // A definite answer: the next attempt is a new request.
          set({ pendingRequestId: null })
        }
        return res
      } finally {
        set({ submitting: false })
      }
    },

    acting: false,
    rate: (trackingNo, score, comment) =>
      act(trackingNo, async () => {
        const r = await rateFeedback(trackingNo, score, comment)
        return r.ok ? { ok: true, data: null } : r
      }),
    reopen: (trackingNo, reason) =>
      act(trackingNo, async () => {
        const r = await reopenFeedback(trackingNo, reason)
        return r.ok ? { ok: true, data: null } : r
      }),
    step: (step, trackingNo, data = {}) => act(trackingNo, () => staffStep(step, trackingNo, data)),

    templates: [],
    loadTemplates: async () => {
      if (get().templates.length) return
      const r = await fetchTemplates()
      if (r.ok) set({ templates: r.data.items })
    },

    stats: null,
    statsStatus: 'idle',
    statsError: null,
    loadStats: async (month) => {
      set({ statsStatus: 'loading', statsError: null })
      const r = await fetchStats(month)
      if (r.ok) set({ stats: r.data, statsStatus: 'ready' })
      else set({ statsStatus: 'error', statsError: r.error })
    },
  }
})

/** The handler's inbox with its filter (a new filter starts from the first page). */
interface InboxState {
  filter: InboxFilter
  items: FeedbackListItem[]
  nextCursor: string | null
  status: LoadStatus
  error: ErrorBody | null
  loadingMore: boolean
  setFilter: (f: InboxFilter) => Promise<void>
  refresh: () => Promise<void>
  loadMore: () => Promise<void>
}

let inboxGeneration = 0
export const useInboxStore = create<InboxState>()((set, get) => ({
  filter: { view: 'open' },
  items: [],
  nextCursor: null,
  status: 'idle',
  error: null,
  loadingMore: false,
  setFilter: async (f) => {
    set({ filter: f, items: [], nextCursor: null })
    await get().refresh()
  },
  refresh: async () => {
    const mine = ++inboxGeneration
    set({ status: get().items.length ? 'ready' : 'loading', error: null })
    const r = await fetchInbox(get().filter)
    if (mine !== inboxGeneration) return
    if (r.ok) set({ items: r.data.items, nextCursor: r.data.nextCursor, status: 'ready' })
    else set({ status: 'error', error: r.error })
  },
  loadMore: async () => {
    const { nextCursor, loadingMore, status, filter } = get()
    if (!nextCursor || loadingMore || status !== 'ready') return
    const mine = inboxGeneration
    set({ loadingMore: true })
    const r = await fetchInbox(filter, nextCursor)
    if (mine !== inboxGeneration) return
    if (r.ok) set((s) => ({ items: [...s.items, ...r.data.items], nextCursor: r.data.nextCursor, loadingMore: false }))
    else set({ loadingMore: false, error: r.error })
  },
}))
