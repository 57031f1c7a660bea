/** getRoles (admin): a user's current roles and bindings, read before changing them (用户与角色). */
import type { InputOf, Role } from '../../../shared/actions/define'
import type { userActions } from '../../../shared/actions/user'
import { findUser } from '../repositories/user.repository'

export interface RolesView {
  openid: string
  /** false: no such user yet (every openid becomes a resident on its first call). */
  exists: boolean
  roles: Role[]
  gridCodes: string[]
  departmentId: string | null
}

export async function getRoles(input: InputOf<typeof userActions, 'getRoles'>): Promise<RolesView> {
  const u = await findUser(input.openid)
  if (!u) return { openid: input.openid, exists: false, roles: ['resident'], gridCodes: [], departmentId: null }
  return { openid: input.openid, exists: true, roles: u.roles, gridCodes: u.gridCodes ?? [], departmentId: u.departmentId ?? null }
}
