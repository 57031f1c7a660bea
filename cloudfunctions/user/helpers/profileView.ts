/** What a user sees of themselves: roles, preferences and the bound person's summary, identifiers masked. */
import { maskIdNumber, maskName, maskPhone } from '../../../shared/mask'
import { EDUCATION_LABELS, EMPLOYMENT_STATUS_LABELS, KEY_GROUP_LABELS } from '../../../shared/domain/person'
import type { UserDoc } from '../../_core/users.repository'
import type { PersonRecord } from '../repositories/person.repository'
import { findPersonById } from '../repositories/person.repository'
import { gridName, regionName } from '../repositories/reference.repository'
import { certificatesOf } from '../../_core/trainingRecords.repository'
import type { PersonSummary, ProfileView } from '../../../shared/user/views'

export type { PersonSummary, ProfileView }

export function personSummary(
  p: PersonRecord,
  residenceRegionName: string | null,
  gridName: string | null = null,
): PersonSummary {
  return {
    personId: p._id,
    name: maskName(p.name),
    idNumber: maskIdNumber(p.idNumber),
    phone: maskPhone(p.phone),
    sex: p.sex,
    birthDate: p.birthDate,
    residenceRegion: p.residenceRegion,
    residenceRegionName,
    gridCode: p.gridCode,
    gridName,
    education: p.education,
    educationLabel: EDUCATION_LABELS[p.education] ?? p.education,
    graduationYear: p.graduationYear ?? null,
    employmentStatus: p.employmentStatus,
    employmentStatusLabel: EMPLOYMENT_STATUS_LABELS[p.employmentStatus] ?? p.employmentStatus,
    employmentStatusSince: p.employmentStatusSince ?? null,
    registeredUnemployed: !!p.registeredUnemployed,
    registeredUnemployedSince: p.registeredUnemployedSince ?? null,
    keyGroups: (p.keyGroups ?? []).map((code) => ({ code, label: KEY_GROUP_LABELS[code] ?? code })),
    socialInsuranceMonths: p.socialInsuranceMonths ?? 0,
  }
}

export async function loadPersonSummary(personId: string | null | undefined): Promise<PersonSummary | null> {
  if (!personId) return null
  const p = await findPersonById(personId)
  if (!p) return null
  const [region, grid] = await Promise.all([regionName(p.residenceRegion), gridName(p.gridCode)])
  return personSummary(p, region, grid)
}

export async function profileView(user: UserDoc): Promise<ProfileView> {
  const [person, trainingCertificates] = await Promise.all([loadPersonSummary(user.personId), certificatesOf(user._id)])
  return {
    openid: user._id,
    roles: user.roles,
    profile: (user.profile ?? {}) as ProfileView['profile'],
    bound: !!person,
    person,
    gridCodes: user.gridCodes ?? [],
    departmentId: user.departmentId ?? null,
    trainingCertificates,
    createdAt: user.createdAt,
  }
}
