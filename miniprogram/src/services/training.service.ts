/**
 * training function client: catalogue, detail, signup/cancel, my signups and my training record.
 * Inputs typed by the shared schemas (shared/actions/training.ts), answers by `TrainingActionOutputs`.
 */
import type { ActionInput } from './cloud'
import { callAction, newRequestId } from './cloud'

/** What the catalogue filters on: `training.search`'s input without paging. */
export type CourseFilter = Omit<ActionInput<'training', 'search'>, 'cursor' | 'pageSize'>

const page = (cursor?: string) => ({ pageSize: 20, ...(cursor ? { cursor } : {}) })

export const searchCourses = (filter: CourseFilter, cursor?: string) =>
  callAction('training', 'search', { ...filter, ...page(cursor) })
export const fetchCourse = (id: string) => callAction('training', 'get', { id })
export const signupCourse = (courseId: string, requestId = newRequestId('ts')) =>
  callAction('training', 'signup', { courseId, requestId })
export const cancelSignup = (courseId: string) => callAction('training', 'cancel', { courseId })
export const fetchMySignups = (cursor?: string) => callAction('training', 'mySignups', page(cursor))
export const fetchMyRecords = (cursor?: string) => callAction('training', 'myRecords', page(cursor))
