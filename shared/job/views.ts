/**
 * What the job function answers (shared by the function and the mini-program). Contacts are masked.
 */
import type { ApplicationDoc, ApplicationStatus, JobDoc, PlaceDoc } from './types'
import type { MatchResult } from './match'

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
