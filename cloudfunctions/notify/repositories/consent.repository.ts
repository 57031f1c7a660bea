/**
 * Our side of subscription-message consent.
 * - `consent_grants`: one document per one-time grant (state available → spent | void).
 * - `consent_spends`: _id = the outbox key a grant was spent for (so a message spends at most one grant, a
 *   recovered message finds its grant again instead of spending a second one, and a refund puts it back).
 * - `consents`: one document per openid + template: long-term subscription on/off and the latest choices.
 */
import { db } from '../../_core/app'

const grants = () => db().collection('consent_grants')
const consents = () => db().collection('consents')
const spends = () => db().collection('consent_spends')
const rows = <T>(res: { data: unknown }): T[] => (res.data as T[] | undefined) ?? []

export interface GrantDoc {
  _id: string
  openid: string
  templateId: string
  state: 'available' | 'spent' | 'void'
  /** The dispatcher group that spent it. */
  spentBy?: string | null
  grantedAtMs: number
  spentAtMs: number | null
}

export interface ConsentDoc {
  _id: string
  openid: string
  templateId: string
  longTerm: boolean
  acceptedCount: number
  rejectedCount: number
  lastAcceptedAt: string | null
  lastRejectedAt: string | null
  updatedAtMs: number
}

export const consentIdOf = (openid: string, templateId: string) => `${openid}|${templateId}`

export async function addGrants(docs: GrantDoc[]): Promise<void> {
  if (docs.length) await grants().add(docs)
}

/** Available one-time grants of `openid`, per template id (one indexed query). */
export async function countAvailableByTemplate(openid: string): Promise<Map<string, number>> {
  const out = new Map<string, number>()
  for (let skip = 0; ; skip += 1000) {
    const list = rows<{ templateId: string }>(
      await grants().where({ openid, state: 'available' }).field({ templateId: true }).skip(skip).limit(1000).get(),
    )
    for (const g of list) out.set(g.templateId, (out.get(g.templateId) ?? 0) + 1)
    if (list.length < 1000) return out
  }
}

export interface SpendDoc {
  /** The outbox key the grant was spent for (unique: a message spends at most one grant). */
  _id: string
  grantId: string
  openid: string
  templateId: string
  token: string
  atMs: number
}

export interface ReserveItem {
  key: string
  openid: string
  templateId: string
  /** A recovered message: look for the grant it already has before spending another. */
  mayHaveGrant: boolean
}

/**
 * Spends one available grant for each item, in a few round trips for the whole group:
 * the spend records (key → grant, unique per key) are written first, then the grants are marked spent
 * under `token`. Returns the grant of each key that has one; `contended` are keys whose grant another
 * dispatcher took at the same moment (try them again later); keys in neither have no consent left.
 */
export async function reserveGrants(
  items: ReserveItem[],
  token: string,
  nowMs: number,
): Promise<{ granted: Map<string, string>; contended: Set<string> }> {
  const granted = new Map<string, string>()
  const contended = new Set<string>()
  if (!items.length) return { granted, contended }
  const cmd = db().command
  const recovered = items.filter((i) => i.mayHaveGrant).map((i) => i.key)
  if (recovered.length) {
    const found = rows<SpendDoc>(
      await spends()
        .where({ _id: cmd.in(recovered) })
        .limit(1000)
        .get(),
    )
    for (const s of found) granted.set(s._id, s.grantId)
    if (found.length) {
      await grants()
        .where({ _id: cmd.in(found.map((s) => s.grantId)), state: 'available' })
        .update({ state: 'spent', spentBy: token, spentAtMs: nowMs })
    }
  }
  const need = items.filter((i) => !granted.has(i.key))
  if (!need.length) return { granted, contended }
  const openids = [...new Set(need.map((i) => i.openid))]
  const pool = new Map<string, string[]>()
  for (let i = 0; i < openids.length; i += 200) {
    const avail = rows<GrantDoc>(
      await grants()
        .where({ openid: cmd.in(openids.slice(i, i + 200)), state: 'available' })
        .field({ _id: true, openid: true, templateId: true })
        .limit(1000)
        .get(),
    )
    for (const g of avail) {
      const k = `${g.openid}|${g.templateId}`
      pool.set(k, [...(pool.get(k) ?? []), g._id])
    }
  }
  let assigned: SpendDoc[] = []
  for (const i of need) {
    const grantId = pool.get(`${i.openid}|${i.templateId}`)?.shift()
    if (grantId) assigned.push({ _id: i.key, grantId, openid: i.openid, templateId: i.templateId, token, atMs: nowMs })
  }
  if (!assigned.length) return { granted, contended }
  await spends().add(assigned)
  const ids = assigned.map((a) => a.grantId)
  const res = await grants()
    .where({ _id: cmd.in(ids), state: 'available' })
    .update({ state: 'spent', spentBy: token, spentAtMs: nowMs })
  if (Number((res as { updated?: number }).updated ?? 0) < assigned.length) {
    const mine = new Set(
      rows<{ _id: string }>(
        await grants()
          .where({ _id: cmd.in(ids), spentBy: token })
          .field({ _id: true })
          .limit(1000)
          .get(),
      ).map((g) => g._id),
    )
    const lost = assigned.filter((a) => !mine.has(a.grantId))
    if (lost.length)
      await spends()
        .where({ _id: cmd.in(lost.map((a) => a._id)) })
        .remove()
    for (const a of lost) contended.add(a._id)
    assigned = assigned.filter((a) => mine.has(a.grantId))
  }
  for (const a of assigned) granted.set(a._id, a.grantId)
  return { granted, contended }
}

/** WeChat did not take the message: the grant spent for `key` is available again. */
export async function refund(key: string): Promise<void> {
  const s = rows<SpendDoc>(await spends().doc(key).get())[0]
  if (!s) return
  await grants()
    .where({ _id: s.grantId, state: 'spent' })
    .update({ state: 'available', spentBy: null, spentAtMs: null })
  await spends().doc(key).remove()
}

/** WeChat says no consent is left (43101): our remaining grants for this template, and the one spent, are void. */
export async function voidAll(openid: string, templateId: string, key: string, nowMs: number): Promise<void> {
  await grants().where({ openid, templateId, state: 'available' }).update({ state: 'void', spentAtMs: nowMs })
  const s = rows<SpendDoc>(await spends().doc(key).get())[0]
  if (s) await grants().where({ _id: s.grantId }).update({ state: 'void' })
}

export async function findConsents(openid: string): Promise<ConsentDoc[]> {
  return rows(await consents().where({ openid }).limit(100).get())
}

/** The openids (of `openids`) with the long-term subscription of `templateId` switched on. */
export async function longTermOn(openids: string[], templateId: string): Promise<Set<string>> {
  if (!openids.length) return new Set()
  const ids = [...new Set(openids)].map((o) => consentIdOf(o, templateId))
  const res = await consents()
    .where({ _id: db().command.in(ids), longTerm: true })
    .field({ openid: true })
    .limit(1000)
    .get()
  return new Set(rows<{ openid: string }>(res).map((d) => d.openid))
}

export async function saveConsent(doc: ConsentDoc): Promise<void> {
  const { _id, ...rest } = doc
  await consents().doc(_id).set(rest)
}
