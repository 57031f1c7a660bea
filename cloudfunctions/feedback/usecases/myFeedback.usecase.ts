/** mine: the resident's own items, newest first. */
import type { InputOf } from '../../../shared/actions/define'
import type { feedbackActions } from '../../../shared/actions/feedback'
import { decodeCursor, encodeCursor, pageSizeOf } from '../../_core/paging'
import { type ActionContext, requireCaller } from '../../_core/function'
import { listByOpenid } from '../repositories/feedback.repository'
import { ownerListItem } from '../helpers/feedbackView'
import { isKeysetCursor } from '../helpers/keysetCursor'

export async function myFeedback(input: InputOf<typeof feedbackActions, 'mine'>, ctx: ActionContext) {
  const caller = requireCaller(ctx)
  const after = decodeCursor(input.cursor, isKeysetCursor)
  const size = pageSizeOf(input.pageSize)
  const docs = await listByOpenid(caller.openid, size + 1, after)
  const page = docs.slice(0, size)
  const last = page[page.length - 1]
  const nowMs = ctx.now().getTime()
  return {
    items: page.map((d) => ownerListItem(d, nowMs)),
    nextCursor: docs.length > size && last ? encodeCursor({ k: last.createdAtMs, id: last._id }) : null,
  }
}
