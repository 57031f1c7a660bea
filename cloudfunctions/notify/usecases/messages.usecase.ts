/** The message centre (消息中心): every notification lands here, whatever happened to the push. */
import type { InputOf } from '../../../shared/actions/define'
import type { notifyActions } from '../../../shared/actions/notify'
import type { Page } from '../../../shared/actions/common'
import { maskText } from '../../../shared/mask'
import type { MessageItem } from '../../../shared/notify/types'
import { requireCaller, type ActionContext } from '../../_core/function'
import { decodeCursor, encodeCursor, pageSizeOf } from '../../_core/paging'
import {
  countUnread,
  listMessages,
  markRead as markReadRepo,
  type MessageDoc,
} from '../repositories/message.repository'
import { toIsoCst } from '../../../shared/calendar/chinaTime'

type After = { ms: number; id: string }
const isAfter = (v: unknown): v is After =>
  !!v && typeof v === 'object' && typeof (v as After).ms === 'number' && typeof (v as After).id === 'string'

const view = (m: MessageDoc): MessageItem => ({
  id: m._id,
  title: maskText(m.title),
  body: maskText(m.body),
  page: m.page,
  template: m.template,
  read: !!m.read,
  createdAt: m.createdAt,
})

export async function messages(
  input: InputOf<typeof notifyActions, 'messages'>,
  ctx: ActionContext,
): Promise<Page<MessageItem> & { unread: number }> {
  const caller = requireCaller(ctx)
  const after = decodeCursor(input.cursor, isAfter)
  const size = pageSizeOf(input.pageSize)
  const [list, unread] = await Promise.all([
    listMessages(caller.openid, !!input.unreadOnly, after, size),
    countUnread(caller.openid),
  ])
  const page = list.slice(0, size)
  const last = page[page.length - 1]
  return {
    items: page.map(view),
    nextCursor: list.length > size && last ? encodeCursor({ ms: last.createdAtMs, id: last._id }) : null,
    unread,
  }
}

export async function unreadCount(_input: unknown, ctx: ActionContext): Promise<{ unread: number }> {
  const caller = requireCaller(ctx)
  return { unread: await countUnread(caller.openid) }
}

export async function markRead(
  input: InputOf<typeof notifyActions, 'markRead'>,
  ctx: ActionContext,
): Promise<{ updated: number; unread: number }> {
  const caller = requireCaller(ctx)
  const target = input.all ? 'all' : (input.ids ?? [])
  const updated = await markReadRepo(caller.openid, target, toIsoCst(ctx.now()))
  return { updated, unread: await countUnread(caller.openid) }
}
