/** `messages`: the in-app message centre (消息中心), one document per notification and recipient. */
import { db } from '../../_core/app'
import type { MessageDoc } from '../../_core/notifications'

const col = () => db().collection('messages')
const _ = () => db().command
const rows = <T>(res: { data: unknown }): T[] => (res.data as T[] | undefined) ?? []

export type { MessageDoc }

/** Newest first, paged by (createdAtMs, _id) after the previous page's last item; limit + 1 rows. */
export async function listMessages(
  openid: string,
  unreadOnly: boolean,
  after: { ms: number; id: string } | null,
  limit: number,
): Promise<MessageDoc[]> {
  const cmd = _()
  const base: Record<string, unknown> = { openid }
  if (unreadOnly) base.read = false
  const where = after
    ? cmd.and([
        base,
        cmd.or([{ createdAtMs: cmd.lt(after.ms) }, { createdAtMs: after.ms, _id: cmd.lt(after.id) }]),
      ] as never[])
    : base
  const res = await col()
    .where(where as never)
    .orderBy('createdAtMs', 'desc')
    .orderBy('_id', 'desc')
    .limit(limit + 1)
    .get()
  return rows(res)
}

export async function countUnread(openid: string): Promise<number> {
  const res = await col().where({ openid, read: false }).count()
  return Number((res as { total?: number }).total ?? 0)
}

export async function markRead(openid: string, ids: string[] | 'all', at: string): Promise<number> {
  const where: Record<string, unknown> = { openid, read: false }
  if (ids !== 'all') {
    if (!ids.length) return 0
    where._id = _().in(ids)
  }
  const res = await col().where(where).update({ read: true, readAt: at })
  return Number((res as { updated?: number }).updated ?? 0)
}
