/**
 * The signed-in person: `user.login` (the first call creates the user) gives roles and the display name.
 * Pages read it; only store actions call services.
 */
import { create } from 'zustand'
import type { Role } from '@shared/actions/define'
import type { ErrorBody } from '@shared/errors'
import { maskName } from '@shared/mask'
import { login, type LoginResult } from '@/services/user.service'

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error'

interface UserState {
  status: LoadStatus
  error: ErrorBody | null
  profile: LoginResult | null
  roles: Role[]
  load: (force?: boolean) => Promise<void>
  reset: () => void
}

export const useUserStore = create<UserState>()((set, get) => ({
  status: 'idle',
  error: null,
  profile: null,
  roles: [],
  load: async (force = false) => {
    if (!force && (get().status === 'loading' || get().status === 'ready')) return
    set({ status: 'loading', error: null })
    const res = await login()
    if (res.ok) set({ status: 'ready', profile: res.data, roles: rolesOf(res.data) })
    else set({ status: 'error', error: res.error })
  },
  reset: () => set({ status: 'idle', error: null, profile: null, roles: [] }),
}))

function rolesOf(p: LoginResult): Role[] {
  return Array.isArray(p.roles) && p.roles.length > 0 ? p.roles : ['resident']
}

/** The name to greet with: the bound person's name masked (李*明), else the nickname, else ''. */
export function displayName(p: LoginResult | null): string {
  if (!p) return ''
  if (p.person?.name) return maskName(p.person.name)
  return p.profile?.nickname ?? ''
}

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  grid: '网格员',
  handler: '投诉处理人员',
  admin: '管理员',
}
