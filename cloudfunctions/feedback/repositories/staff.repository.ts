/** Staff lookups in `users` (read-only here): administrators and a department's handlers, for 督办. */
import { revealPersonIdentifiers } from '../../_core/pii'
import { db } from '../../_core/app'

export async function listAdminOpenids(): Promise<string[]> {
  const res = await db().collection('users').where({ roles: 'admin' }).field({ _id: true }).limit(100).get()
  return (res.data as { _id: string }[]).map((u) => u._id)
}

/** Handlers of a department (the recipients when the department names no head). */
export async function listDepartmentHandlerOpenids(departmentId: string): Promise<string[]> {
  const res = await db()
    .collection('users')
    .where({ roles: 'handler', departmentId })
    .field({ _id: true })
    .limit(100)
    .get()
  return (res.data as { _id: string }[]).map((u) => u._id)
}

/** A submitter's name and phone from their bound person record, for the audited reveal only. */
export async function findSubmitterContact(openid: string): Promise<{ name: string | null; phone: string | null }> {
  const u = ((await db().collection('users').doc(openid).get()).data as { personId?: string | null }[])[0]
  if (!u?.personId) return { name: null, phone: null }
  const p = ((await db().collection('persons').doc(u.personId).get()).data as Record<string, unknown>[])[0]
  if (!p) return { name: null, phone: null }
  return { name: typeof p.name === 'string' ? p.name : null, phone: revealPersonIdentifiers(p).phone }
}

/** A submitter's display name for staff (masked by the caller), from their bound person record. */
export async function findSubmitterName(openid: string): Promise<string | null> {
  return (await findSubmitterContact(openid)).name
}

/** The residence district of a resident's bound person record (routing when the item names no region). */
export async function findPersonRegion(personId: string): Promise<string | null> {
  const p = ((await db().collection('persons').doc(personId).get()).data as { residenceRegion?: string }[])[0]
  return typeof p?.residenceRegion === 'string' && /^\d{6}$/.test(p.residenceRegion) ? p.residenceRegion : null
}
