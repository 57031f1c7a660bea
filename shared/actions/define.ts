/**
 * The action registry: every function module declares its actions here, in shared/, with the input schema
 * (zod) and who may call it. The function wrapper (cloudfunctions/_core/function.ts) applies the contract's
 * order of checks from these declarations, and the authorization and malformed-payload harnesses walk them.
 */
import type { z } from 'zod'

/** Roles come from the `users` collection. Every openid is a resident. */
export const ROLES = ['resident', 'grid', 'handler', 'admin'] as const
export type Role = (typeof ROLES)[number]

/**
 * - 'public': anyone, anonymous included (caller may be null)
 * - 'user': any caller with an openid (a resident at least)
 * - Role[]: a caller holding at least one of these roles
 */
export type Access = 'public' | 'user' | readonly Role[]

export interface ActionSpec<S extends z.ZodType = z.ZodType> {
  access: Access
  input: S
  /** One line in Chinese for docs/api.md. */
  summary: string
  /** Writes data. */
  write?: boolean
  /**
   * A blocked account is refused every write and every role-gated action (staff powers, reads included: a
   * blocked grid worker reveals nothing) unless the action says 'allowed' here: the holder's own data rights
   * (consent, correct, delete, mark messages read). Resident reads ('user', not write) stay open.
   */
  whenBlocked?: 'allowed'
  /**
   * Per-openid limit over a fixed hour window unless windowSec is given; `dailyMax`: a second, daily cap;
   * `anonymousMax`: anonymous callers of a public action share one counter with that limit (without it they are
   * not limited).
   */
  rateLimit?: { max: number; windowSec?: number; anonymousMax?: number; dailyMax?: number }
  /**
   * Every attempt is audited (reveals of personal data): the use case records its own outcomes (ok, denied,
   * NOT_FOUND) and the wrapper records the refusals it makes after the role gate (blocked, rate limit).
   */
  auditAttempts?: true
  /**
   * Input paths of the free texts staff or other people read (`a.b`, `visits.*.notes`): checked by the wrapper
   * with WeChat's content check before the use case (cloudfunctions/_core/contentRule.ts). Every action taking
   * such text declares it; tests/unit/contentRule.test.ts lists the free-text fields each action must declare.
   * Application form answers depend on the stored kind, so their questions declare `content` instead and the
   * application module applies the same rule (cloudfunctions/application/helpers/answerRule.ts).
   */
  contentCheck?: readonly string[]
  /** Returns `{ items, nextCursor }` and accepts `cursor` / `pageSize`. */
  list?: boolean
  /**
   * A valid example input (what a client would send, `action` excluded). The authorization harness calls every
   * action with it for every identity, so an allowed caller must get past validation to the use case; ids in
   * it need not exist (NOT_FOUND is a use-case answer). tests/unit/actionExamples.test.ts checks it parses.
   */
  example?: Record<string, unknown>
  /**
   * 'openid': a public read whose use case needs only the caller's openid (e.g. to mark their own applications),
   * never their roles, block or user record: the wrapper does not read the user (one round trip less); the use
   * case finds the openid in `ctx.openid` and `ctx.caller` stays null.
   */
  caller?: 'openid'
}

export interface ModuleSpec<
  N extends string = string,
  A extends Record<string, ActionSpec> = Record<string, ActionSpec>,
> {
  name: N
  actions: A
}

export function defineModule<N extends string, A extends Record<string, ActionSpec>>(
  name: N,
  actions: A,
): ModuleSpec<N, A> {
  return { name, actions }
}

export type InputOf<M extends ModuleSpec, K extends keyof M['actions']> = z.output<M['actions'][K]['input']>

export function allows(access: Access, roles: readonly Role[] | null): 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' {
  if (access === 'public') return 'ok'
  if (roles === null) return 'UNAUTHENTICATED'
  if (access === 'user') return 'ok'
  return access.some((r) => roles.includes(r)) ? 'ok' : 'FORBIDDEN'
}
