/** The shapes the feedback function answers (docs/api.md ## feedback), shared by the app and the tests. Pure. */
import type { FeedbackCategory } from './rules'
import type { FeedbackStatus } from './status'
import type { RateFigures } from './stats'
import type { Page } from '../actions/common'
import type { CalendarDay } from '../calendar/holidayCalendar'

export interface TimelineStep {
  type: string
  label: string
  status: string
  statusLabel: string
  /** A department's name, 提交人, 管理员 or 系统: never a person. */
  by: string
  note: string | null
  at: string
}

export interface FeedbackListItem {
  trackingNo: string
  category: FeedbackCategory
  categoryLabel: string
  status: FeedbackStatus
  statusLabel: string
  overdue: boolean
  acceptOverdue: boolean
  escalatedAt: string | null
  createdAt: string
  acceptDueAt: string
  dueAt: string
  departmentName: string | null
  anonymous: boolean
  contentPreview: string
  rated?: boolean
  departmentId?: string | null
  extensionStatus?: 'requested' | 'approved' | 'rejected' | null
}

export interface FeedbackDetail extends Omit<FeedbackListItem, 'contentPreview' | 'rated'> {
  content: string
  images: string[]
  serviceName: string | null
  place: string | null
  regionCode: string | null
  reply: { content: string; at: string; departmentName: string | null } | null
  rating: { score: number; comment: string | null; solved: boolean | null; at: string } | null
  round: number
  extension: {
    status: 'requested' | 'approved' | 'rejected'
    workingDays: number
    requestedAt: string
    decidedAt: string | null
  } | null
  timeline: TimelineStep[]
  // owner view
  contactConsent?: boolean
  contactPhone?: string | null
  canRate?: boolean
  canReopen?: boolean
  reopenDeadline?: string | null
  // staff view
  submitter?: { anonymous: boolean; name: string | null; contactConsent: boolean; phone: string | null }
  awaitingReply?: boolean
  extensionReason?: string | null
}

export interface SubmitAnswer {
  trackingNo: string
  status: FeedbackStatus
  dueAt: string
  acceptDueAt: string
  departmentName: string | null
  message: string
}

export interface DepartmentFigures extends RateFigures {
  departmentId: string | null
  departmentName: string
}

export interface StatsAnswer {
  month: string
  overall: RateFigures
  departments: DepartmentFigures[]
  standards: string[]
  generatedAt: string
}

/** One year of the working-day calendar as staff edit it (`feedback.holidays`). */
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

/** What the resident-side `feedback` actions and the inbox answer (the client's `callAction` types answers from it). */
export interface FeedbackActionOutputs {
  'feedback.submit': SubmitAnswer
  'feedback.get': FeedbackDetail
  'feedback.mine': Page<FeedbackListItem>
  'feedback.rate': { trackingNo: string; status: FeedbackStatus }
  'feedback.reopen': { trackingNo: string; status: FeedbackStatus; dueAt: string }
  'feedback.inbox': Page<FeedbackListItem>
  'feedback.templates': { items: { id: string; title: string; text: string }[] }
  'feedback.stats': StatsAnswer
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
