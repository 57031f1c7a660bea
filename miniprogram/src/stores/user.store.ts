/**
 * The signed-in person: `user.login` (the first call creates the user) gives roles, the display name, the bound
 * record and the job-seeking profile. Binding and profile changes go through here; `version` grows after each
 * change so that the home page reloads its personalised sections without a restart.
 * Pages read it; only store actions call services.
 */
import { create } from 'zustand'
import type { Role } from '@shared/actions/define'
import type { ErrorBody } from '@shared/errors'
import { maskName } from '@shared/mask'
import {
  bindResident,
  fetchDistricts,
  login,
  saveProfile,
  type LoginResult,
  type ProfilePatch,
} from '@/services/user.service'
import type { BindResult } from '@/services/user.service'
import { useUiStore } from './ui.store'

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error'

interface UserState {
  status: LoadStatus
  error: ErrorBody | null
  profile: LoginResult | null
  roles: Role[]
  /** Grows after a bind or a profile change (home sections reload on it). */
  version: number
  saving: boolean
  /** Districts by city code, for the 意向地区 picker (loaded once per city). */
  districts: Record<string, { code: string; name: string }[]>
  loadDistricts: (cityCode: string) => Promise<void>
  load: (force?: boolean) => Promise<void>
  bind: (name: string, idNumber: string) => Promise<{ ok: true; data: BindResult } | { ok: false; error: ErrorBody }>
  update: (patch: ProfilePatch) => Promise<ErrorBody | null>
  /** 长辈版: applied at once, saved on the server (follows the person to another phone). */
  setLargeFont: (on: boolean) => Promise<void>
  reset: () => void
}

export const useUserStore = create<UserState>()((set, get) => ({
  status: 'idle',
  error: null,
  profile: null,
  roles: [],
  version: 0,
  saving: false,
  districts: {},
  loadDistricts: async (cityCode) => {
    if (get().districts[cityCode]) return
    const res = await fetchDistricts(cityCode)
    if (res.ok) set({ districts: { ...get().districts, [cityCode]: res.data.items } })
  },
  load: async (force = false) => {
    if (!force && (get().status === 'loading' || get().status === 'ready')) return
    set({ status: 'loading', error: null })
    const res = await login()
    if (res.ok) {
      set({ status: 'ready', profile: res.data, roles: rolesOf(res.data) })
      const serverLargeFont = res.data.profile?.largeFont
      if (typeof serverLargeFont === 'boolean' && serverLargeFont !== useUiStore.getState().largeFont)
        useUiStore.getState().setLargeFont(serverLargeFont)
    } else set({ status: 'error', error: res.error })
  },
  bind: async (name, idNumber) => {
    set({ saving: true })
    const res = await bindResident(name, idNumber)
    set({ saving: false })
    if (res.ok) {
      await get().load(true)
      set({ version: get().version + 1 })
      return { ok: true, data: res.data }
    }
    return { ok: false, error: res.error }
  },
  update: async (patch) => {
    set({ saving: true })
    const res = await saveProfile(patch)
    if (!res.ok) {
      set({ saving: false })
      return res.error
    }
    set({ saving: false, profile: res.data, roles: rolesOf(res.data), version: get().version + 1 })
    return null
  },
  setLargeFont: async (on) => {
    useUiStore.getState().setLargeFont(on)
    if (get().status !== 'ready') return
    const res = await saveProfile({ largeFont: on })
    if (res.ok) set({ profile: res.data })
  },
  reset: () => set({ status: 'idle', error: null, profile: null, roles: [] }),
}))

/** A new resident who has not bound a record nor finished (or skipped) the welcome. */
export function needsWelcome(p: LoginResult | null): boolean {
  return !!p && !p.bound && p.profile?.welcomeDone !== true && p.roles.length === 1 && p.roles[0] === 'resident'
}

function rolesOf(p: LoginResult): Role[] {
  return Array.isArray(p.roles) && p.roles.length > 0 ? p.roles : ['resident']
}

/** The name to greet with: the bound person's name masked (李*明), else the nickname, else ''. */
export function displayName(p: LoginResult | null): string {
  if (!p) return ''
  if (p.person?.name) return maskName(p.person.name)
  return typeof p.profile?.nickname === 'string' ? p.profile.nickname : ''
}

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  grid: '网格员',
  handler: '投诉处理人员',
  admin: '管理员',
}

/** Something shown on the home page changed (a signup, a complaint): its sections reload on the next view. */
export function personalDataChanged(): void {
  useUserStore.setState((s) => ({ version: s.version + 1 }))
}
