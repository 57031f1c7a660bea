/** `bind_attempts`: one document per bindResident attempt (masked), for the failure limit and the record. */
import { db } from '../../_core/app'

export type BindOutcome = 'ok' | 'notMatched' | 'conflict' | 'alreadyBound' | 'rateLimited'
/** Outcomes that count towards the limit of failed attempts. */
export const FAILED_OUTCOMES: BindOutcome[] = ['notMatched', 'conflict']

export interface BindAttempt {
  openid: string
  outcome: BindOutcome
  /** Masked name and ID number only. */
  nameMasked: string
  idNumberMasked: string
  personId: string | null
  at: string
  atMs: number
}

export async function countFailedAttempts(openid: string, sinceMs: number): Promise<number> {
  const _ = db().command
  const res = await db()
    .collection('bind_attempts')
    .where({ openid, atMs: _.gt(sinceMs), outcome: _.in(FAILED_OUTCOMES) })
    .count()
  return Number(res.total ?? 0)
}

export async function recordAttempt(attempt: BindAttempt): Promise<void> {
  await db().collection('bind_attempts').add(attempt)
}

/** When the oldest counted failure since `sinceMs` happened (the limit lifts 24 hours after it), or null. */
export async function oldestFailedAttemptMs(openid: string, sinceMs: number): Promise<number | null> {
  const _ = db().command
  const res = await db()
    .collection('bind_attempts')
    .where({ openid, atMs: _.gt(sinceMs), outcome: _.in(FAILED_OUTCOMES) })
    .orderBy('atMs', 'asc')
    .limit(1)
    .field({ atMs: true })
    .get()
  const first = ((res.data as { atMs: number }[] | undefined) ?? [])[0]
  return first ? first.atMs : null
}
