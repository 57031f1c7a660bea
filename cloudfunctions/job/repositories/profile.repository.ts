/** What the job module reads about a resident: the bound person record (`persons`), read-only. */
import { db } from '../../_core/app'
import { revealPersonIdentifiers } from '../../_core/pii'
import type { Person } from '../../../shared/domain/person'

export type PersonFacts = Pick<
  Person,
  | '_id'
  | 'name'
  | 'phone'
  | 'education'
  | 'skills'
  | 'desiredOccupations'
  | 'residenceRegion'
  | 'keyGroups'
  | 'graduationYear'
> & {
  desiredJobTitles?: string[]
}

export async function findPerson(personId: string): Promise<PersonFacts | null> {
  const res = await db().collection('persons').doc(personId).get()
  return ((res.data as PersonFacts[] | undefined) ?? [])[0] ?? null
}

/** An applicant's name and full phone from their bound person record, for the audited reveal only. */
export async function findApplicantContact(openid: string): Promise<{ name: string | null; phone: string | null }> {
  const u = ((await db().collection('users').doc(openid).get()).data as { personId?: string | null }[])[0]
  if (!u?.personId) return { name: null, phone: null }
  const p = ((await db().collection('persons').doc(u.personId).get()).data as Record<string, unknown>[])[0]
  if (!p) return { name: null, phone: null }
  return { name: typeof p.name === 'string' ? p.name : null, phone: revealPersonIdentifiers(p).phone }
}

/** The region codes a department serves (`departments`), for a handler's reach over postings. */
export async function departmentRegions(departmentId: string): Promise<string[]> {
  const res = await db().collection('departments').doc(departmentId).get()
  const d = ((res.data as { regionCodes?: unknown }[] | undefined) ?? [])[0]
  return Array.isArray(d?.regionCodes) ? d.regionCodes.filter((c): c is string => typeof c === 'string') : []
}
