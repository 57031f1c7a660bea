/**
 * A timed-out invocation is really stopped, as far as anything outside it can tell: CloudBase ends the instance,
 * so nothing the function does after its time limit reaches the database, storage or any service. The functions
 * run in the emulator's process, so the emulator cannot kill one; instead each invocation runs inside an
 * AsyncLocalStorage scope, and once its time is up every HTTP request made from that scope (the SDK's, and any
 * other) fails at once with FUNCTIONS_TIME_LIMIT_EXCEEDED. Its CPU work can still run to the next await.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import http from 'node:http'
import https from 'node:https'

export interface InvocationScope {
  requestId: string
  name: string
  stopped: boolean
}

export const invocationScope = new AsyncLocalStorage<InvocationScope>()

const GUARD = Symbol.for('zhijiu.emulator.invocationGuard')

function stoppedError(scope: InvocationScope): Error {
  return Object.assign(new Error(`云函数 ${scope.name} 已超时结束（${scope.requestId}），其后的请求不再发出`), {
    code: 'FUNCTIONS_TIME_LIMIT_EXCEEDED',
  })
}

/** Patch http(s).request / get once per process: a request from a stopped invocation fails before it is sent. */
export function installInvocationGuard(): void {
  const g = globalThis as Record<symbol, unknown>
  if (g[GUARD]) return
  g[GUARD] = true
  for (const mod of [http, https] as unknown as Record<
    'request' | 'get',
    (...args: unknown[]) => http.ClientRequest
  >[]) {
    for (const key of ['request', 'get'] as const) {
      const original = mod[key]
      mod[key] = function guarded(this: unknown, ...args: unknown[]) {
        const scope = invocationScope.getStore()
        if (scope?.stopped) throw stoppedError(scope)
        return original.apply(this, args)
      }
    }
  }
}

/**
 * Each function's own environment, as a CloudBase function instance has: inside an invocation, `process.env` is
 * that function's view — `envVariables` of the function in cloudbaserc.json, then what was set for it through
 * `POST /_emulator/env` (tests: `emu.setFunctionEnv`), over the emulator's process environment (how the SDK
 * reaches the emulator). A function setting or deleting a variable changes only its own view, never another
 * function's nor the process's. Still shared: variables a test sets on the process itself show through to every
 * function (tests should configure a function with setFunctionEnv instead; docs/emulator.md).
 */
interface FunctionEnv {
  vars: Record<string, string>
  deleted: Set<string>
}

const ENV_GUARD = Symbol.for('zhijiu.emulator.envOverlay')
let currentEnvs: { of(name: string): FunctionEnv } | null = null

export function createFunctionEnvs(declared: (name: string) => Record<string, string>) {
  const envs = new Map<string, FunctionEnv>()
  const api = {
    of(name: string): FunctionEnv {
      let env = envs.get(name)
      if (!env) envs.set(name, (env = { vars: { ...declared(name) }, deleted: new Set() }))
      return env
    },
    /** Set (string) or remove (null) variables of one function. */
    set(name: string, vars: Record<string, string | null>): void {
      const env = api.of(name)
      for (const [k, v] of Object.entries(vars)) {
        if (v === null) {
          delete env.vars[k]
          env.deleted.add(k)
        } else {
          env.vars[k] = v
          env.deleted.delete(k)
        }
      }
    },
    /** Back to cloudbaserc.json's variables only. */
    reset(): void {
      envs.clear()
    },
  }
  currentEnvs = api
  installEnvOverlay()
  return api
}

function installEnvOverlay(): void {
  const g = globalThis as Record<symbol, unknown>
  if (g[ENV_GUARD]) return
  g[ENV_GUARD] = true
  const real = process.env as Record<string, string | undefined>
  const own = (): FunctionEnv | null => {
    const scope = invocationScope.getStore()
    return scope && currentEnvs ? currentEnvs.of(scope.name) : null
  }
  const read = (k: string): string | undefined => {
    const env = own()
    if (!env) return real[k]
    if (Object.prototype.hasOwnProperty.call(env.vars, k)) return env.vars[k]
    return env.deleted.has(k) ? undefined : real[k]
  }
  const keys = (): string[] => {
    const env = own()
    if (!env) return Object.keys(real)
    return [...new Set([...Object.keys(real).filter((k) => !env.deleted.has(k)), ...Object.keys(env.vars)])]
  }
  process.env = new Proxy(real, {
    get: (_t, k) => (typeof k === 'string' ? read(k) : undefined),
    set: (_t, k, v) => {
      if (typeof k !== 'string') return true
      const env = own()
      if (env) {
        env.vars[k] = String(v)
        env.deleted.delete(k)
      } else real[k] = String(v)
      return true
    },
    deleteProperty: (_t, k) => {
      if (typeof k !== 'string') return true
      const env = own()
      if (env) {
        delete env.vars[k]
        env.deleted.add(k)
      } else delete real[k]
      return true
    },
    has: (_t, k) => typeof k === 'string' && read(k) !== undefined,
    ownKeys: () => keys(),
    getOwnPropertyDescriptor: (_t, k) => {
      if (typeof k !== 'string') return undefined
      const v = read(k)
      return v === undefined ? undefined : { value: v, writable: true, enumerable: true, configurable: true }
    },
  }) as NodeJS.ProcessEnv
}
