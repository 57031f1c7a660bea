/**
 * What the job function answers (shared by the function and the mini-program). Contacts are masked.
 */
import type { Page } from '../actions/common'
import type { JOB_SORTS } from '../actions/job'
import type { ApplicationDoc, ApplicationStatus, JobDoc, JobType, PlaceDoc } from './types'
import type { MatchResult } from './match'

/** The orders `job.search` offers. */
export type JobSort = (typeof JOB_SORTS)[number]

export interface JobListItem {
  id: string
  title: string
  employerName: string
  occupationCode: string
  occupationName: string
  cityCode: string
  cityName: string
  districtCode: string
  districtName: string
  address: string
  lat: number
  lng: number
  salaryText: string
  salaryMin: number
  salaryMax: number
  salaryUnit: JobDoc['salaryUnit']
  salaryMonthlyMin: number
  salaryMonthlyMax: number
  jobType: JobDoc['jobType']
  jobTypeLabel: string
  education: JobDoc['education']
  educationLabel: string
  skills: string[]
  headcount: number
  contact: { name: string; phone: string }
  postedAt: string
  expiresAt: string
  active: boolean
  distanceKm?: number
  applicationStatus?: ApplicationStatus | null
  favorited?: boolean
}

export interface JobDetail extends JobListItem {
  description: string
  ageText: string
  /** The public employment service hotline: the call button dials it (employer numbers stay masked). */
  servicePhone: string
  shareTitle: string
  updatedAt: string
}

export interface MyApplicationItem {
  id: string
  jobId: string
  status: ApplicationStatus
  statusLabel: string
  job: ApplicationDoc['job'] & { jobTypeLabel: string }
  history: { status: ApplicationStatus; statusLabel: string; at: string; note: string | null }[]
  createdAt: string
  updatedAt: string
  followUp: { asked: boolean; question: string; outcome: 'hired' | 'notHired' | null; answeredAt: string | null }
  /** 同意招聘方/经办人员联系我 (default not given). */
  contactConsent: boolean
  contactConsentAt: string | null
}

export interface StaffApplicationItem {
  id: string
  jobId: string
  status: ApplicationStatus
  statusLabel: string
  resume: ApplicationDoc['resume']
  history: ApplicationDoc['history']
  createdAt: string
  updatedAt: string
  outcome: ApplicationDoc['outcome']
  /** Whether the applicant agrees to be contacted: only then may staff reveal the full number (job.revealContact). */
  contactConsent: boolean
}

/** `job.revealContact`: the applicant's full number, for an application whose applicant agrees to be contacted. */
export interface ApplicantContact {
  applicationId: string
  /** The applicant's name as on the register (the reveal is for a phone call). */
  name: string
  phone: string
}

export interface PlaceItem {
  id: string
  kind: PlaceDoc['kind']
  kindLabel: string
  name: string
  address: string
  districtCode: string
  lat: number
  lng: number
  phone: string
  openHours: string
  services: string[]
  distanceKm: number
  distanceText: string
}

export type RecommendItem = JobListItem &
  Pick<MatchResult, 'matchPercent' | 'reasons' | 'lackingSkills' | 'explanation'>

/**
 * What `job.search` understood from the keyword and applied as filters (a resident types "济南 日结 装卸工"):
 * the place, the job type and the monthly minimum pay taken out of it (null when the keyword had none, or when an
 * explicit filter of the same kind took precedence), and the words searched for.
 */
export interface JobSearchInterpreted {
  /** A city named in the keyword (济南 → 370100 济南市). */
  city: { code: string; name: string } | null
  /** A district named in the keyword (历下区); it narrows further than a city. */
  district: { code: string; name: string } | null
  jobType: JobType | null
  /** Monthly-normalised (200元/天 → 4350). */
  salaryMin: number | null
  /** The words the postings were searched for, after the filters were taken out. */
  terms: string[]
}

/** `job.search`'s answer: a page of postings, what the keyword was understood as, and the order applied. */
export interface JobSearchPage extends Page<JobListItem> {
  interpreted: JobSearchInterpreted
  /** The order the page is in: the one asked for, or the default (relevance for words, else distance or newest). */
  sort: JobSort
}

export interface ApplyResult {
  applicationId: string
  status: ApplicationStatus
  jobId: string
  createdAt: string
}

/** What each `job` action answers (the client's `callAction` types its answers from this map). */
export interface JobActionOutputs {
  'job.search': JobSearchPage
  'job.get': JobDetail
  'job.favorite': { id: string; favorited: boolean }
  'job.myFavorites': Page<JobListItem & { favoritedAt: string }>
  'job.apply': ApplyResult
  'job.myApplications': Page<MyApplicationItem>
  'job.reportOutcome': MyApplicationItem
  'job.recommend': Page<RecommendItem> & { profileComplete: boolean; hint: string | null }
  'job.nearby': Page<PlaceItem>
  'job.post': { id: string }
  'job.update': JobDetail
  'job.close': { id: string; status: 'closed' }
  'job.myPostings': Page<JobListItem & { status: JobDoc['status'] }>
  'job.applications': Page<StaffApplicationItem>
  'job.setApplicationStatus': StaffApplicationItem
  'job.setContactConsent': MyApplicationItem
  'job.revealContact': ApplicantContact
}
