/**
 * The register (`persons`) as the application module reads and changes it: a person's facts for prefill and
 * eligibility, and the facts an approved registration writes (the policy batch then re-evaluates them).
 */
import { FACT_NAMES } from '../../../shared/rules/facts'
import { db } from '../../_core/app'

export interface RegisterPerson {
  _id: string
  name?: string
  idNumber?: string
  residenceRegion?: string
  streetCode?: string
  gridCode?: string
  cityCode?: string
  boundOpenid?: string | null
  keyGroups?: string[]
  [fact: string]: unknown
}

const FIELDS: Record<string, true> = {
  _id: true,
  name: true,
  idNumber: true,
  residenceRegion: true,
  streetCode: true,
  gridCode: true,
  cityCode: true,
  boundOpenid: true,
  factsChangedAtMs: true,
}
for (const f of FACT_NAMES) FIELDS[f] = true

export async function findRegisterPerson(personId: string): Promise<RegisterPerson | null> {
  const res = await db().collection('persons').doc(personId).field(FIELDS).get()
  return ((res.data as RegisterPerson[] | undefined) ?? [])[0] ?? null
}

/** Write facts and mark the record changed (the policy batch's sweep picks it up too). */
export async function updateRegisterFacts(
  personId: string,
  facts: Record<string, unknown>,
  nowMs: number,
  at: string,
): Promise<void> {
  await db()
    .collection('persons')
    .doc(personId)
    .update({ ...facts, factsChangedAtMs: nowMs, updatedAt: at })
}
