/** Reads of `persons` for the policy module (facts, binding, place). Pages go by `_id` ranges, never skips. */
import { db } from '../../_core/app'
import { FACT_NAMES } from '../../../shared/rules/facts'

export interface PersonFactsDoc {
  _id: string
  boundOpenid?: string | null
  cityCode?: string
  gridCode?: string
  factsChangedAtMs?: number | null
  [fact: string]: unknown
}

const FIELDS: Record<string, true> = {
  _id: true,
  boundOpenid: true,
  cityCode: true,
  gridCode: true,
  factsChangedAtMs: true,
}
for (const f of FACT_NAMES) FIELDS[f] = true

export async function findPersonFacts(id: string): Promise<PersonFactsDoc | null> {
  const res = await db().collection('persons').doc(id).field(FIELDS).get()
  return ((res.data as PersonFactsDoc[] | undefined) ?? [])[0] ?? null
}

/** Persons with `_id` in [lo, hi) after `after` (exclusive), ordered by `_id`. */
export async function pagePersons(
  range: { lo: string; hi: string | null },
  after: string | null,
  limit: number,
): Promise<PersonFactsDoc[]> {
  const _ = db().command
  const from = after === null ? _.gte(range.lo) : _.gt(after)
  const idCond = range.hi === null ? from : from.and(_.lt(range.hi))
  const res = await db()
    .collection('persons')
    .where({ _id: idCond })
    .orderBy('_id', 'asc')
    .limit(limit)
    .field(FIELDS)
    .get()
  return (res.data as PersonFactsDoc[]) ?? []
}

/** Persons whose facts changed after the cursor (factsChangedAtMs, then _id), oldest change first. */
export async function changedPersons(cursor: { ms: number; id: string }, limit: number): Promise<PersonFactsDoc[]> {
  const _ = db().command
  const res = await db()
    .collection('persons')
    .where(_.or([{ factsChangedAtMs: _.gt(cursor.ms) }, { factsChangedAtMs: cursor.ms, _id: _.gt(cursor.id) }]))
    .orderBy('factsChangedAtMs', 'asc')
    .orderBy('_id', 'asc')
    .limit(limit)
    .field(FIELDS)
    .get()
  return (res.data as PersonFactsDoc[]) ?? []
}

/** A random sample of person ids (for shard boundaries). */
export async function sampleIds(size: number): Promise<string[]> {
  try {
    const res = await db().collection('persons').aggregate().sample({ size }).project({ _id: 1 }).end()
    return ((res as { data?: { _id: string }[] }).data ?? []).map((d) => d._id)
  } catch {
    return []
  }
}
