/** rate: the asker marks an answer helpful or not; an unhelpful one becomes a gap for staff. */
import type { InputOf } from '../../../shared/actions/define'
import type { assistantActions } from '../../../shared/actions/assistant'
import { AppError } from '../../../shared/errors'
import { type ActionContext, requireCaller } from '../../_core/function'
import { openidHash } from '../../_core/pii'
import { findAsk, rateAsk } from '../repositories/ask.repository'

export async function rate(input: InputOf<typeof assistantActions, 'rate'>, ctx: ActionContext) {
  const caller = requireCaller(ctx)
  const doc = await findAsk(input.askId)
  // someone else's question reads as not found: the log does not tell whose it is
  if (!doc || doc.openidHash !== openidHash(caller.openid)) throw new AppError('NOT_FOUND', '没有找到这次提问')
  const gap = doc.handoff || !input.helpful
  const gapReason = doc.handoff ? 'handoff' : input.helpful ? null : 'unhelpful'
  await rateAsk(doc._id, input.helpful, gap, gapReason)
  return { askId: doc._id, helpful: input.helpful }
}
