/**
 * getRoles (admin): a user's current roles and bindings, read before the admin changes them (the 用户与角色 page
 * shows them and only then allows 保存), plus the departments a 投诉处理人员 can belong to (a picker, not a code).
 */
import type { InputOf, Role } from '../../../shared/actions/define'
import type { userActions } from '../../../shared/actions/user'
import type { ActionContext } from '../../_core/function'
import { findUser } from '../repositories/user.repository'
import { listDepartments } from '../repositories/reference.repository'

export interface GetRolesResult {
  openid: string
  /** false: no such user yet (saving creates them as a resident with the chosen roles). */
  exists: boolean
  roles: Role[]
  gridCodes: string[]
  departmentId: string | null
  departments: { id: string; name: string }[]
}

export async function getRoles(
  input: InputOf<typeof userActions, 'getRoles'>,
  _ctx: ActionContext,
): Promise<GetRolesResult> {
  const [user, departments] = await Promise.all([findUser(input.openid), listDepartments()])
  return {
    openid: input.openid,
    exists: !!user,
    roles: user ? Array.from(new Set<Role>(['resident', ...(user.roles ?? [])])) : ['resident'],
    gridCodes: user?.gridCodes ?? [],
    departmentId: user?.departmentId ?? null,
    departments,
  }
}
