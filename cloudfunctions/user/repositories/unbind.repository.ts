/**
 * What an unbinding takes away from the old WeChat account besides the binding itself: its queued subscription
 * messages (voided: skipped with reason `unbound`, recipient cleared, so that a requeue can only reach whoever is
 * bound then) and its message centre (each message is moved off the account: `openid` becomes a tombstone, the
 * former owner kept in `formerOpenid` for the audit, so messages / unreadCount / markRead no longer find it).
 */
import { db } from '../../_core/app'

/** Outbox states that may still be sent to the old account (claimed / sending are in flight and left alone). */
const QUEUED = ['pending', 'dead', 'uncertain', 'skipped']

export async function voidQueuedMessages(openid: string, nowMs: number): Promise<number> {
  const _ = db().command
  const res = await db()
    .collection('outbox')
    .where({ openid, state: _.in(QUEUED) })
    .update({ state: 'skipped', reason: 'unbound', openid: null, formerOpenid: openid, stateChangedAtMs: nowMs })
  return Number((res as { updated?: number }).updated ?? 0)
}

export const unboundOwner = (openid: string, personId: string): string => `~unbound:${personId}:${openid}`

export async function hideMessageCentre(openid: string, personId: string): Promise<number> {
  const res = await db()
    .collection('messages')
    .where({ openid })
    .update({ openid: unboundOwner(openid, personId), formerOpenid: openid, read: true })
  return Number((res as { updated?: number }).updated ?? 0)
}
