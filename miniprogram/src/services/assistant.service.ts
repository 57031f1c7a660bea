/** assistant function client (问一问) and the holiday calendar of the feedback function (staff). */
import type { Page } from '@shared/actions/common'
import type { Answer } from '@shared/assistant/answer'
import type { CalendarDay } from '@shared/calendar/holidayCalendar'
import { callAction, newRequestId } from './cloud'

export interface AskAnswer {
  askId: string
  answers: Answer[]
  confidence: number
  handoff: boolean
}
export interface GapGroup {
  key: string
  question: string
  samples: string[]
  count: number
  handoff: number
  unhelpful: number
  lastAt: string
  citedBefore: { kind: string; id: string }[]
}
export interface FaqItem {
  id: string
  question: string
  answer: string
  keywords: string[]
  ref: { kind: 'policy' | 'guide'; id: string } | null
  active: boolean
  updatedAt: string
}
export interface HolidayYear {
  year: number
  source: 'package' | 'admin' | 'none'
  editable: boolean
  sourceNote: string
  days: CalendarDay[]
  holidays: number
  workdays: number
  enteredAt: string | null
  revision: number
  warning: string | null
  yearWarning: string | null
}

declare module './actionOutputs' {
  interface ActionOutputs {
    'assistant.ask': AskAnswer
    'assistant.rate': { askId: string; helpful: boolean }
    'assistant.gaps': Page<GapGroup> & { total: number }
    'assistant.faqs': Page<FaqItem>
    'assistant.upsertFaq': { id: string; created: boolean; active: boolean; resolvedGaps: number; updatedAt: string }
    'feedback.holidays': HolidayYear
    'feedback.setHolidays': {
      year: number
      source: 'admin'
      revision: number
      holidays: number
      workdays: number
      enteredAt: string
    }
  }
}

export const askQuestion = (question: string) =>
  callAction('assistant', 'ask', { question, requestId: newRequestId('ask') })
export const rateAnswer = (askId: string, helpful: boolean) => callAction('assistant', 'rate', { askId, helpful })
export const fetchGaps = (cursor?: string) =>
  callAction('assistant', 'gaps', { pageSize: 20, ...(cursor ? { cursor } : {}) })
export const fetchFaqs = (cursor?: string) =>
  callAction('assistant', 'faqs', { pageSize: 20, ...(cursor ? { cursor } : {}) })
export interface FaqForm {
  id?: string
  question: string
  answer: string
  keywords?: string[]
  active?: boolean
  fromGap?: string
}
export const saveFaq = (form: FaqForm) => callAction('assistant', 'upsertFaq', form)
export const fetchHolidays = (year: number) => callAction('feedback', 'holidays', { year })
export const saveHolidays = (year: number, days: CalendarDay[]) => callAction('feedback', 'setHolidays', { year, days })
