/**
 * Who sees which region: an administrator every region (the province first), department staff (handler) the
 * regions of their department and everything inside them (their own area first); anything else → FORBIDDEN.
 * An unknown region within scope → NOT_FOUND.
 */
import { AppError } from '../../../shared/errors'
import { regionWithin } from '../../../shared/monitor/indicators'
import { type ActionContext, requireCaller } from '../../_core/function'
import { departmentRegions } from '../repositories/department.repository'
import { getRegion, regionsAtLevel, type RegionDoc } from '../repositories/region.repository'

export async function visibleRoots(ctx: ActionContext): Promise<string[]> {
  const caller = requireCaller(ctx)
  if (caller.roles.includes('admin')) return (await regionsAtLevel('province')).map((r) => r.code)
  if (caller.roles.includes('handler') && caller.user.departmentId) return departmentRegions(caller.user.departmentId)
  return []
}

export async function resolveRegion(ctx: ActionContext, regionCode: string | undefined): Promise<RegionDoc> {
  return (await resolveScope(ctx, regionCode)).region
}

/** The region asked for (or the caller's first) and the roots of what the caller may see. */
export async function resolveScope(
  ctx: ActionContext,
  regionCode: string | undefined,
): Promise<{ region: RegionDoc; roots: string[] }> {
  const roots = await visibleRoots(ctx)
  if (!roots.length) throw new AppError('FORBIDDEN', '没有可查看的地区')
  const code = regionCode ?? roots[0]
  if (!roots.some((r) => regionWithin(code, r))) throw new AppError('FORBIDDEN', '无权查看该地区的监测数据')
  const region = await getRegion(code)
  if (!region) throw new AppError('NOT_FOUND', '未找到该地区')
  return { region, roots }
}
