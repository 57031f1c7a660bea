/**
 * `functions.invokeFunction`: our real function code (cloudfunctions/<name>/index.ts, `main(event, context)`),
 * loaded once per emulator process (warm, in-process), each invocation with its own CloudBase context:
 * the caller's `x-wx-openid` header becomes WX_OPENID in `context.environment` (never in process.env, which
 * overlapping invocations would share). Timer triggers come from cloudbaserc.json.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { EmulatorError } from './emulatorError'
import { createFunctionEnvs, installInvocationGuard, invocationScope, type InvocationScope } from './invocationGuard'

export const LOCAL_WX_APPID = 'wx_local_appid'

export interface TimerTrigger {
  name: string
  type: 'timer'
  config: string
}

interface FunctionConfig {
  name: string
  timeout?: number
  envVariables?: Record<string, string>
  triggers?: { name: string; type: string; config: string }[]
}

type Main = (event: unknown, context: unknown) => unknown

export interface InvokeOptions {
  openid?: string | null
  source: 'wx_client' | 'scf' | 'wx_trigger'
  clockOffsetMs: number
}

const FUNCTION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/

/**
 * The warm workers: at most this many invocations run at once in the emulator's process; the rest wait in arrival
 * order (CloudBase would start more instances; one process cannot run more than its cores, and sharing them among
 * a thousand concurrent invocations only makes every one of them finish last). Execution time limits count from
 * the start of execution, as in CloudBase.
 */
export const DEFAULT_FUNCTION_CONCURRENCY = 16

