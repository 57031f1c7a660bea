/**
 * The training function's reads of the policy module's collections, for the subsidy line of a course: one
 * current policy (`policies`) and one person's facts (`persons`). Read-only; the policy function owns the writes.
 * Kept here, not imported from cloudfunctions/policy/repositories, because a function never imports another
 * function's repositories (eslint.config.js).
 */
import { db } from '../../_core/app'
import { FACT_NAMES } from '../../../shared/rules/facts'
import type { PolicyRecord } from '../../../shared/policies/types'

const FIELDS: Record<string, true> = Object.fromEntries(
  ['_id', 'boundOpenid', 'cityCode', ...FACT_NAMES].map((f) => [f, true]),
)

export async function findPolicyForSubsidy(id: string): Promise<PolicyRecord | null> {
  const res = await db().collection('policies').doc(id).get()
  return ((res.data as PolicyRecord[] | undefined) ?? [])[0] ?? null
}

export async function findPersonFactsForSubsidy(id: string): Promise<Record<string, unknown> | null> {
  const res = await db().collection('persons').doc(id).field(FIELDS).get()
  return ((res.data as Record<string, unknown>[] | undefined) ?? [])[0] ?? null
}
