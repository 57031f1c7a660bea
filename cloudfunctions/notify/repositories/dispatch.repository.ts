/**
 * The dispatcher's own records: `dispatch_attempts` (every send attempt, for the admin and audits) and
 * `notify_state` (one document 'dispatcher': the daily-quota pause), and the recipient lookup.
 */
import { db } from '../../_core/app'

const rows = <T>(res: { data: unknown }): T[] => (res.data as T[] | undefined) ?? []

export interface AttemptDoc {
  _id: string
  key: string
  attempt: number
  dispatcher: string
  outcome: 'sent' | 'retry' | 'dead' | 'noConsent' | 'quota' | 'uncertain' | 'lostClaim'
  errcode: number | null
  message: string | null
  durationMs: number
  at: string
  atMs: number
}

export async function recordAttempts(docs: AttemptDoc[]): Promise<void> {
  for (let i = 0; i < docs.length; i += 500)
    await db()
      .collection('dispatch_attempts')
      .add(docs.slice(i, i + 500))
}

export async function findAttempts(key: string): Promise<AttemptDoc[]> {
  return rows(await db().collection('dispatch_attempts').where({ key }).limit(100).get())
}

export async function quotaPausedUntil(): Promise<number> {
  const doc = rows<{ quotaPausedUntilMs?: number }>(await db().collection('notify_state').doc('dispatcher').get())[0]
  return Number(doc?.quotaPausedUntilMs ?? 0)
}

export async function pauseUntil(ms: number): Promise<void> {
  await db().collection('notify_state').doc('dispatcher').set({ quotaPausedUntilMs: ms })
}

/** The openid bound to a person record, if any. */
export async function openidOfPerson(personId: string): Promise<string | null> {
  const u = rows<{ _id: string }>(
    await db().collection('users').where({ personId }).field({ _id: true }).limit(1).get(),
  )[0]
  return u?._id ?? null
}

/** The person record bound to an openid, if any. */
export async function personOfOpenid(openid: string): Promise<string | null> {
  const u = rows<{ personId?: string | null }>(await db().collection('users').doc(openid).get())[0]
  return u?.personId ?? null
}
