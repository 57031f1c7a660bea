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
  /** Rate-limit counters of the caller's own calls, by action (see rateLimit.ts identifyAndCount). */
  rateLimits?: Record<string, { w: number; n: number }>
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
  return (await findOrCreateUser(openid, now)).user
}

/**
 * The same, telling whether this call created the user; `initial` goes into a user created now (the wrapper puts
 * the first rate-limit counter there, so a first-ever call needs no further write). `insertFirst`: try the insert
 * before the read (when the caller already knows the user is probably new).
 */
export async function findOrCreateUser(
  openid: string,
  now: Date,
  initial: Partial<UserDoc> = {},
  insertFirst = false,
): Promise<{ user: UserDoc; created: boolean }> {
  if (!insertFirst) {
    const found = await findUser(openid)
    if (found) return { user: normalizeUser(found), created: false }
  }
  const at = toIsoCst(now)
  const doc: UserDoc = { ...initial, _id: openid, roles: ['resident'], personId: null, createdAt: at, updatedAt: at }
  if (await insertOnce('users', doc)) return { user: doc, created: true }
  const again = await findUser(openid)
  if (!again) throw new Error(`user ${openid} reported as already there but not found`)
  return { user: normalizeUser(again), created: false }
}

/** Every user is a resident whatever the stored roles say. */
export function normalizeUser(u: UserDoc): UserDoc {
  const roles = Array.isArray(u.roles) ? u.roles : []
  return { ...u, roles: roles.includes('resident') ? roles : ['resident', ...roles] }
}

export async function updateUser(openid: string, patch: Partial<Omit<UserDoc, '_id'>>): Promise<void> {
  await db().collection('users').doc(openid).update(patch)
}
