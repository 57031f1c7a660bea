/** training function client: catalogue, detail, signup/cancel, my signups and my training record. */
import type { Page } from '@shared/actions/common'
import type { CourseDetail, CourseView, MySignup, SignupResult, TrainingRecordView } from '@shared/training/views'
import { callFunction, newRequestId } from './cloud'

export interface CourseFilter {
  keyword?: string
  cityCode?: string
  mode?: 'offline' | 'online'
  hasSubsidy?: boolean
  startsWithinDays?: number
  near?: { lat: number; lng: number; radiusKm: number }
}

export const searchCourses = (filter: CourseFilter, cursor?: string) =>
  callFunction<Page<CourseView>>('training', {
    action: 'search',
    pageSize: 20,
    ...filter,
    ...(cursor ? { cursor } : {}),
  })
export const fetchCourse = (id: string) => callFunction<CourseDetail>('training', { action: 'get', id })
export const signupCourse = (courseId: string, requestId = newRequestId('ts')) =>
  callFunction<SignupResult>('training', { action: 'signup', courseId, requestId })
export const cancelSignup = (courseId: string) =>
  callFunction<{ status: 'cancelled'; promoted: boolean }>('training', { action: 'cancel', courseId })
export const fetchMySignups = (cursor?: string) =>
  callFunction<Page<MySignup>>('training', { action: 'mySignups', pageSize: 20, ...(cursor ? { cursor } : {}) })
export const fetchMyRecords = (cursor?: string) =>
  callFunction<Page<TrainingRecordView>>('training', {
    action: 'myRecords',
    pageSize: 20,
    ...(cursor ? { cursor } : {}),
  })
