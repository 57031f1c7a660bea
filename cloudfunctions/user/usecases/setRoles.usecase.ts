/** setRoles (admin): roles and bindings of a user; audited with before/after. Every user stays a resident. */
import type { InputOf, Role } from '../../../shared/actions/define'
import type { userActions } from '../../../shared/actions/user'
import { AppError } from '../../../shared/errors'
import { audit } from '../../_core/audit'
import { requireCaller, type ActionContext } from '../../_core/function'
import { departmentExists, missingGrids } from '../repositories/reference.repository'
import { getOrCreateUser, updateUser } from '../repositories/user.repository'
import { toIsoCst } from '../../../shared/calendar/chinaTime'

export interface SetRolesResult {
  openid: string
  roles: Role[]
  gridCodes: string[]
  departmentId: string | null
}

export async function setRoles(
  input: InputOf<typeof userActions, 'setRoles'>,
  ctx: ActionContext,
): Promise<SetRolesResult> {
  const caller = requireCaller(ctx)
  const roles = Array.from(new Set<Role>(['resident', ...input.roles]))
  if (input.openid === caller.openid && !roles.includes('admin')) {
    throw new AppError('CONFLICT', '不能取消自己的管理员角色，请由其他管理员操作')
  }
  const target = await getOrCreateUser(input.openid, ctx.now())
  const gridCodes = roles.includes('grid') ? Array.from(new Set(input.gridCodes ?? target.gridCodes ?? [])) : []
  if (roles.includes('grid') && gridCodes.length === 0)
    throw new AppError('VALIDATION_FAILED', '网格员需要绑定至少一个网格')
  const missing = await missingGrids(gridCodes)
  if (missing.length) throw new AppError('NOT_FOUND', `网格不存在：${missing.slice(0, 3).join('、')}`)
  const departmentId = roles.includes('handler') ? (input.departmentId ?? target.departmentId ?? null) : null
  if (roles.includes('handler') && !departmentId) throw new AppError('VALIDATION_FAILED', '经办人需要绑定所属部门')
  if (departmentId && !(await departmentExists(departmentId))) throw new AppError('NOT_FOUND', '部门不存在')

  const after: SetRolesResult = { openid: input.openid, roles, gridCodes, departmentId }
  await updateUser(input.openid, { roles, gridCodes, departmentId, updatedAt: toIsoCst(ctx.now()) })
  await audit(ctx, {
    event: 'user.setRoles',
    targetType: 'user',
    targetId: input.openid,
    outcome: 'ok',
    detail: {
      before: { roles: target.roles, gridCodes: target.gridCodes ?? [], departmentId: target.departmentId ?? null },
      after: { roles, gridCodes, departmentId },
    },
  })
  return after
}
