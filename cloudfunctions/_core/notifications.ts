/**
 * Producers' entry to the notification pipeline (owned by the notify module; docs/adr/0005-outbox-dispatcher.md).
 *
 * Every notification goes to the outbox under its idempotency key (the outbox `_id`: unique, so producing
 * it twice changes nothing) and to the in-app message centre (消息中心), whatever later happens to the push.
 * The notify dispatcher sends the subscription message from the outbox, spending one consent; with no
 * consent left (or a push that fails for good) the producer's fallback runs (e.g. a grid visit task).
 */
import { createHash } from 'node:crypto'
import { maskText } from '../../shared/mask'
import type { OutboxState } from '../../shared/actions/notify'
import type { MessageItem } from '../../shared/notify/types'
import { db } from './app'
import { insertOnce } from './insertOnce'
import { toIsoCst } from '../../shared/calendar/chinaTime'

export interface NotificationFallback {
  kind: 'visitTask'
  /** Chinese, shown to the grid worker (e.g. '符合一次性创业补贴条件，订阅消息无法送达'). */
  reason: string
}

export interface NotificationRequest {
  /** Idempotency key, e.g. `policy:${policyId}:${version}:${personId}`. */
  key: string
  /** Recipient openid when known; else personId is resolved to a bound user, if any. */
  openid?: string | null
  personId?: string | null
  /** Template key from shared/notify/templates.ts (e.g. 'policyMatch', 'applicationStatus'). */
  template: string
  /** Keyword values before fitting to the template's limits (by keyword name, alias or data key). */
  data: Record<string, string>
  /** Mini-program page the message opens (deep link, no leading slash). */
  page?: string
  /** Message-centre title and body (Chinese). */
  title: string
  body: string
  /** What to do when no consent is left or the push fails for good. */
  fallback?: NotificationFallback | null
  source: { module: string; refId: string }
}

export interface OutboxDoc {
  _id: string
  key: string
  openid: string | null
  personId: string | null
  template: string
  data: Record<string, string>
  page: string | null
  title: string
  body: string
  fallback: NotificationFallback | null
  source: { module: string; refId: string }
  state: OutboxState
  /** outboxShardOf(key) */
  shard?: number
  attempts: number
  createdAt: string
  createdAtMs: number
  nextAttemptAtMs: number
  stateChangedAtMs: number
  claimToken?: string | null
  claimExpiresAtMs?: number | null
  /** Set when a crashed dispatcher's claim was recovered: a consent grant may already be spent for it. */
  mayHaveGrant?: boolean
  reason?: string | null
  lastError?: { errcode: number | null; message: string; at: string } | null
  sentAt?: string | null
  msgid?: number | null
  fallbackDone?: boolean
}

/** A message-centre entry as stored: the view's fields (its `id` is the `_id`) plus owner, key and sort key. */
export interface MessageDoc extends Omit<MessageItem, 'id'> {
  _id: string
  openid: string
  key: string
  createdAtMs: number
  readAt?: string | null
}

/**
 * Outbox shards: each message gets shard = hash(key) mod OUTBOX_SHARDS, indexed with its state and due time,
 * so a dispatcher finds due messages shard by shard with small indexed queries (and concurrent dispatchers
 * starting at different shards rarely compete for the same messages).
 */
export const OUTBOX_SHARDS = 32
export const outboxShardOf = (key: string): number =>
  parseInt(createHash('sha1').update(key).digest('hex').slice(0, 6), 16) % OUTBOX_SHARDS

/** The message-centre id of a notification key: short and id-safe (keys may be long). */
export const messageIdOf = (key: string): string =>
  'm' + createHash('sha256').update(key).digest('base64url').slice(0, 22)

async function openidOfPerson(personId: string): Promise<string | null> {
  const res = await db().collection('users').where({ personId }).limit(1).get()
  const u = (res.data as { _id: string }[] | undefined)?.[0]
  return u?._id ?? null
}

/**
 * Queue a notification. Returns duplicate: true when this key was already queued (nothing changes, except
 * that a message-centre entry lost to a crash between the two writes is put back).
 */
export async function enqueueNotification(req: NotificationRequest, now: Date): Promise<{ duplicate: boolean }> {
  const at = toIsoCst(now)
  const nowMs = now.getTime()
  const openid = req.openid ?? (req.personId ? await openidOfPerson(req.personId) : null)
  const title = maskText(req.title)
  const body = maskText(req.body)
  const doc: OutboxDoc = {
    _id: req.key,
    key: req.key,
    openid,
    personId: req.personId ?? null,
    template: req.template,
    data: req.data,
    page: req.page ?? null,
    title,
    body,
    fallback: req.fallback ?? null,
    source: req.source,
    shard: outboxShardOf(req.key),
    state: 'pending',
    attempts: 0,
    createdAt: at,
    createdAtMs: nowMs,
    nextAttemptAtMs: nowMs,
    stateChangedAtMs: nowMs,
    claimToken: null,
    claimExpiresAtMs: null,
  }
  const duplicate = !(await insertOnce('outbox', doc))
  if (openid) {
    const message: MessageDoc = {
      _id: messageIdOf(req.key),
      openid,
      key: req.key,
      title,
      body,
      page: req.page ?? null,
      template: req.template,
      read: false,
      createdAt: at,
      createdAtMs: nowMs,
    }
    await insertOnce('messages', message)
  }
  return { duplicate }
}
