/** The job module's documents and answer shapes. */
import type { SalaryUnit } from './salary'

export type JobType = 'fullTime' | 'partTime' | 'gig'
export type Education =
  'none' | 'primary' | 'junior' | 'senior' | 'secondaryVocational' | 'college' | 'bachelor' | 'master' | 'doctor'
export type ApplicationStatus = 'submitted' | 'viewed' | 'interview' | 'rejected' | 'hired'
export type PlaceKind = 'serviceStation' | 'gigMarket'

/** A posting (`jobs` collection). */
export interface JobDoc {
  _id: string
  title: string
  description: string
  occupationCode: string
  occupationName: string
  /** The code and its ancestors ('6', '6-18', '6-18-02', '6-18-02-04'): filter at any level. */
  occupationAncestors: string[]
  employerName: string
  cityCode: string
  cityName: string
  districtCode: string
  districtName: string
  address: string
  lat: number
  lng: number
  /** GeoJSON for the 2dsphere index (production geoNear). */
  location: { type: 'Point'; coordinates: [number, number] }
  salaryMin: number
  salaryMax: number
  salaryUnit: SalaryUnit
  salaryMonthlyMin: number
  salaryMonthlyMax: number
  jobType: JobType
  education: Education
  ageMin: number | null
  ageMax: number | null
  skills: string[]
  headcount: number
  contactName: string
  /** Masked (139****5678); the number itself is sealed in contactPhoneEnc. */
  contactPhone: string
  contactPhoneEnc?: string
  contactPhoneHash?: string
  status: 'open' | 'closed'
  postedAt: string
  postedAtMs: number
  expiresAt: string
  expiresAtMs: number
  tokens: string[]
  titleTokens: string[]
  /** Day-partitioned inverted-index keys (shared/job/searchKeys.ts). */
  searchKeys: string[]
  createdBy: string | null
  updatedAt: string
}

import type { Resume } from '../user/views'

export interface ResumeSnapshot {
  name: string
  phone: string
  education: Education | null
  skills: string[]
  desiredOccupations: string[]
  regionCode: string | null
  expectedSalaryMin: number | null
  keyGroups: string[]
  /** 意向地区: the districts and cities (GB/T 2260 codes) the person wants to work in, from the profile. */
  desiredCities?: string[]
  /** 我的简历 as it stood when applying (hidden sections emptied, name and phone masked); absent on older applications. */
  resume?: Resume
}

export interface ApplicationDoc {
  _id: string
  jobId: string
  openid: string
  requestId: string
  status: ApplicationStatus
  history: { status: ApplicationStatus; at: string; note?: string | null }[]
  resume: ResumeSnapshot
  job: {
    title: string
    employerName: string
    cityName: string
    districtName: string
    salaryText: string
    jobType: JobType
  }
  createdAt: string
  createdAtMs: number
  updatedAt: string
  updatedAtMs: number
  /** "Were you hired?" follow-up: asked from followUpAtMs on; the answer is the outcome. */
  followUpAtMs: number
  outcome: { hired: boolean; at: string } | null
  /**
   * 同意招聘方/经办人员联系我: given when applying or later from 我的投递, and withdrawn the same way (absent on older
   * applications: not given). Only while it is given may staff reveal the applicant's full number (job.revealContact).
   */
  contactConsent?: boolean
  /** When the consent was last given or withdrawn (China time). */
  contactConsentAt?: string | null
}

export interface PlaceDoc {
  _id: string
  kind: PlaceKind
  name: string
  address: string
  cityCode: string
  districtCode: string
  lat: number
  lng: number
  location: { type: 'Point'; coordinates: [number, number] }
  phone: string
  openHours: string
  services: string[]
}

export const JOB_TYPE_LABELS: Record<JobType, string> = { fullTime: '全职', partTime: '兼职', gig: '零工' }
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  submitted: '已投递',
  viewed: '已查看',
  interview: '邀请面试',
  rejected: '未录用',
  hired: '已录用',
}
export const PLACE_KIND_LABELS: Record<PlaceKind, string> = { serviceStation: '就业服务站', gigMarket: '零工市场' }

/** Staff may move an application only forward. */
export const APPLICATION_TRANSITIONS: Record<ApplicationStatus, ApplicationStatus[]> = {
  submitted: ['viewed', 'interview', 'rejected', 'hired'],
  viewed: ['interview', 'rejected', 'hired'],
  interview: ['rejected', 'hired'],
  rejected: [],
  hired: [],
}

/** Days after applying when the "were you hired?" follow-up is asked. */
export const FOLLOW_UP_DAYS = 14