export function createFunctionsService(opts: { root: string; log?: (msg: string) => void; concurrency?: number }) {
  installInvocationGuard()
  const concurrency = Math.max(
    1,
    opts.concurrency ?? (Number(process.env.ZJ_EMULATOR_FUNCTION_CONCURRENCY) || DEFAULT_FUNCTION_CONCURRENCY),
  )
  let running = 0
  const waiting: (() => void)[] = []
  const acquire = (): Promise<void> => {
    if (running < concurrency) {
      running++
      return Promise.resolve()
    }
    return new Promise((resolve) => waiting.push(resolve))
  }
  const release = (): void => {
    const next = waiting.shift()
    if (next) next()
    else running--
  }
  const functionsDir = path.join(opts.root, 'cloudfunctions')
  const loaded = new Map<string, Main>()
  // request ids: unique per emulator (random prefix + counter), without a random draw per invocation
  const requestIdPrefix = randomBytes(4).toString('hex')
  let invocations = 0

  let cached: FunctionConfig[] | null = null
  /** cloudbaserc.json's functions, read once per emulator start (restart or reset to pick up edits). */
  function config(): FunctionConfig[] {
    if (cached) return cached
    const file = path.join(opts.root, 'cloudbaserc.json')
    let value: FunctionConfig[] = []
    try {
      if (fs.existsSync(file)) {
        const rc = JSON.parse(fs.readFileSync(file, 'utf8')) as { functions?: FunctionConfig[] }
        value = Array.isArray(rc.functions) ? rc.functions : []
      }
    } catch {
      value = []
    }
    cached = value
    return value
  }
  // each function's own process.env inside its invocations (invocationGuard.ts)
  const envs = createFunctionEnvs((name) => {
    const vars = config().find((f) => f.name === name)?.envVariables ?? {}
    return Object.fromEntries(Object.entries(vars).filter(([, v]) => typeof v === 'string'))
  })
  const timeouts = new Map<string, number>()
  const timeLimitMs = (name: string): number => {
    let t = timeouts.get(name)
    if (t === undefined) timeouts.set(name, (t = (config().find((f) => f.name === name)?.timeout ?? 20) * 1000))
    return t
  }

  function names(): string[] {
    if (!fs.existsSync(functionsDir)) return []
    return fs
      .readdirSync(functionsDir, { withFileTypes: true })
      .filter(
        (d) =>
          d.isDirectory() &&
          !d.name.startsWith('_') &&
          !d.name.startsWith('.') &&
          fs.existsSync(path.join(functionsDir, d.name, 'index.ts')),
      )
      .map((d) => d.name)
      .sort()
  }

  function load(name: string): Main {
    const cached = loaded.get(name)
    if (cached) return cached
    if (!FUNCTION_NAME.test(name) || !names().includes(name)) {
      throw new EmulatorError('FUNCTIONS_EXECUTE_FAIL', `[ResourceNotFound.Function] 未找到指定的云函数：${name}`)
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(functionsDir, name, 'index.ts')) as { main?: Main; default?: { main?: Main } }
    const main = mod.main ?? mod.default?.main
    if (typeof main !== 'function') throw new EmulatorError('FUNCTIONS_EXECUTE_FAIL', `云函数 ${name} 没有导出 main`)
    loaded.set(name, main)
    return main
  }

  async function invoke(name: string, event: unknown, inv: InvokeOptions): Promise<unknown> {
    const main = invocationScope.run({ requestId: 'load', name, stopped: false }, () => load(name))
    await acquire()
    try {
      return await execute(name, main, event, inv)
    } finally {
      release()
    }
  }

  async function execute(name: string, main: Main, event: unknown, inv: InvokeOptions): Promise<unknown> {
    // 'fn-' + hex: never a run of digits that the PII scan could take for an ID or phone number
    const requestId = `fn-${requestIdPrefix}-${(++invocations).toString(16)}`
    const environment: Record<string, string> = {
      WX_APPID: LOCAL_WX_APPID,
      WX_UNIONID: '',
      TCB_ENV: 'local',
      SCF_NAMESPACE: 'local',
      TCB_SEQID: requestId,
      TCB_SOURCE: inv.source,
      SOURCE: inv.source,
      ZJ_CLOCK_OFFSET_MS: String(inv.clockOffsetMs),
      WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID,WX_CLIENTIP,WX_CLIENTIPV6',
      TCB_CONTEXT_KEYS: 'TCB_ENV,TCB_SEQID,TCB_SOURCE,SOURCE,ZJ_CLOCK_OFFSET_MS',
    }
    if (inv.openid) environment.WX_OPENID = inv.openid
    const context = {
      request_id: requestId,
      function_name: name,
      function_version: '$LATEST',
      namespace: 'local',
      memory_limit_in_mb: 256,
      time_limit_in_ms: timeLimitMs(name),
      environment: JSON.stringify(environment),
    }
    const timeoutMs = context.time_limit_in_ms
    // past its time limit the invocation is ended: every request it still makes fails (see invocationGuard.ts)
    const scope: InvocationScope = { requestId, name, stopped: false }
    let timer: NodeJS.Timeout | undefined
    try {
      return await Promise.race([
        invocationScope.run(scope, () => Promise.resolve().then(() => main(event, context))),
        new Promise((_, reject) => {
          timer = setTimeout(() => {
            scope.stopped = true
            reject(new EmulatorError('FUNCTIONS_TIME_LIMIT_EXCEEDED', `云函数 ${name} 执行超时（${timeoutMs} ms）`))
          }, timeoutMs)
          timer.unref()
        }),
      ])
    } catch (e) {
      if (e instanceof EmulatorError) throw e
      opts.log?.(`[emulator] function ${name} threw: ${(e as Error)?.stack ?? String(e)}`)
      throw new EmulatorError('FUNCTIONS_EXECUTE_FAIL', `云函数执行失败：${(e as Error)?.message ?? String(e)}`)
    } finally {
      if (timer) clearTimeout(timer)
    }
  }

  /** The timer triggers cloudbaserc.json declares for a function. */
  function timers(name: string): TimerTrigger[] {
    const fn = config().find((f) => f.name === name)
    return (fn?.triggers ?? []).filter((t) => t.type === 'timer' && typeof t.name === 'string') as TimerTrigger[]
  }

  return {
    names,
    load,
    invoke,
    timers,
    allTimers: () => config().flatMap((f) => timers(f.name).map((t) => ({ fn: f.name, ...t }))),
    /** Set (string) or remove (null) variables of one function's environment (`POST /_emulator/env`). */
    setEnv: (name: string, vars: Record<string, string | null>) => envs.set(name, vars),
    /** Back to the variables of cloudbaserc.json (reset). */
    resetEnv: () => envs.reset(),
    /** Load every function now (ready check of `npm run emulator`). */
    preload(): void {
      for (const n of names()) load(n)
    },
  }
}

export type FunctionsService = ReturnType<typeof createFunctionsService>
