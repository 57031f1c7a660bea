/** Departments and their staff (read-only here): who reviews a region, who is told when a case is overdue. */
import { db } from '../../_core/app'

export interface DepartmentDoc {
  _id: string
  name: string
  regionCodes: string[]
  parent?: string | null
  headOpenid?: string | null
}

/** The department serving a district (the first by id when several do). */
export async function departmentOfRegion(regionCode: string): Promise<DepartmentDoc | null> {
  const res = await db()
    .collection('departments')
    .where({ regionCodes: regionCode })
    .orderBy('_id', 'asc')
    .limit(1)
    .get()
  return ((res.data as DepartmentDoc[] | undefined) ?? [])[0] ?? null
}

export async function findDepartment(id: string): Promise<DepartmentDoc | null> {
  const res = await db().collection('departments').doc(id).get()
  return ((res.data as DepartmentDoc[] | undefined) ?? [])[0] ?? null
}

export async function departmentHandlers(departmentId: string): Promise<string[]> {
  const res = await db()
    .collection('users')
    .where({ roles: 'handler', departmentId })
    .orderBy('_id', 'asc')
    .limit(100)
    .get()
  return ((res.data as { _id: string }[]) ?? []).map((u) => u._id)
}

export async function findUserDepartment(
  openid: string,
): Promise<{ departmentId: string | null; roles: string[] } | null> {
  const res = await db().collection('users').doc(openid).get()
  const u = ((res.data as { departmentId?: string | null; roles?: string[] }[] | undefined) ?? [])[0]
  return u ? { departmentId: u.departmentId ?? null, roles: u.roles ?? [] } : null
}

/** The administrators (escalation copies them, as feedback's does). */
export async function adminOpenids(): Promise<string[]> {
  const res = await db().collection('users').where({ roles: 'admin' }).orderBy('_id', 'asc').limit(100).get()
  return ((res.data as { _id: string }[]) ?? []).map((u) => u._id)
}
