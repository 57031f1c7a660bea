/** The `users` collection: one document per openid (_id = openid), roles and bindings. */
import type { Role } from '../../shared/actions/define'
import { db } from './app'
import { toIsoCst } from './clock'

export interface UserDoc {
  _id: string
  roles: Role[]
  /** The person record this resident is bound to (bindResident). */
  personId?: string | null
  /** Grid codes a grid worker serves. */
  gridCodes?: string[]
  /** The department a handler belongs to. */
  departmentId?: string | null
  blocked?: boolean
  profile?: Record<string, unknown>
  createdAt: string
  updatedAt: string
}

const isDuplicate = (e: unknown) => (e as { code?: string })?.code === 'DATABASE_DUPLICATE_WRITE'

export async function findUser(openid: string): Promise<UserDoc | null> {
  const res = await db().collection('users').doc(openid).get()
  const doc = (res.data as UserDoc[] | undefined)?.[0]
  return doc ?? null
}

/** The first call of any action creates the user (a resident). Safe under concurrent first calls. */
export async function getOrCreateUser(openid: string, now: Date): Promise<UserDoc> {
  const found = await findUser(openid)
  if (found) return normalize(found)
  const at = toIsoCst(now)
  const doc: UserDoc = { _id: openid, roles: ['resident'], personId: null, createdAt: at, updatedAt: at }
  try {
    await db().collection('users').add(doc)
    return doc
  } catch (e) {
    if (!isDuplicate(e)) throw e
    const again = await findUser(openid)
    if (!again) throw e
    return normalize(again)
  }
}

function normalize(u: UserDoc): UserDoc {
  const roles = Array.isArray(u.roles) ? u.roles : []
  return { ...u, roles: roles.includes('resident') ? roles : ['resident', ...roles] }
}

export async function updateUser(openid: string, patch: Partial<Omit<UserDoc, '_id'>>): Promise<void> {
  await db().collection('users').doc(openid).update(patch)
}
