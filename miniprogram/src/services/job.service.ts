/** job function client: search, detail, favourites, apply, my applications, recommendations, nearby, staff. */
import type { Page } from '@shared/actions/common'
import type {
  JobDetail,
  JobListItem,
  MyApplicationItem,
  PlaceItem,
  RecommendItem,
  StaffApplicationItem,
} from '@shared/job/views'
import type { ApplicationStatus, JobType, PlaceKind } from '@shared/job/types'
import { callFunction, newRequestId } from './cloud'

export type { JobDetail, JobListItem, MyApplicationItem, PlaceItem, RecommendItem, StaffApplicationItem }

export type JobSort = 'relevance' | 'newest' | 'salary' | 'distance'

export interface JobFilter {
  keyword?: string
  cityCode?: string
  districtCode?: string
  occupationCode?: string
  salaryMin?: number
  jobType?: JobType
  postedWithinDays?: number
  near?: { lat: number; lng: number; radiusKm: number }
  sort?: JobSort
}

const page = (cursor?: string, pageSize = 20) => ({ pageSize, ...(cursor ? { cursor } : {}) })

export const searchJobs = (filter: JobFilter & { cursor?: string; pageSize?: number }) =>
  callFunction<Page<JobListItem>>('job', { action: 'search', ...filter })
export const fetchJob = (id: string) => callFunction<JobDetail>('job', { action: 'get', id })
export const setFavorite = (id: string, on: boolean) =>
  callFunction<{ id: string; favorited: boolean }>('job', { action: 'favorite', id, on })
export const fetchFavorites = (cursor?: string) =>
  callFunction<Page<JobListItem & { favoritedAt: string }>>('job', { action: 'myFavorites', ...page(cursor) })
export const applyJob = (jobId: string, requestId = newRequestId('ja')) =>
  callFunction<{ applicationId: string; status: ApplicationStatus; jobId: string; createdAt: string }>('job', {
    action: 'apply',
    jobId,
    requestId,
  })
export const fetchMyApplications = (cursor?: string) =>
  callFunction<Page<MyApplicationItem>>('job', { action: 'myApplications', ...page(cursor) })
export const reportOutcome = (applicationId: string, hired: boolean) =>
  callFunction<MyApplicationItem>('job', { action: 'reportOutcome', applicationId, hired })
export const fetchRecommendations = (pageSize = 20, cursor?: string) =>
  callFunction<Page<RecommendItem> & { profileComplete: boolean; hint: string | null }>('job', {
    action: 'recommend',
    ...page(cursor, pageSize),
  })
export const fetchNearbyPlaces = (lat: number, lng: number, radiusKm = 5, kind?: PlaceKind) =>
  callFunction<Page<PlaceItem>>('job', {
    action: 'nearby',
    lat,
    lng,
    radiusKm,
    ...(kind ? { kind } : {}),
    pageSize: 50,
  })

// ---- staff (handler / admin)
export const fetchMyPostings = (cursor?: string) =>
  callFunction<Page<JobListItem & { status: 'open' | 'closed' }>>('job', {
    action: 'myPostings',
    includeClosed: true,
    ...page(cursor),
  })
export const fetchJobApplications = (jobId: string, cursor?: string) =>
  callFunction<Page<StaffApplicationItem>>('job', { action: 'applications', jobId, ...page(cursor, 50) })
export const moveApplication = (
  applicationId: string,
  status: 'viewed' | 'interview' | 'rejected' | 'hired',
  note?: string,
) =>
  callFunction<StaffApplicationItem>('job', {
    action: 'setApplicationStatus',
    applicationId,
    status,
    ...(note ? { note } : {}),
  })
export const closePosting = (id: string) =>
  callFunction<{ id: string; status: 'closed' }>('job', { action: 'close', id })
export interface PostingInput {
  title: string
  occupationCode: string
  employerName: string
  description?: string
  districtCode: string
  address: string
  lat: number
  lng: number
  salaryMin: number
  salaryMax: number
  salaryUnit: 'month' | 'day' | 'hour'
  jobType: JobType
  skills?: string[]
  headcount?: number
  contactName: string
  contactPhone: string
}
export const postJob = (input: PostingInput, requestId = newRequestId('jp')) =>
  callFunction<{ id: string }>('job', { action: 'post', ...input, requestId })
