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
  return Object.assign(new Error(`云函数 ${scope.name} 已超时结束（${scope.requestId}），其后的请求不再发出`), { code: 'FUNCTIONS_TIME_LIMIT_EXCEEDED' })
}

/** Patch http(s).request / get once per process: a request from a stopped invocation fails before it is sent. */
export function installInvocationGuard(): void {
  const g = globalThis as Record<symbol, unknown>
  if (g[GUARD]) return
  g[GUARD] = true
  for (const mod of [http, https] as unknown as Record<'request' | 'get', (...args: unknown[]) => http.ClientRequest>[]) {
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
