/**
 * `departments` (seeded by the base seed): regionCodes and categories route feedback. 督办 goes to the department's
 * head (`headOpenid`, when set; else its handlers), the handlers of its `parent` department, and the admins.
 */
import { db } from '../../_core/app'

export interface DepartmentDoc {
  _id: string
  name: string
  regionCodes: string[]
  categories?: string[]
  headOpenid?: string | null
  parent?: string | null
}

const col = () => db().collection('departments')

export async function findDepartment(id: string): Promise<DepartmentDoc | null> {
  const res = await col().doc(id).get()
  return ((res.data as DepartmentDoc[] | undefined) ?? [])[0] ?? null
}

/** Departments serving any of these region codes. */
export async function listDepartmentsForRegions(regionCodes: string[]): Promise<DepartmentDoc[]> {
  const _ = db().command
  const res = await col()
    .where({ regionCodes: _.in(regionCodes) })
    .limit(100)
    .get()
  return res.data as DepartmentDoc[]
}

export async function listDepartmentsByIds(ids: string[]): Promise<DepartmentDoc[]> {
  if (ids.length === 0) return []
  const _ = db().command
  const res = await col()
    .where({ _id: _.in(ids) })
    .limit(1000)
    .get()
  return res.data as DepartmentDoc[]
}
