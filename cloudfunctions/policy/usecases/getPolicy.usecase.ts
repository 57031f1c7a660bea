import { AppError } from '../../../shared/errors'
import type { ActionContext } from '../../_core/function'
import { cstDate } from '../../../shared/rules/dates'
import { findPolicy } from '../repositories/policy.repository'
import { detail } from './policyView'

export async function getPolicy(input: { id: string }, ctx: ActionContext) {
  const p = await findPolicy(input.id)
  if (!p) throw new AppError('NOT_FOUND', '没有找到该政策')
  return detail(p, cstDate(ctx.now()))
}
