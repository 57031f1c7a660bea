/** Reads of `regions` (GB/T 2260 codes from the seed) for the policy module. */
import { db } from '../../_core/app'

/** Names of the given region codes; codes without a name are left out. */
export async function regionNames(codes: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>()
  if (!codes.length) return names
  const _ = db().command
  const res = await db()
    .collection('regions')
    .where({ _id: _.in(codes) })
    .limit(1000)
    .get()
  for (const r of (res.data as { _id: string; name?: string }[]) ?? []) if (r.name) names.set(r._id, r.name)
  return names
}
