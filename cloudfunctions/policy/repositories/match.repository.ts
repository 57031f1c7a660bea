/** `policy_matches`: one document per person + policy + version (_id `<policyId>@<version>:<personId>`). */
import { db } from '../../_core/app'
import { insertOnce, isDuplicateWrite } from '../../_core/insertOnce'

export interface MatchDoc {
  _id: string
  personId: string
  policyId: string
  version: number
  title: string
  status: 'eligible' | 'lapsed'
  /** How the person was told: 'push' (subscription message, visit task as fallback), 'visit', or 'none' (told before / baseline). */
  channel: 'push' | 'visit' | 'none'
  openid: string | null
  cityCode: string | null
  gridCode: string | null
  runId: string
  matchedAt: string
  matchedAtMs: number
  lapsedAt?: string | null
  /** Set by the application module when an application for this policy was approved (已申领). */
  claimed?: boolean
}

export const matchId = (policyId: string, version: number, personId: string) => `${policyId}@${version}:${personId}`

/** Every match of these persons for these policies (any version, any status). Small `in` lists per query. */
export async function matchesOf(personIds: string[], policyIds: string[]): Promise<MatchDoc[]> {
  if (!personIds.length || !policyIds.length) return []
  const _ = db().command
  const wanted = new Set(policyIds)
  const out: MatchDoc[] = []
  for (let i = 0; i < personIds.length; i += 100) {
    const chunk = personIds.slice(i, i + 100)
    let after = ''
    for (;;) {
      const where: Record<string, unknown> = { personId: _.in(chunk), _id: _.gt(after) }
      if (policyIds.length <= 30) where.policyId = _.in(policyIds)
      const res = await db().collection('policy_matches').where(where).orderBy('_id', 'asc').limit(1000).get()
      const docs = (res.data as MatchDoc[]) ?? []
      for (const d of docs) if (wanted.has(d.policyId)) out.push(d)
      if (docs.length < 1000) break
      after = docs[docs.length - 1]._id
    }
  }
  return out
}

/** Insert matches; ones already there (a page redone after a crash) are left as they are. */
export async function insertMatches(docs: MatchDoc[]): Promise<number> {
  if (!docs.length) return 0
  try {
    await db().collection('policy_matches').add(docs)
    return docs.length
  } catch (e) {
    if (!isDuplicateWrite(e)) throw e
  }
  let n = 0
  for (const d of docs) if (await insertOnce('policy_matches', d)) n++
  return n
}

export async function markLapsed(ids: string[], at: string): Promise<void> {
  if (!ids.length) return
  const _ = db().command
  for (let i = 0; i < ids.length; i += 100) {
    await db()
      .collection('policy_matches')
      .where({ _id: _.in(ids.slice(i, i + 100)), status: 'eligible' })
      .update({ status: 'lapsed', lapsedAt: at })
  }
}

/** A person's eligible matches, newest first (keyset paging); `excludeClaimed`: only those not claimed yet. */
export async function matchesOfPerson(
  personId: string,
  after: { ms: number; id: string } | null,
  limit: number,
  opts: { excludeClaimed?: boolean } = {},
): Promise<MatchDoc[]> {
  const _ = db().command
  const base = opts.excludeClaimed
    ? { personId, status: 'eligible', claimed: _.neq(true) }
    : { personId, status: 'eligible' }
  const where = after
    ? _.and([base, _.or([{ matchedAtMs: _.lt(after.ms) }, { matchedAtMs: after.ms, _id: _.gt(after.id) }])])
    : base
  const res = await db()
    .collection('policy_matches')
    .where(where)
    .orderBy('matchedAtMs', 'desc')
    .orderBy('_id', 'asc')
    .limit(limit)
    .get()
  return (res.data as MatchDoc[]) ?? []
}

/** How many of a person's eligible matches are claimed (已申领). */
export async function countClaimedOfPerson(personId: string): Promise<number> {
  const res = await db().collection('policy_matches').where({ personId, status: 'eligible', claimed: true }).count()
  return Number(res.total)
}
