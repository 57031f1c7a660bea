/**
 * job function client: search, detail, favourites, apply, my applications, recommendations, nearby, staff.
 * Inputs are typed by the shared schemas (shared/actions/job.ts), answers by `JobActionOutputs` (shared/job/views.ts).
 */
import type {
  JobDetail,
  JobListItem,
  JobSearchInterpreted,
  JobSearchPage,
  JobSort,
  MyApplicationItem,
  PlaceItem,
  RecommendItem,
  StaffApplicationItem,
} from '@shared/job/views'
import type { PlaceKind } from '@shared/job/types'
import { callAction, newRequestId, type ActionInput } from './cloud'

export type {
  JobDetail,
  JobListItem,
  JobSearchInterpreted,
  JobSearchPage,
  JobSort,
  MyApplicationItem,
  PlaceItem,
  RecommendItem,
  StaffApplicationItem,
}

/** What the 找工作 list filters on: `job.search`'s input without paging. */
export type JobSearchFilter = Omit<ActionInput<'job', 'search'>, 'cursor' | 'pageSize'>
/** A new posting as staff fill it in (`job.post`'s input; the request id is made here). */
export type PostingDraft = Omit<ActionInput<'job', 'post'>, 'requestId'>

const page = (cursor?: string, pageSize = 20) => ({ pageSize, ...(cursor ? { cursor } : {}) })

export const searchJobs = (input: ActionInput<'job', 'search'>) => callAction('job', 'search', input)
export const fetchJob = (id: string) => callAction('job', 'get', { id })
export const setFavorite = (id: string, on: boolean) => callAction('job', 'favorite', { id, on })
export const fetchFavorites = (cursor?: string) => callAction('job', 'myFavorites', page(cursor))
export const applyJob = (jobId: string, contactConsent = false, requestId = newRequestId('ja')) =>
  callAction('job', 'apply', { jobId, requestId, contactConsent })
/** 我的投递: give or withdraw 同意招聘方/经办人员联系我. */
export const setContactConsent = (applicationId: string, consent: boolean) =>
  callAction('job', 'setContactConsent', { applicationId, consent })
export const fetchMyApplications = (cursor?: string) => callAction('job', 'myApplications', page(cursor))
export const reportOutcome = (applicationId: string, hired: boolean) =>
  callAction('job', 'reportOutcome', { applicationId, hired })
export const fetchRecommendations = (pageSize = 20, cursor?: string) =>
  callAction('job', 'recommend', page(cursor, pageSize))
export const fetchNearbyPlaces = (lat: number, lng: number, radiusKm = 5, kind?: PlaceKind) =>
  callAction('job', 'nearby', { lat, lng, radiusKm, ...(kind ? { kind } : {}), pageSize: 50 })

// ---- staff (handler / admin)
export const fetchMyPostings = (cursor?: string) =>
  callAction('job', 'myPostings', { includeClosed: true, ...page(cursor) })
export const fetchJobApplications = (jobId: string, cursor?: string) =>
  callAction('job', 'applications', { jobId, ...page(cursor, 50) })
export const moveApplication = (
  applicationId: string,
  status: ActionInput<'job', 'setApplicationStatus'>['status'],
  note?: string,
) => callAction('job', 'setApplicationStatus', { applicationId, status, ...(note ? { note } : {}) })
export const closePosting = (id: string) => callAction('job', 'close', { id })
/** 查看完整号码: the audited reveal of a consenting applicant's number. */
export const revealApplicantContact = (applicationId: string) => callAction('job', 'revealContact', { applicationId })
export const postJob = (input: PostingDraft, requestId = newRequestId('jp')) =>
  callAction('job', 'post', { ...input, requestId })
