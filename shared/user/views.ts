/** Answer shapes of the user function (server and mini-program share them). Pure types. */
import type { Role } from '../actions/define'
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
  roles: Role[]
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

/** `user.login` / `getProfile` / `updateProfile`: the profile view. */
export type LoginResult = ProfileView

/** `user.setRoles`: the roles and bindings now held. */
export interface SetRolesAnswer {
  openid: string
  roles: Role[]
  gridCodes: string[]
  departmentId: string | null
}
/** `user.getRoles`: the current roles and bindings (read before setRoles) and the departments to pick from. */
export interface RolesAnswer extends SetRolesAnswer {
  exists: boolean
  departments: { id: string; name: string }[]
}

/** What each `user` action answers: the client's `ActionOutputs` extends it and the function's index.ts is held to it. */
export interface UserActionOutputs {
  'user.login': LoginResult
  'user.getProfile': LoginResult
  'user.updateProfile': LoginResult
  'user.bindResident': BindResult
  'user.resume': ResumeView
  'user.updateResume': ResumeView
  'user.districts': { cityCode: string; items: { code: string; name: string }[] }
  'user.setRoles': SetRolesAnswer
  'user.getRoles': RolesAnswer
}
