/** feedback function client (投诉/反馈): the only place the feedback pages' data comes from. */
import type { Envelope } from '@shared/errors'
import { callAction, callFunction, imageSrc, newRequestId, uploadImage, type ActionInput } from './cloud'

/** `feedback.submit`'s input (the shared schema's type). */
export type SubmitInput = ActionInput<'feedback', 'submit'>

export const newFeedbackRequestId = () => newRequestId('fb')

const page = (cursor?: string, pageSize = 20) => ({ pageSize, ...(cursor ? { cursor } : {}) })

export const submitFeedback = (input: SubmitInput) => callAction('feedback', 'submit', input)
export const fetchMine = (cursor?: string, pageSize = 20) => callAction('feedback', 'mine', page(cursor, pageSize))
export const fetchFeedback = (trackingNo: string) => callAction('feedback', 'get', { trackingNo })
export const rateFeedback = (trackingNo: string, score: number, comment?: string) =>
  callAction('feedback', 'rate', { trackingNo, score, ...(comment ? { comment } : {}) })
export const reopenFeedback = (trackingNo: string, reason?: string) =>
  callAction('feedback', 'reopen', { trackingNo, ...(reason ? { reason } : {}) })
export const fetchStats = (month?: string) => callAction('feedback', 'stats', { ...(month ? { month } : {}) })

// staff side
/** What the inbox filters on: `feedback.inbox`'s input without paging. */
export type InboxFilter = Omit<ActionInput<'feedback', 'inbox'>, 'cursor' | 'pageSize'>
export const fetchInbox = (filter: InboxFilter, cursor?: string) =>
  callAction('feedback', 'inbox', { ...filter, ...page(cursor) })
export type StaffStep = 'accept' | 'reply' | 'resolve' | 'assign' | 'extend' | 'revealContact'
/** A staff step by name (the detail page's buttons); its answer is not used beyond ok / error. */
export const staffStep = <T = unknown>(step: StaffStep, trackingNo: string, data: Record<string, unknown> = {}) =>
  callFunction<T>('feedback', { action: step, trackingNo, ...data })
export const fetchTemplates = () => callAction('feedback', 'templates', {})

/**
 * Photos are uploaded to cloud storage before submit; the function checks them again (they must exist in storage and
 * pass the image safety check). Choosing them is in feedbackPhotos.ts, loaded only by the submit page: the picker
 * (Taro's chooseImage, with its H5 media and action-sheet code) stays out of every other page's bundle.
 */
export const uploadPhoto = (localPath: string, requestId: string, index: number): Promise<Envelope<string>> =>
  uploadImage('feedback', `${requestId}-${index}`, localPath)

/** An <Image> src for a feedback photo's file id (see services/cloud imageSrc). */
export const photoSrc = imageSrc
