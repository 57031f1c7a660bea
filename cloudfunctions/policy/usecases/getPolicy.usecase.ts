import { AppError } from '../../../shared/errors'
import type { ActionContext } from '../../_core/function'
import { findPolicy } from '../repositories/policy.repository'
import { detail } from '../helpers/policyView'
import { cstDateOf } from '../../../shared/calendar/chinaTime'

export async function getPolicy(input: { id: string }, ctx: ActionContext) {
  const p = await findPolicy(input.id)
  if (!p) throw new AppError('NOT_FOUND', '没有找到该政策')
  return detail(p, cstDateOf(ctx.now()))
}
