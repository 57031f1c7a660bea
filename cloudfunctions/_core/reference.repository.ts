/**
 * The reference tables (`regions`: GB/T 2260 codes from the seed; `grids`) as several functions read them:
 * names of region codes (the job module's applicant résumé, the user module's 我的简历) and which codes do not
 * exist (the user module's profile and role checks). Read-only; one reader instead of a copy per function.
 */
import { db } from './app'

/** Names of region codes, the full name first (missing codes are left out). */
export async function regionNames(codes: string[]): Promise<Map<string, string>> {
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

/** The given codes that are not in the reference table. */
export async function missingCodes(table: 'regions' | 'grids', codes: string[]): Promise<string[]> {
  if (!codes.length) return []
  const _ = db().command
  const res = await db()
    .collection(table)
    .where({ _id: _.in(codes) })
    .field({ _id: true })
    .limit(codes.length)
    .get()
  const found = new Set(((res.data as { _id: string }[] | undefined) ?? []).map((d) => d._id))
  return codes.filter((c) => !found.has(c))
}
