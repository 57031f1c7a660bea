/** What the job module reads about a resident: the bound person record (`persons`), read-only. */
import { db } from '../../_core/app'
import type { Person } from '../../../shared/domain/person'
import type { TrainingCertificate } from '../../../shared/user/views'

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

/** The applicant's completed trainings (`training_records`, read-only), newest first, for the résumé snapshot. */
export async function trainingCertificatesOf(openid: string): Promise<TrainingCertificate[]> {
  const res = await db()
    .collection('training_records')
    .where({ openid })
    .orderBy('completedAtMs', 'desc')
    .orderBy('_id', 'asc')
    .limit(50)
    .field({
      title: true,
      occupationCode: true,
      occupationName: true,
      level: true,
      certificateType: true,
      completedAt: true,
    })
    .get()
  return ((res.data as TrainingCertificate[] | undefined) ?? []).map((d) => ({
    title: d.title,
    occupationCode: d.occupationCode,
    occupationName: d.occupationName,
    level: d.level,
    certificateType: d.certificateType,
    completedAt: d.completedAt,
  }))
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
