/** Which grids a grid worker may see: the grids bound to them (users.gridCodes) and every grid below those. */
import { AppError } from '../../../shared/errors'
import type { Caller } from '../../_core/function'
import { expandGridCodes } from '../repositories/grid.repository'

export async function workerGridCodes(caller: Caller): Promise<string[]> {
  const own = (caller.user.gridCodes ?? []).filter((c) => typeof c === 'string' && c.length > 0)
  return own.length ? expandGridCodes(own) : []
}

/** The worker's grids, or only `requested` (and below) when it is one of them; another grid → FORBIDDEN. */
export async function scopeGrids(caller: Caller, requested?: string): Promise<string[]> {
  const mine = await workerGridCodes(caller)
  if (requested === undefined) return mine
  if (!mine.includes(requested)) throw new AppError('FORBIDDEN', '该网格不在您的负责范围内')
  return expandGridCodes([requested])
}

export const inScope = (grids: readonly string[], gridCode: string | null | undefined): boolean =>
  !!gridCode && grids.includes(gridCode)
