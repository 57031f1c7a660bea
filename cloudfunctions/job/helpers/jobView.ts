/** What clients see of a posting: contact masked, tokens dropped, salary as text. */
import { maskName, maskPhone } from '../../../shared/mask'
import { salaryText } from '../../../shared/job/salary'
import { JOB_TYPE_LABELS, type JobDoc } from '../../../shared/job/types'
import { EDUCATION_LABELS } from '../../../shared/domain/person'
import type { JobDetail, JobListItem } from '../../../shared/job/views'
import { toIsoCst } from '../../../shared/calendar/chinaTime'

export type { JobDetail, JobListItem }

export function toListItem(d: JobDoc, nowMs: number): JobListItem {
  return {
    id: d._id,
    title: d.title,
    employerName: d.employerName,
    occupationCode: d.occupationCode,
    occupationName: d.occupationName,
    cityCode: d.cityCode,
    cityName: d.cityName,
    districtCode: d.districtCode,
    districtName: d.districtName,
    address: d.address,
    lat: d.lat,
    lng: d.lng,
    salaryText: salaryText(d.salaryMin, d.salaryMax, d.salaryUnit),
    salaryMin: d.salaryMin,
    salaryMax: d.salaryMax,
    salaryUnit: d.salaryUnit,
    salaryMonthlyMin: d.salaryMonthlyMin,
    salaryMonthlyMax: d.salaryMonthlyMax,
    jobType: d.jobType,
    jobTypeLabel: JOB_TYPE_LABELS[d.jobType],
    education: d.education,
    educationLabel: d.education === 'none' ? '学历不限' : `${EDUCATION_LABELS[d.education]}及以上`,
    skills: d.skills ?? [],
    headcount: d.headcount,
    contact: { name: maskName(d.contactName), phone: maskPhone(d.contactPhone) },
    postedAt: d.postedAt,
    expiresAt: d.expiresAt,
    active: isActive(d, nowMs),
  }
}

export const isActive = (d: Pick<JobDoc, 'status' | 'expiresAtMs'>, nowMs: number): boolean =>
  d.status === 'open' && d.expiresAtMs > nowMs

export function toDetail(d: JobDoc, nowMs: number): JobDetail {
  const item = toListItem(d, nowMs)
  const age =
    d.ageMin && d.ageMax
      ? `${d.ageMin}-${d.ageMax}岁`
      : d.ageMin
        ? `${d.ageMin}岁以上`
        : d.ageMax
          ? `${d.ageMax}岁以下`
          : '年龄不限'
  return {
    ...item,
    description: d.description ?? '',
    ageText: age,
    servicePhone: '12333',
    shareTitle: `${d.title}｜${item.salaryText}｜${d.cityName}${d.districtName}`,
    updatedAt: d.updatedAt ?? toIsoCst(d.postedAtMs),
  }
}
