/**
 * Who may import and export what: admins every region; department staff (the handler role) the regions of their
 * department (a city's or the province's department covers the districts under it); anyone else nothing.
 */
import { AppError } from '../../../shared/errors'
import { requireCaller, type ActionContext } from '../../_core/function'
import { departmentRegions } from '../repositories/reference.repository'

export interface Scope {
  /** null: every region. */
  regions: string[] | null
  departmentId: string | null
  admin: boolean
}

export async function callerScope(ctx: ActionContext): Promise<Scope> {
  const caller = requireCaller(ctx)
  if (caller.roles.includes('admin'))
    return { regions: null, departmentId: caller.user.departmentId ?? null, admin: true }
  const departmentId = caller.user.departmentId ?? null
  const regions = departmentId ? await departmentRegions(departmentId) : null
  if (!departmentId || !regions || !regions.length)
    throw new AppError('FORBIDDEN', '您的账号未关联经办部门，不能导入或导出数据')
  return { regions, departmentId, admin: false }
}

/** A district, street (9 digits) or grid code (street-nn) lies in one of the scope's regions. */
export function withinRegions(code: string, regions: readonly string[] | null): boolean {
  if (regions === null) return true
  const district = code.slice(0, 6)
  return regions.some((r) => {
    if (r.length !== 6) return code.startsWith(r)
    if (r.endsWith('0000')) return district.startsWith(r.slice(0, 2))
    if (r.endsWith('00')) return district.startsWith(r.slice(0, 4))
    return district === r
  })
}
