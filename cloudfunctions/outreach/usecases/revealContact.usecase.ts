/**
 * outreach.revealContact: one person's full phone number for a call; own grid (and the grids below it) only.
 * Every attempt is audited, NOT_FOUND and FORBIDDEN included, with the scope the worker holds: a street-level
 * worker (bound to a grid with grids below it) sees a wider area, so the audit says so (`scope: 'street'`,
 * `gridsInScope`) and their reveals have a daily cap of their own on top of the action's hourly and daily ones.
 */
import type { InputOf } from '../../../shared/actions/define'
import type { outreachActions } from '../../../shared/actions/outreach'
import { AppError } from '../../../shared/errors'
import type { RevealedContact } from '../../../shared/outreach/types'
import { audit } from '../../_core/audit'
import { type ActionContext, requireCaller } from '../../_core/function'
import { checkRateLimit } from '../../_core/rateLimit'
import { findPerson, readPhone } from '../repositories/person.repository'
import { inScope, workerGridCodes } from '../services/gridScope.service'
import { toIsoCst } from '../../../shared/calendar/chinaTime'

type Input = InputOf<typeof outreachActions, 'revealContact'>

/** Reveals a street-level worker may make per day (the action's own caps apply as well). */
export const STREET_REVEALS_PER_DAY = 100

export async function revealContact(input: Input, ctx: ActionContext): Promise<RevealedContact> {
  const caller = requireCaller(ctx)
  const [person, grids] = await Promise.all([findPerson(input.personId), workerGridCodes(caller)])
  const own = (caller.user.gridCodes ?? []).length
  const scope = { scope: grids.length > own ? 'street' : 'grid', gridsInScope: grids.length }
  const entry = { event: 'outreach.revealContact', targetType: 'person', targetId: input.personId }
  if (!person) {
    await audit(ctx, { ...entry, outcome: 'denied', detail: { reason: 'NOT_FOUND', ...scope } })
    throw new AppError('NOT_FOUND', '未找到该居民')
  }
  if (!inScope(grids, person.gridCode)) {
    await audit(ctx, { ...entry, outcome: 'denied', detail: { reason: 'otherGrid', ...scope } })
    throw new AppError('FORBIDDEN', '该居民不在您负责的网格')
  }
  if (scope.scope === 'street') {
    try {
      await checkRateLimit(
        caller.openid,
        'outreach.revealContact.street',
        { max: STREET_REVEALS_PER_DAY, windowSec: 86400 },
        ctx.now(),
      )
    } catch (e) {
      await audit(ctx, { ...entry, outcome: 'denied', detail: { reason: 'streetDailyCap', ...scope } })
      throw e
    }
  }
  await audit(ctx, { ...entry, outcome: 'ok', detail: { gridCode: person.gridCode, field: 'phone', ...scope } })
  return { personId: person._id, name: person.name, phone: readPhone(person), revealedAt: toIsoCst(ctx.now()) }
}
