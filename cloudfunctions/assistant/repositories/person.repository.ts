/** The caller's bound person record, facts only (for "you may qualify: why"). */
import { db } from '../../_core/app'
import { FACT_NAMES } from '../../../shared/rules/facts'

const FIELDS: Record<string, true> = {}
for (const f of FACT_NAMES) FIELDS[f] = true

export async function findPersonFacts(id: string): Promise<Record<string, unknown> | null> {
  const res = await db().collection('persons').doc(id).field(FIELDS).get()
  return ((res.data as Record<string, unknown>[] | undefined) ?? [])[0] ?? null
}
