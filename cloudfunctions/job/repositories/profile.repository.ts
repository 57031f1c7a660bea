/** What the job module reads about a resident: the bound person record (`persons`), read-only. */
import { db } from '../../_core/app'
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
