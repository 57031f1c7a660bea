/** outreach.revealContact: one person's full phone number for a call; own grid only; every attempt audited. */
import type { InputOf } from '../../../shared/actions/define'
import type { outreachActions } from '../../../shared/actions/outreach'
import { AppError } from '../../../shared/errors'
import type { RevealedContact } from '../../../shared/outreach/types'
import { audit } from '../../_core/audit'
import { type ActionContext, requireCaller } from '../../_core/function'
import { findPerson, readPhone } from '../repositories/person.repository'
import { inScope, workerGridCodes } from '../services/gridScope.service'
import { toIsoCst } from '../../../shared/calendar/chinaTime'

type Input = InputOf<typeof outreachActions, 'revealContact'>

export async function revealContact(input: Input, ctx: ActionContext): Promise<RevealedContact> {
  const caller = requireCaller(ctx)
  const [person, grids] = await Promise.all([findPerson(input.personId), workerGridCodes(caller)])
  if (!person) throw new AppError('NOT_FOUND', '未找到该居民')
  if (!inScope(grids, person.gridCode)) {
    // A refused reveal of a real person is recorded too (someone looking outside their grid).
    await audit(ctx, { event: 'outreach.revealContact', targetType: 'person', targetId: person._id, outcome: 'denied', detail: { reason: 'otherGrid' } })
    throw new AppError('FORBIDDEN', '该居民不在您负责的网格')
  }
  await audit(ctx, { event: 'outreach.revealContact', targetType: 'person', targetId: person._id, outcome: 'ok', detail: { gridCode: person.gridCode, field: 'phone' } })
  return { personId: person._id, name: person.name, phone: readPhone(person), revealedAt: toIsoCst(ctx.now()) }
}
