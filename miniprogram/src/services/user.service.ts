/** user function client (the user module engineer owns the details; this is what the shell needs). */
import type { Role } from '@shared/actions/define'
import { callAction } from './cloud'

/** Tolerant view of `user.login`'s answer: the shell only needs roles and a (masked) name. */
export interface LoginResult {
  openid?: string
  roles?: Role[]
  profile?: { nickname?: string; largeFont?: boolean } | null
  bound?: boolean
  /** The bound person record (identifiers masked by the backend). */
  person?: {
    name?: string
    residenceRegionName?: string | null
    employmentStatusLabel?: string
    keyGroups?: { code: string; label: string }[]
  } | null
}

declare module './actionOutputs' {
  interface ActionOutputs {
    'user.login': LoginResult
  }
}

export const login = () => callAction('user', 'login', {})
