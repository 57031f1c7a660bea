/** The regions of a staff member's department (`users.departmentId` → `departments.regionCodes`), read-only. */
import { db } from '../../_core/app'

export async function departmentRegions(departmentId: string): Promise<string[]> {
  const res = await db().collection('departments').doc(departmentId).field({ regionCodes: true }).get()
  const doc = ((res.data as { regionCodes?: unknown }[] | undefined) ?? [])[0]
  return Array.isArray(doc?.regionCodes) ? doc.regionCodes.filter((c): c is string => typeof c === 'string') : []
}
