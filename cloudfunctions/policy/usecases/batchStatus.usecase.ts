/** batchStatus (admin): progress of the matching batch, one run or the recent ones. */
import { AppError } from '../../../shared/errors'
import type { ActionContext } from '../../_core/function'
import { batchProgress } from '../helpers/batchProgress'

export async function batchStatus(input: { runId?: string }, _ctx: ActionContext) {
  const p = await batchProgress(input.runId)
  if (input.runId && !p.runs.length) throw new AppError('NOT_FOUND', '没有找到该批处理')
  return p
}
