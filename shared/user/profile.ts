/**
 * The job-seeking profile a resident keeps in 我的资料 (users.profile): value lists, Chinese labels and
 * limits shared by the updateProfile schema, the server and the pages. Pure (no I/O).
 */
import { cstDateOf } from '../calendar/chinaTime'

export const JOB_TYPE_VALUES = ['fullTime', 'partTime', 'gig'] as const
export type ProfileJobType = (typeof JOB_TYPE_VALUES)[number]
export const PROFILE_JOB_TYPE_LABELS: Record<ProfileJobType, string> = {
  fullTime: '全职',
  partTime: '兼职',
  gig: '零工',
}

export const AVAILABILITY_VALUES = ['immediately', 'withinWeek', 'withinMonth', 'negotiable'] as const
export type Availability = (typeof AVAILABILITY_VALUES)[number]
export const AVAILABILITY_LABELS: Record<Availability, string> = {
  immediately: '随时到岗',
  withinWeek: '一周内到岗',
  withinMonth: '一个月内到岗',
  negotiable: '到岗时间可商议',
}

/** Limits of the profile fields (the schema and the form counters use the same numbers). */
export const PROFILE_LIMITS = {
  nickname: 20,
  occupations: 5,
  cities: 5,
  skills: 20,
  skill: 20,
  certificates: 20,
  certificate: 30,
  workHistory: 10,
  employer: 50,
  role: 30,
  duties: 200,
  intro: 300,
  salaryMax: 1_000_000,
} as const

export interface WorkHistoryItem {
  employer: string
  role: string
  /** YYYY-MM */
  from: string
  /** YYYY-MM; null while still there */
  to?: string | null
  duties?: string
}

/** The profile as stored (every field optional). */
export interface JobSeekingProfile {
  nickname?: string
  desiredOccupations?: string[]
  desiredCities?: string[]
  seekingSince?: string
  jobTypes?: ProfileJobType[]
  expectedSalaryMin?: number
  expectedSalaryMax?: number
  education?: string
  skills?: string[]
  certificates?: string[]
  workHistory?: WorkHistoryItem[]
  availability?: Availability
  intro?: string
  regionCode?: string
  largeFont?: boolean
  /** Set when the welcome flow was finished or skipped (so it is not shown again on another phone). */
  welcomeDone?: boolean
}

/** Fields whose change does not touch policy matches or recommendations. */
export const COSMETIC_PROFILE_FIELDS: readonly string[] = ['nickname', 'largeFont', 'welcomeDone', 'intro']

/** Today's date in China time, YYYY-MM-DD (shared/calendar/chinaTime). */
export const chinaDate = (ms: number): string => cstDateOf(ms)
