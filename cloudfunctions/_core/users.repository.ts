/** The `users` collection: one document per openid (_id = openid), roles and bindings. */
import type { Role } from '../../shared/actions/define'
import { db } from './app'
import { insertOnce } from './insertOnce'
import { toIsoCst } from '../../shared/calendar/chinaTime'

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
  if (await insertOnce('users', doc)) return doc
  const again = await findUser(openid)
  if (!again) throw new Error(`user ${openid} reported as already there but not found`)
  return normalize(again)
}

function normalize(u: UserDoc): UserDoc {
  const roles = Array.isArray(u.roles) ? u.roles : []
  return { ...u, roles: roles.includes('resident') ? roles : ['resident', ...roles] }
}

export async function updateUser(openid: string, patch: Partial<Omit<UserDoc, '_id'>>): Promise<void> {
  await db().collection('users').doc(openid).update(patch)
}
