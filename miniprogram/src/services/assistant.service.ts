/** assistant function client (问一问) and the holiday calendar of the feedback function (staff). */
import type { CalendarDay } from '@shared/calendar/holidayCalendar'
import { callAction, newRequestId } from './cloud'

export type { AskAnswer, GapGroup, FaqItem } from '@shared/assistant/views'
export type { HolidayYear } from '@shared/feedback/types'

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
