/** Person records as the user function needs them: lookup by blind index, and the one-openid-per-person claim. */
import type { Person } from '../../../shared/domain/person'
import { db } from '../../_core/app'

export type PersonRecord = Person & { idHash?: string; boundOpenid?: string | null; boundAt?: string | null }

export async function findPersonById(personId: string): Promise<PersonRecord | null> {
  const res = await db().collection('persons').doc(personId).get()
  return ((res.data as PersonRecord[] | undefined) ?? [])[0] ?? null
}

/** Indexed equality on `idHash` (never a scan). */
export async function findPersonByIdHash(idHash: string): Promise<PersonRecord | null> {
  const res = await db().collection('persons').where({ idHash }).limit(1).get()
  return ((res.data as PersonRecord[] | undefined) ?? [])[0] ?? null
}

/**
 * Claims the person for this openid unless another openid holds it: a conditional single-document update,
 * so two openids racing for one person cannot both win. Returns the openid now holding the person.
 */
export async function claimPerson(personId: string, openid: string, at: string): Promise<string | null> {
  const res = await db()
    .collection('persons')
    .where({ _id: personId, boundOpenid: null })
    .update({ boundOpenid: openid, boundAt: at })
  if (res.updated) return openid
  const now = await findPersonById(personId)
  return now?.boundOpenid ?? null
}

export async function releasePerson(personId: string, openid: string): Promise<void> {
  await db()
    .collection('persons')
    .where({ _id: personId, boundOpenid: openid })
    .update({ boundOpenid: null, boundAt: null })
}
