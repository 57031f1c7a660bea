/** Answer shapes of the user function (server and mini-program share them). Pure types. */
import type { PhraseSet } from './phrases'
import type { JobSeekingProfile, WorkHistoryItem } from './profile'

export interface PersonSummary {
  personId: string
  /** Masked (孙*). */
  name: string
  /** Masked. */
  idNumber: string
  /** Masked. */
  phone: string
  sex: 'male' | 'female'
  birthDate: string
  residenceRegion: string
  residenceRegionName: string | null
  gridCode: string
  /** The grid's name (社区网格), or null when the grid is not in the reference table. */
  gridName: string | null
  education: string
  educationLabel: string
  graduationYear: number | null
  employmentStatus: string
  employmentStatusLabel: string
  employmentStatusSince: string | null
  registeredUnemployed: boolean
  registeredUnemployedSince: string | null
  keyGroups: { code: string; label: string }[]
  socialInsuranceMonths: number
}

export interface TrainingCertificate {
  title: string
  occupationCode: string
  occupationName: string
  level: string
  certificateType: string
  completedAt: string
}

export interface ProfileView {
  openid: string
  roles: string[]
  profile: JobSeekingProfile & Record<string, unknown>
  bound: boolean
  person: PersonSummary | null
  gridCodes: string[]
  departmentId: string | null
  /** Certificates from the lifelong training record (read-only; self-declared ones are in profile.certificates). */
  trainingCertificates: TrainingCertificate[]
  createdAt: string
}

export type ResumeSection = 'summary' | 'education' | 'skills' | 'certificates' | 'workHistory' | 'desired'

export interface Resume {
  name: string
  phone: string
  summary: string
  education: { level: string | null; label: string | null; graduationYear: number | null }
  skills: string[]
  certificates: { name: string; source: 'training' | 'self'; at: string | null }[]
  workHistory: WorkHistoryItem[]
  desired: {
    occupations: { code: string; name: string }[]
    cities: { code: string; name: string }[]
    salaryMin: number | null
    salaryMax: number | null
    jobTypes: { code: string; label: string }[]
  }
  hidden: ResumeSection[]
}

export interface ResumeView {
  resume: Resume
  updatedAt: string
  /** Which parts the person wrote themselves (the rest follows the profile). */
  edited: { summary: boolean; skills: boolean; workHistory: boolean }
  suggestions: PhraseSet[]
  writer: string
}

export interface BindResult {
  bound: true
  person: PersonSummary | null
}
