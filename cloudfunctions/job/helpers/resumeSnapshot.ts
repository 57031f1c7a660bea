/** The résumé snapshot the job module reads: matching facts from the profile and the bound person record, masked. */
import { maskName, maskPhone } from '../../../shared/mask'
import { type ResumeSnapshot } from '../../../shared/job/types'
import { type Caller } from '../../_core/function'
import { findPerson, type PersonFacts } from '../repositories/profile.repository'

/** The resume from the caller's profile and bound person record (`known`: that record, when already read). */
export async function resumeSnapshot(caller: Caller, known?: PersonFacts | null): Promise<ResumeSnapshot> {
  const profile = (caller.user.profile ?? {}) as Record<string, unknown>
  const person = known !== undefined ? known : caller.user.personId ? await findPerson(caller.user.personId) : null
  const arr = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [])
  return {
    name: maskName(person?.name ?? (typeof profile.nickname === 'string' ? profile.nickname : '')),
    phone: maskPhone(person?.phone ?? ''),
    education: (profile.education as ResumeSnapshot['education']) ?? person?.education ?? null,
    skills: [...new Set([...arr(profile.skills), ...arr(person?.skills)])],
    desiredOccupations: [...new Set([...arr(profile.desiredOccupations), ...arr(person?.desiredOccupations)])],
    regionCode: (typeof profile.regionCode === 'string' ? profile.regionCode : null) ?? person?.residenceRegion ?? null,
    expectedSalaryMin: typeof profile.expectedSalaryMin === 'number' ? profile.expectedSalaryMin : null,
    keyGroups: arr(person?.keyGroups),
    desiredCities: arr(profile.desiredCities).filter((x) => /^\d{6}$/.test(x)),
  }
}
