/** How a course is shown to residents: public fields, seats left, labels. */
import { CERTIFICATE_TYPE_LABELS, TRAINING_LEVEL_LABELS, TRAINING_MODE_LABELS } from '../../../shared/training/labels'
import type { CourseDoc } from '../repositories/course.repository'

export interface CourseView {
  id: string
  title: string
  providerName: string
  occupationCode: string
  occupationName: string
  level: CourseDoc['level']
  levelLabel: string
  mode: CourseDoc['mode']
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
  certificateType: CourseDoc['certificateType']
  certificateLabel: string
  startAt: string
  endAt: string
  signupDeadline: string
  status: CourseDoc['status']
  distanceKm?: number
}

export function courseView(c: CourseDoc): CourseView {
  return {
    id: c._id,
    title: c.title,
    providerName: c.providerName,
    occupationCode: c.occupationCode,
    occupationName: c.occupationName,
    level: c.level,
    levelLabel: TRAINING_LEVEL_LABELS[c.level],
    mode: c.mode,
    modeLabel: TRAINING_MODE_LABELS[c.mode],
    regionCode: c.regionCode,
    cityCode: c.cityCode,
    address: c.address,
    lat: c.lat,
    lng: c.lng,
    capacity: c.capacity,
    seatsLeft: Math.max(0, c.capacity - c.confirmedCount),
    waitlistCount: c.waitlistCount,
    fee: c.fee,
    hasSubsidy: c.subsidyPolicyId !== null,
    subsidyAmount: c.subsidyAmount,
    certificateType: c.certificateType,
    certificateLabel: CERTIFICATE_TYPE_LABELS[c.certificateType],
    startAt: c.startAt,
    endAt: c.endAt,
    signupDeadline: c.signupDeadline,
    status: c.status,
  }
}
