/** feedback function client (投诉/反馈): the only place the feedback pages' data comes from. */
import Taro from '@tarojs/taro'
import type { Page } from '@shared/actions/common'
import type { FeedbackCategory } from '@shared/feedback/rules'
import type { FeedbackDetail, FeedbackListItem, StatsAnswer, SubmitAnswer } from '@shared/feedback/types'
import type { Envelope } from '@shared/errors'
import { callFunction, failure, newRequestId } from './cloud'

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

export const submitFeedback = (input: SubmitInput) => callFunction<SubmitAnswer>('feedback', { action: 'submit', ...input })
export const fetchMine = (cursor?: string, pageSize = 20) => callFunction<Page<FeedbackListItem>>('feedback', { action: 'mine', pageSize, ...(cursor ? { cursor } : {}) })
export const fetchFeedback = (trackingNo: string) => callFunction<FeedbackDetail>('feedback', { action: 'get', trackingNo })
export const rateFeedback = (trackingNo: string, score: number, comment?: string) =>
  callFunction<{ trackingNo: string; status: string }>('feedback', { action: 'rate', trackingNo, score, ...(comment ? { comment } : {}) })
export const reopenFeedback = (trackingNo: string, reason?: string) =>
  callFunction<{ trackingNo: string; status: string; dueAt: string }>('feedback', { action: 'reopen', trackingNo, ...(reason ? { reason } : {}) })
export const fetchStats = (month?: string) => callFunction<StatsAnswer>('feedback', { action: 'stats', ...(month ? { month } : {}) })

// staff side
export interface InboxFilter {
  view?: 'open' | 'replied' | 'done' | 'all'
  category?: FeedbackCategory
  overdue?: boolean
}
export const fetchInbox = (filter: InboxFilter, cursor?: string) =>
  callFunction<Page<FeedbackListItem>>('feedback', { action: 'inbox', pageSize: 20, ...filter, ...(cursor ? { cursor } : {}) })
export type StaffStep = 'accept' | 'reply' | 'resolve' | 'assign' | 'extend' | 'revealContact'
export const staffStep = <T = unknown>(step: StaffStep, trackingNo: string, data: Record<string, unknown> = {}) =>
  callFunction<T>('feedback', { action: step, trackingNo, ...data })
export const fetchTemplates = () => callFunction<{ items: { id: string; title: string; text: string }[] }>('feedback', { action: 'templates' })

/**
 * Photos: chosen on the phone and uploaded to cloud storage (weapp) before submit; the function checks them.
 * The H5 demo has no storage upload: it answers VALIDATION_FAILED with a clear message.
 */
export async function choosePhotos(max: number): Promise<string[]> {
  try {
    const r = await Taro.chooseImage({ count: max, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    return r.tempFilePaths
  } catch {
    return []
  }
}

export async function uploadPhoto(localPath: string, requestId: string, index: number): Promise<Envelope<string>> {
  if (process.env.TARO_ENV === 'h5') return failure('VALIDATION_FAILED', '网页演示版暂不支持上传图片，请在小程序中上传')
  try {
    const ext = /\.(png|webp|jpe?g)$/i.exec(localPath)?.[1] ?? 'jpg'
    const res = await Taro.cloud.uploadFile({ cloudPath: `feedback/${requestId}-${index}.${ext}`, filePath: localPath })
    return { ok: true, data: res.fileID }
  } catch {
    return failure('UPSTREAM_UNAVAILABLE', '图片上传失败，请检查网络后重试')
  }
}
