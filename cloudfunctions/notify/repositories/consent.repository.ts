/**
 * Our side of subscription-message consent.
 * - `consent_grants`: one document per one-time grant (state available → spent | void). Spending marks the
 *   grant with the outbox key it was spent for, so a recovered message finds its grant again instead of
 *   spending a second one, and a refund (WeChat did not take the message) puts it back.
 * - `consents`: one document per openid + template: long-term subscription on/off and the latest choices.
 */
import { db } from '../../_core/app'

const grants = () => db().collection('consent_grants')
const consents = () => db().collection('consents')
const rows = <T>(res: { data: unknown }): T[] => (res.data as T[] | undefined) ?? []

export interface GrantDoc {
  _id: string
  openid: string
  templateId: string
  state: 'available' | 'spent' | 'void'
  spentFor: string | null
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

export async function countAvailable(openid: string, templateId: string): Promise<number> {
  const res = await grants().where({ openid, templateId, state: 'available' }).count()
  return Number((res as { total?: number }).total ?? 0)
}

/** The grant already spent for this outbox key, if any. */
export async function findSpentFor(key: string): Promise<GrantDoc | null> {
  return rows<GrantDoc>(await grants().where({ spentFor: key, state: 'spent' }).limit(1).get())[0] ?? null
}

/** Spends one available grant for `key`. False when none is left. Safe under concurrent spenders. */
export async function spendOne(openid: string, templateId: string, key: string, nowMs: number): Promise<boolean> {
  for (let i = 0; i < 8; i++) {
    const candidates = rows<GrantDoc>(await grants().where({ openid, templateId, state: 'available' }).field({ _id: true }).limit(5).get())
    if (!candidates.length) return false
    const pick = candidates[Math.floor(Math.random() * candidates.length)]
    const res = await grants().where({ _id: pick._id, state: 'available' }).update({ state: 'spent', spentFor: key, spentAtMs: nowMs })
    if (Number((res as { updated?: number }).updated ?? 0) > 0) return true
  }
  return false
}

/** WeChat did not take the message: the grant spent for `key` is available again. */
export async function refund(key: string): Promise<void> {
  await grants().where({ spentFor: key, state: 'spent' }).update({ state: 'available', spentFor: null, spentAtMs: null })
}

/** WeChat says no consent is left (43101): our remaining grants for this template are void. */
export async function voidAll(openid: string, templateId: string, key: string, nowMs: number): Promise<void> {
  await grants().where({ openid, templateId, state: 'available' }).update({ state: 'void', spentAtMs: nowMs })
  await grants().where({ spentFor: key, state: 'spent' }).update({ state: 'void' })
}

export async function findConsents(openid: string): Promise<ConsentDoc[]> {
  return rows(await consents().where({ openid }).limit(100).get())
}

export async function findConsent(openid: string, templateId: string): Promise<ConsentDoc | null> {
  return rows<ConsentDoc>(await consents().doc(consentIdOf(openid, templateId)).get())[0] ?? null
}

export async function saveConsent(doc: ConsentDoc): Promise<void> {
  const { _id, ...rest } = doc
  await consents().doc(_id).set(rest)
}

