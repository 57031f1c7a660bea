/** `policies` (the current version of each policy) and `policy_versions` (every published version). */
import { db } from '../../_core/app'
import { insertOnce } from '../../_core/insertOnce'
import type { PolicyRecord } from '../../../shared/policies/types'

export interface PolicyDoc extends PolicyRecord {
  _id: string
  publishedAt: string
  publishedAtMs: number
  publishedBy: string | null
}

export async function findPolicy(id: string): Promise<PolicyDoc | null> {
  const res = await db().collection('policies').doc(id).get()
  return ((res.data as PolicyDoc[] | undefined) ?? [])[0] ?? null
}

/** Every current policy (the library is small: tens to a few hundred documents). */
export async function allPolicies(): Promise<PolicyDoc[]> {
  const out: PolicyDoc[] = []
  let after = ''
  for (;;) {
    const _ = db().command
    const res = await db()
      .collection('policies')
      .where({ _id: _.gt(after) })
      .orderBy('_id', 'asc')
      .limit(1000)
      .get()
    const docs = (res.data as PolicyDoc[]) ?? []
    out.push(...docs)
    if (docs.length < 1000) return out
    after = docs[docs.length - 1]._id
  }
}

/**
 * Publish a new version: the version document first (unique `<id>@<version>`: two concurrent publishes of
 * the same version cannot both win), then the current document. Returns null when the version was taken.
 */
export async function savePolicyVersion(doc: PolicyDoc): Promise<'ok' | 'conflict'> {
  if (!(await insertOnce('policy_versions', { ...doc, _id: `${doc.id}@${doc.version}`, policyId: doc.id })))
    return 'conflict'
  const { _id, ...rest } = doc
  await db().collection('policies').doc(_id).set(rest)
  return 'ok'
}
