/** feedback function client (投诉/反馈): the only place the feedback pages' data comes from. */
import type { Page } from '@shared/actions/common'
import type { FeedbackCategory } from '@shared/feedback/rules'
import type { FeedbackDetail, FeedbackListItem, StatsAnswer, SubmitAnswer } from '@shared/feedback/types'
import type { Envelope } from '@shared/errors'
import { callFunction, imageSrc, newRequestId, uploadImage } from './cloud'

export interface SubmitInput {
  category: FeedbackCategory
  content: string
  images?: string[]
  serviceName?: string
  place?: string
  regionCode?: string
  anonymous?: boolean
  contactConsent?: boolean
  contactPhone?: string
  requestId: string
}

export const newFeedbackRequestId = () => newRequestId('fb')

export const submitFeedback = (input: SubmitInput) =>
  callFunction<SubmitAnswer>('feedback', { action: 'submit', ...input })
export const fetchMine = (cursor?: string, pageSize = 20) =>
  callFunction<Page<FeedbackListItem>>('feedback', { action: 'mine', pageSize, ...(cursor ? { cursor } : {}) })
export const fetchFeedback = (trackingNo: string) =>
  callFunction<FeedbackDetail>('feedback', { action: 'get', trackingNo })
export const rateFeedback = (trackingNo: string, score: number, comment?: string) =>
  callFunction<{ trackingNo: string; status: string }>('feedback', {
    action: 'rate',
    trackingNo,
    score,
    ...(comment ? { comment } : {}),
  })
export const reopenFeedback = (trackingNo: string, reason?: string) =>
  callFunction<{ trackingNo: string; status: string; dueAt: string }>('feedback', {
    action: 'reopen',
    trackingNo,
    ...(reason ? { reason } : {}),
  })
export const fetchStats = (month?: string) =>
  callFunction<StatsAnswer>('feedback', { action: 'stats', ...(month ? { month } : {}) })

// staff side
export interface InboxFilter {
  view?: 'open' | 'replied' | 'done' | 'all'
  category?: FeedbackCategory
  overdue?: boolean
}
export const fetchInbox = (filter: InboxFilter, cursor?: string) =>
  callFunction<Page<FeedbackListItem>>('feedback', {
    action: 'inbox',
    pageSize: 20,
    ...filter,
    ...(cursor ? { cursor } : {}),
  })
export type StaffStep = 'accept' | 'reply' | 'resolve' | 'assign' | 'extend' | 'revealContact'
export const staffStep = <T = unknown>(step: StaffStep, trackingNo: string, data: Record<string, unknown> = {}) =>
  callFunction<T>('feedback', { action: step, trackingNo, ...data })
export const fetchTemplates = () =>
  callFunction<{ items: { id: string; title: string; text: string }[] }>('feedback', { action: 'templates' })

/**
 * Photos are uploaded to cloud storage before submit; the function checks them again (they must exist in storage and
 * pass the image safety check). Choosing them is in feedbackPhotos.ts, loaded only by the submit page: the picker
 * (Taro's chooseImage, with its H5 media and action-sheet code) stays out of every other page's bundle.
 */
export const uploadPhoto = (localPath: string, requestId: string, index: number): Promise<Envelope<string>> =>
  uploadImage('feedback', `${requestId}-${index}`, localPath)

/** An <Image> src for a feedback photo's file id (see services/cloud imageSrc). */
export const photoSrc = imageSrc
