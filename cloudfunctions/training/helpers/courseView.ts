/** How a course is shown to residents: public fields, seats left, labels. */
import { CERTIFICATE_TYPE_LABELS, TRAINING_LEVEL_LABELS, TRAINING_MODE_LABELS } from '../../../shared/training/labels'
import type { CourseView } from '../../../shared/training/views'
import type { CourseDoc } from '../repositories/course.repository'

export type { CourseView }

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
