/**
 * The assistant store (问一问): the conversation of this visit (questions and answers, ratings), the staff's
 * gaps and FAQ lists, and the holiday calendar page. Pages read it; only these actions call the service.
 */
import { create } from 'zustand'
import type { Envelope, ErrorBody } from '@shared/errors'
import type { CalendarDay } from '@shared/calendar/holidayCalendar'
import {
  askQuestion,
  fetchFaqs,
  fetchGaps,
  fetchHolidays,
  rateAnswer,
  saveFaq,
  saveHolidays,
  type AskAnswer,
  type FaqForm,
  type HolidayYear,
} from '@/services/assistant.service'
import { createPagedListStore } from './pagedList'
import type { LoadStatus } from './user.store'

export interface ChatTurn {
  id: string
  question: string
  status: 'asking' | 'answered' | 'failed'
  answer?: AskAnswer
  error?: string
  rated?: boolean | null
}

interface ChatState {
  turns: ChatTurn[]
  ask: (question: string) => Promise<void>
  retry: (id: string) => Promise<void>
  rate: (id: string, helpful: boolean) => Promise<void>
}

let seq = 0
export const useChatStore = create<ChatState>()((set, get) => {
  const patch = (id: string, p: Partial<ChatTurn>) =>
    set({ turns: get().turns.map((t) => (t.id === id ? { ...t, ...p } : t)) })
  const run = async (id: string, question: string) => {
    const res = await askQuestion(question)
    if (res.ok) patch(id, { status: 'answered', answer: res.data, error: undefined })
    else patch(id, { status: 'failed', error: res.error.message })
  }
  return {
    turns: [],
    ask: async (question) => {
      const id = `t${++seq}`
      set({ turns: [...get().turns, { id, question, status: 'asking', rated: null }] })
      await run(id, question)
    },
    retry: async (id) => {
      const turn = get().turns.find((t) => t.id === id)
      if (!turn) return
      patch(id, { status: 'asking', error: undefined })
      await run(id, turn.question)
    },
    rate: async (id, helpful) => {
      const turn = get().turns.find((t) => t.id === id)
      if (!turn?.answer || turn.rated != null) return
      patch(id, { rated: helpful })
      const res = await rateAnswer(turn.answer.askId, helpful)
      if (!res.ok) patch(id, { rated: null })
    },
  }
})

export const useGapList = createPagedListStore((cursor) => fetchGaps(cursor))
export const useFaqList = createPagedListStore((cursor) => fetchFaqs(cursor))

interface KnowledgeState {
  saving: boolean
  save: (form: FaqForm) => Promise<Envelope<{ resolvedGaps: number }>>
}
export const useKnowledgeStore = create<KnowledgeState>()((set) => ({
  saving: false,
  save: async (form) => {
    set({ saving: true })
    try {
      const res = await saveFaq(form)
      if (!res.ok) return res
      await Promise.all([useGapList.getState().refresh(), useFaqList.getState().refresh()])
      return { ok: true, data: { resolvedGaps: res.data.resolvedGaps } }
    } finally {
      set({ saving: false })
    }
  },
}))

interface HolidayState {
  year: HolidayYear | null
  status: LoadStatus
  error: ErrorBody | null
  saving: boolean
  load: (year: number) => Promise<void>
  save: (year: number, days: CalendarDay[]) => Promise<Envelope<null>>
}
export const useHolidayStore = create<HolidayState>()((set, get) => ({
  year: null,
  status: 'idle',
  error: null,
  saving: false,
  load: async (year) => {
    set({ status: 'loading', error: null })
    const res = await fetchHolidays(year)
    if (res.ok) set({ year: res.data, status: 'ready' })
    else set({ status: 'error', error: res.error })
  },
  save: async (year, days) => {
    set({ saving: true })
    try {
      const res = await saveHolidays(year, days)
      if (!res.ok) return res
      await get().load(year)
      return { ok: true, data: null }
    } finally {
      set({ saving: false })
    }
  },
}))
