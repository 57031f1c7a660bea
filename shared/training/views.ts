/** What the training function answers: the shapes both the function and the mini-program use. */
import type { Page } from '../actions/common'
export type TrainingLevel = 'junior' | 'intermediate' | 'senior'
export type TrainingMode = 'offline' | 'online'
export type CertificateType = 'skillLevel' | 'specialAbility' | 'trainingCertificate'

export interface CourseView {
  id: string
  title: string
  providerName: string
  occupationCode: string
  occupationName: string
  level: TrainingLevel
  levelLabel: string
  mode: TrainingMode
  modeLabel: string
  regionCode: string
  cityCode: string
  address: string
  lat: number | null
  lng: number | null
  capacity: number
  seatsLeft: number
  waitlistCount: number
  fee: number
  hasSubsidy: boolean
  subsidyAmount: number | null
  certificateType: CertificateType
  certificateLabel: string
  startAt: string
  endAt: string
  signupDeadline: string
  status: 'open' | 'cancelled'
  distanceKm?: number
}

export interface SignupResult {
  signupId: string
  courseId: string
  status: 'confirmed' | 'waitlisted' | 'attended' | 'completed'
  /** 1-based place on the waitlist when waitlisted. */
  waitlistPosition: number | null
}

export interface SubsidyView {
  policyId: string
  amount: number | null
  /** eligible / ineligible / undetermined for the caller, when known. */
  status: 'eligible' | 'ineligible' | 'undetermined'
  reasons: { code: string; passed: boolean; text: string }[]
  text: string
}

export interface CourseDetail extends CourseView {
  sessions: { startAt: string; endAt: string; topic: string | null }[]
  cancelReason: string | null
  mySignup: SignupResult | null
  subsidy: SubsidyView | null
}

export interface MySignup extends Omit<SignupResult, 'status'> {
  status: SignupResult['status'] | 'cancelled'
  course: CourseView | null
}

export interface TrainingRecordView {
  id: string
  courseId: string
  title: string
  providerName: string
  occupationCode: string
  occupationName: string
  level: string
  certificateType: string
  certificateNo: string | null
  completedAt: string
}

/** What each `training` action answers (the client's `callAction` types its answers from this map). */
export interface TrainingActionOutputs {
  'training.search': Page<CourseView>
  'training.get': CourseDetail
  'training.create': { id: string }
  'training.cancelCourse': { notified: number }
  'training.signup': SignupResult
  'training.cancel': { status: 'cancelled'; promoted: boolean }
  'training.mySignups': Page<MySignup>
  'training.myRecords': Page<TrainingRecordView>
  'training.markAttendance': { results: { signupId: string; ok: boolean; reason?: string }[] }
  'training.complete': { results: { signupId: string; ok: boolean; reason?: string }[] }
}
