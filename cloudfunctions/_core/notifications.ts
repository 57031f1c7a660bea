/**
 * Producers' entry to the notification pipeline (owned by the notify module).
 * Every notification goes to the outbox with an idempotency key (unique: producing it twice changes nothing)
 * and to the in-app message centre. The notify dispatcher sends subscription messages from the outbox,
 * spending consent; with no consent left the producer's fallback runs (e.g. a grid visit task).
 */
import { db } from './app'
import { toIsoCst } from './clock'

export interface NotificationRequest {
  /** Idempotency key, e.g. `policy:${policyId}:${version}:${personId}`. */
  key: string
  /** Recipient openid when known; else personId is resolved to a bound user, if any. */
  openid?: string | null
  personId?: string | null
  /** Template key from shared/notify/templates.ts (e.g. 'policyMatch', 'applicationStatus'). */
  template: string
  /** Keyword values before fitting to the template's limits. */
  data: Record<string, string>
  /** Mini-program page the message opens (deep link). */
  page?: string
  /** Message-centre title and body (Chinese). */
  title: string
  body: string
  /** What to do when no consent is left or the push fails for good. */
  fallback?: { kind: 'visitTask'; reason: string } | null
  source: { module: string; refId: string }
}

const isDuplicate = (e: unknown) => (e as { code?: string })?.code === 'DATABASE_DUPLICATE_WRITE'

/** Queue a notification. Returns duplicate: true when this key was already queued (nothing changes). */
export async function enqueueNotification(req: NotificationRequest, now: Date): Promise<{ duplicate: boolean }> {
  const at = toIsoCst(now)
  try {
    await db().collection('outbox').add({
      _id: req.key,
      ...req,
      openid: req.openid ?? null,
      personId: req.personId ?? null,
      state: 'pending',
      attempts: 0,
      createdAt: at,
      createdAtMs: now.getTime(),
      nextAttemptAtMs: now.getTime(),
    })
  } catch (e) {
    if (isDuplicate(e)) return { duplicate: true }
    throw e
  }
  if (req.openid) {
    await db().collection('messages').add({
      _id: `msg:${req.key}`,
      openid: req.openid,
      title: req.title,
      body: req.body,
      page: req.page ?? null,
      template: req.template,
      read: false,
      createdAt: at,
      createdAtMs: now.getTime(),
    }).catch((e: unknown) => { if (!isDuplicate(e)) throw e })
  }
  return { duplicate: false }
}
