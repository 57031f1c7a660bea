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

/** Names of GB/T 2260 codes (`regions`), for the résumé's desired cities. */
export async function regionNamesOf(codes: string[]): Promise<Map<string, string>> {
  if (!codes.length) return new Map()
  const _ = db().command
  const res = await db()
    .collection('regions')
    .where({ _id: _.in(codes) })
    .field({ _id: true, name: true, fullName: true })
    .limit(codes.length)
    .get()
  return new Map(
    ((res.data as { _id: string; name?: string; fullName?: string }[] | undefined) ?? []).map((d) => [
      d._id,
      d.fullName ?? d.name ?? d._id,
    ]),
  )
}
