/**
 * The local CloudBase emulator: one HTTP server (node:http, loopback) with a registry of services —
 * database, functions, storage, the WeChat server API double — and the `/_emulator/*` admin paths of
 * docs/contract.md. The unchanged @cloudbase/node-sdk talks to it at `<url>/admin`. See docs/emulator.md.
 */
import { scanFunctionResponse } from './piiScan'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { createDatabaseService } from './databaseService'
import { EmulatorError } from './emulatorError'
import { createFaults, parseFaultSpec } from './faults'
import { createFunctionsService } from './functionsService'
import { installNetGuard, isLoopbackHost, refusedConnections } from './netGuard'
import { refuseNonLocal, sendRefusal } from '../localGuard'
import { materializeSeeded, removeDatabaseFiles, type SeedConfig } from './seedTemplate'
import { createStorageService } from './storageService'
import { Store, type IndexDecl } from './store'
import { createScheduler } from './timerScheduler'

export interface EmulatorServerOptions {
  /** TCP port (0: a random free port). Default 9000. */
  port?: number
  /** Data directory (database, storage, WeChat double journal). Default `<root>/.data`. */
  dataDir?: string
  /** Project root (cloudfunctions/, mock/seed/, cloudbaserc.json). Default: two folders up from here. */
  root?: string
  /** Seed on first start / reset: true (default options), false (empty collections), or seed options. */
  seed?: boolean | SeedConfig
  /** Wipe the data directory first (`--reset`). */
  fresh?: boolean
  /** Load every function before reporting ready (default true; the test helper loads on first call). */
  preloadFunctions?: boolean
  /** Fire timer triggers on their cron while running (default false). */
  scheduler?: boolean
  /** Open transactions older than this are aborted (default 30 s). */
  transactionTimeoutMs?: number
  /** Extra index declarations merged over cloudfunctions/database.json (tests of the emulator itself). */
  indexes?: Record<string, IndexDecl[]>
  /** Results of queries without orderBy come back shuffled (default true; see databaseService.ts). */
  shuffleUnordered?: boolean
  /** Log lines (default: stderr). false: silent. */
  log?: boolean | ((line: string) => void)
}

export interface EmulatorServer {
  url: string
  serviceUrl: string
  port: number
  dataDir: string
  now(): Date
  clockOffsetMs(): number
  setClock(iso: string): void
  advance(ms: number): void
  reset(): Promise<void>
  trigger(fn: string, name?: string): Promise<{ status: number; body: unknown }>
  store(): Store
  stop(): Promise<void>
}

const DEFAULT_ROOT = path.resolve(__dirname, '..', '..')

function readDeclared(root: string): Record<string, IndexDecl[]> {
  const file = path.join(root, 'cloudfunctions', 'database.json')
  if (!fs.existsSync(file)) return {}
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { collections?: Record<string, { indexes?: IndexDecl[] }> }
  const out: Record<string, IndexDecl[]> = {}
  for (const [name, spec] of Object.entries(json.collections ?? {})) out[name] = spec.indexes ?? []
  return out
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size <= limit) chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  })
  res.end(text)
}

export async function startEmulatorServer(options: EmulatorServerOptions = {}): Promise<EmulatorServer> {
  const root = options.root ?? DEFAULT_ROOT
  const dataDir = path.resolve(options.dataDir ?? path.join(root, '.data'))
  const log =
    options.log === false
      ? () => {}
      : typeof options.log === 'function'
        ? options.log
        : (l: string) => process.stderr.write(`${l}\n`)
  const seedConfig: SeedConfig | null =
    options.seed === false ? null : options.seed === true || options.seed === undefined ? {} : options.seed
  installNetGuard(log)

  fs.mkdirSync(dataDir, { recursive: true })
  const dbFile = path.join(dataDir, 'emulator.sqlite')
  const declared = { ...readDeclared(root), ...options.indexes }
  let offsetMs = 0
  const now = () => new Date(Date.now() + offsetMs)
  let ready = false
  let baseUrl = ''

  const faults = createFaults()
  if (options.fresh) {
    removeDatabaseFiles(dbFile)
    fs.rmSync(path.join(dataDir, 'storage'), { recursive: true, force: true })
    fs.rmSync(path.join(dataDir, 'wechat-double.jsonl'), { force: true })
  }
  async function openStore(seed: boolean): Promise<Store> {
    if (seed && seedConfig) await materializeSeeded(dbFile, root, declared, seedConfig)
    return new Store(dbFile, declared)
  }
  let store!: Store
  // requests other than GET /_emulator/ready wait behind this while seeding (start, reset)
  let gate: Promise<void> = new Promise(() => {})

  const database = createDatabaseService({
    store: () => store,
    now,
    transactionTimeoutMs: options.transactionTimeoutMs,
    shuffleUnordered: options.shuffleUnordered,
  })
  const functions = createFunctionsService({ root, log })
  const storage = createStorageService({ dataDir, baseUrl: () => baseUrl, now })
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createWechatDouble, MEDIA_CHECK_PUSH_FUNCTION } =
    require('../wechat/double') as typeof import('../wechat/double')
  const wechat = createWechatDouble({
    now,
    takeFault: (s) => faults.take(s),
    dataDir,
    // 消息推送: the wxa_media_check event goes to the function configured for it (docs/emulator.md)
    deliver: async (event) => {
      await functions.invoke(MEDIA_CHECK_PUSH_FUNCTION, event, { openid: null, source: 'scf', clockOffsetMs: offsetMs })
    },
  })

  async function runTriggers(fn: string, name?: string): Promise<{ status: number; body: unknown }> {
    let timers: { name: string; config: string }[]
    try {
      timers = functions.timers(fn)
    } catch {
      timers = []
    }
    if (name) timers = timers.filter((t) => t.name === name)
    if (!timers.length)
      return {
        status: 404,
        body: { error: `cloudbaserc.json 中没有 ${fn}${name ? ` 的定时触发器 ${name}` : ' 的定时触发器'}` },
      }
    const results: { name: string; result?: unknown; error?: { code: string; message: string } }[] = []
    for (const t of timers) {
      const event = {
        Type: 'Timer',
        TriggerName: t.name,
        Time: now()
          .toISOString()
          .replace(/\.\d{3}Z$/, 'Z'),
        Message: '',
      }
      try {
        const result = await functions.invoke(fn, event, {
          openid: null,
          source: 'wx_trigger',
          clockOffsetMs: offsetMs,
        })
        results.push({ name: t.name, result })
      } catch (e) {
        const err = e as EmulatorError
        results.push({ name: t.name, error: { code: err.code ?? 'FUNCTIONS_EXECUTE_FAIL', message: err.message } })
      }
    }
    return { status: 200, body: { function: fn, results } }
  }

  async function reset(): Promise<void> {
    await gate
    ready = false
    let done!: () => void
    gate = new Promise<void>((r) => (done = r))
    try {
      database.reset()
      store.close()
      removeDatabaseFiles(dbFile)
      storage.reset()
      faults.reset()
      functions.resetEnv()
      wechat.reset()
      offsetMs = 0
      store = await openStore(true)
      ready = true
    } finally {
      done()
    }
  }

  /** SDK requests served, by action (GET /_emulator/stats): what a burst costs in round trips. */
  const requestCounts: Record<string, number> = {}
  /** The same by action and collection (`database.getDocument users`): which reads an action could share. */
  const requestTargets: Record<string, number> = {}
  /** Milliseconds the emulator spent serving database requests (what CloudBase's own servers do in production). */
  const databaseMs = { total: 0 }

  async function handleAdminApi(req: http.IncomingMessage, body: Buffer): Promise<unknown> {
    let payload: Record<string, unknown>
    try {
      payload = JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>
    } catch {
      throw new EmulatorError('INVALID_PARAM', '请求体不是 JSON')
    }
    const action = String(payload.action ?? '')
    requestCounts[action] = (requestCounts[action] ?? 0) + 1
    const target = `${action} ${String(payload.collectionName ?? payload.function_name ?? '')}`.trim()
    requestTargets[target] = (requestTargets[target] ?? 0) + 1
    if (database.handles(action)) {
      await faults.take('database')
      const t0 = performance.now()
      try {
        return await database.handle(action, payload)
      } finally {
        databaseMs.total += performance.now() - t0
      }
    }
    if (action === 'functions.invokeFunction') {
      await faults.take('functions')
      const name = String(payload.function_name ?? '')
      let event: unknown = {}
      const raw = payload.request_data
      if (typeof raw === 'string' && raw !== '') {
        try {
          event = JSON.parse(raw)
        } catch {
          throw new EmulatorError('INVALID_PARAM', 'request_data 不是 JSON')
        }
      } else if (raw && typeof raw === 'object') event = raw
      const header = req.headers['x-wx-openid']
      const openid = typeof header === 'string' && header ? header : null
      const result = await functions.invoke(name, event, {
        openid,
        source: openid ? 'wx_client' : 'scf',
        clockOffsetMs: offsetMs,
      })
      scanFunctionResponse(name, event, result)
      return { data: { response_data: JSON.stringify(result === undefined ? null : result) } }
    }
    if (storage.handles(action)) {
      await faults.take('storage')
      return storage.handle(action, payload)
    }
    throw new EmulatorError('INVALID_PARAM', `本地模拟器不支持 ${action || '空 action'}`)
  }

  async function handleEmulatorPath(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    body: Buffer,
  ): Promise<void> {
    const json = (): Record<string, unknown> => {
      try {
        return body.length ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : {}
      } catch {
        throw new EmulatorError('INVALID_PARAM', '请求体不是 JSON')
      }
    }
    const p = url.pathname.replace(/\/+$/, '')
    const m = req.method
    if (p === '/_emulator/ready' && m === 'GET') {
      return sendJson(res, ready ? 200 : 503, { ready, functions: functions.names() })
    }
    if (p === '/_emulator/reset' && m === 'POST') {
      await reset()
      return sendJson(res, 200, { ok: true, now: now().toISOString() })
    }
    if (p === '/_emulator/clock' && (m === 'POST' || m === 'GET')) {
      if (m === 'POST') {
        const b = json()
        if (typeof b.now === 'string') {
          const t = Date.parse(b.now)
          if (!Number.isFinite(t)) return sendJson(res, 400, { error: 'now 必须是 ISO-8601 时间' })
          offsetMs = t - Date.now()
        } else if (b.advanceMs !== undefined && Number.isFinite(Number(b.advanceMs))) {
          offsetMs += Number(b.advanceMs)
        } else if (b.reset === true) {
          offsetMs = 0
        } else return sendJson(res, 400, { error: '需要 {now: ISO-8601} 或 {advanceMs: n}' })
      }
      return sendJson(res, 200, { now: now().toISOString(), offsetMs })
    }
    const trig = /^\/_emulator\/trigger\/([^/]+)$/.exec(p)
    if (trig && m === 'POST') {
      const b = json()
      const r = await runTriggers(decodeURIComponent(trig[1]), typeof b.name === 'string' ? b.name : undefined)
      return sendJson(res, r.status, r.body)
    }
    if (p === '/_emulator/faults') {
      if (m === 'POST') {
        const b = json()
        const specs = Array.isArray(b.faults) ? b.faults : [b]
        for (const s of specs) faults.inject(parseFaultSpec(s))
        return sendJson(res, 200, { pending: faults.pending() })
      }
      if (m === 'DELETE') {
        faults.reset()
        return sendJson(res, 200, { pending: [] })
      }
      if (m === 'GET') return sendJson(res, 200, { pending: faults.pending() })
    }
    if (p === '/_emulator/env' && m === 'POST') {
      // a function's own environment variables (what cloudbaserc.json envVariables would set in CloudBase)
      const b = json()
      const fn = typeof b.function === 'string' ? b.function : ''
      const env =
        b.env && typeof b.env === 'object' && !Array.isArray(b.env) ? (b.env as Record<string, unknown>) : null
      if (!fn || !functions.names().includes(fn) || !env)
        return sendJson(res, 400, { error: '需要 {function: 云函数名, env: {变量: 字符串 | null}}' })
      const vars: Record<string, string | null> = {}
      for (const [k, v] of Object.entries(env)) {
        if (v !== null && typeof v !== 'string')
          return sendJson(res, 400, { error: `环境变量 ${k} 的值必须是字符串或 null` })
        vars[k] = v
      }
      functions.setEnv(fn, vars)
      return sendJson(res, 200, { ok: true })
    }
    if (p === '/_emulator/stats' && m === 'GET') {
      const s = store
      return sendJson(res, 200, {
        plans: { ...s.planCounts },
        recent: s.plans.slice(-20),
        last: s.plans[s.plans.length - 1] ?? null,
        openTransactions: database.openTransactions(),
        requests: { ...requestCounts },
        requestTargets: { ...requestTargets },
        databaseMs: Math.round(databaseMs.total),
        refusedConnections: refusedConnections(),
      })
    }
    if (p === '/_emulator/stats/reset' && m === 'POST') {
      store.plans.length = 0
      store.planCounts.id = store.planCounts.index = store.planCounts.scan = 0
      for (const k of Object.keys(requestCounts)) delete requestCounts[k]
      for (const k of Object.keys(requestTargets)) delete requestTargets[k]
      databaseMs.total = 0
      return sendJson(res, 200, { ok: true })
    }
    if (p === '/_emulator/collections' && m === 'GET') {
      return sendJson(res, 200, { items: store.listCollections().map((name) => ({ name, count: store.count(name) })) })
    }
    return sendJson(res, 404, { error: `未知的管理路径 ${m} ${p}` })
  }

  // reply request ids: a random prefix per start and a counter (no random draw per request)
  const requestIdPrefix = randomBytes(4).toString('hex')
  let requests = 0
  const server = http.createServer((req, res) => {
    // cross-site and DNS-rebinding requests from a browser on this machine (mock/localGuard.ts)
    const refusal = refuseNonLocal(req)
    if (refusal) {
      req.resume()
      return sendRefusal(res, refusal)
    }
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      const body = await readBody(req, 11 * 1024 * 1024)
      const requestId = `rq-${requestIdPrefix}-${(++requests).toString(16)}`
      try {
        if (url.pathname.startsWith('/_emulator/') && !isLoopbackHost(req.socket.remoteAddress)) {
          return sendJson(res, 403, { error: '管理路径只接受本机访问' })
        }
        if (!ready && url.pathname !== '/_emulator/ready') await gate
        if (await wechat.handle(req, res, url, body)) return
        if (url.pathname.startsWith('/_storage/') && storage.serve(req, res, url, body)) return
        if (url.pathname.startsWith('/_emulator/')) {
          try {
            return await handleEmulatorPath(req, res, url, body)
          } catch (e) {
            if (e instanceof EmulatorError) return sendJson(res, 400, { code: e.code, error: e.message })
            throw e
          }
        }
        if (req.method === 'POST' && url.pathname.endsWith('/admin')) {
          const result = (await handleAdminApi(req, body)) as Record<string, unknown>
          return sendJson(res, 200, { requestId, ...result })
        }
        return sendJson(res, 404, {
          code: 'INVALID_PARAM',
          message: `未知路径 ${req.method} ${url.pathname}`,
          requestId,
        })
      } catch (e) {
        if (e instanceof EmulatorError) return sendJson(res, 200, { code: e.code, message: e.message, requestId })
        log(`[emulator] internal error: ${(e as Error)?.stack ?? String(e)}`)
        if (!res.headersSent)
          sendJson(res, 200, { code: 'SYS_ERR', message: String((e as Error)?.message ?? e), requestId })
      }
    })()
  })
  // clients close idle keep-alive sockets first (the SDK's agent after 4.8 s, node's globalAgent after 5 s), so a
  // reused socket never meets a server-side close (ECONNRESET)
  server.keepAliveTimeout = 65_000
  server.headersTimeout = 66_000

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    // a large backlog: bursts of thousands of concurrent SDK calls (each opening its own connection) must queue, not be refused
    server.listen({ port: options.port ?? 9000, host: '127.0.0.1', backlog: 4096 }, () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  baseUrl = `http://127.0.0.1:${port}`

  // How the functions (and any SDK in this process) reach us: configuration only, as in production.
  process.env.TENCENTCLOUD = 'true'
  process.env.SILENCE = 'true'
  process.env.TENCENTCLOUD_SECRETID ||= 'local'
  process.env.TENCENTCLOUD_SECRETKEY ||= 'local'
  process.env.TCB_ENV ||= 'local'
  process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: `${baseUrl}/admin` })
  process.env.WX_API_BASE_URL = baseUrl

  // Seed (or open) the database and load the functions while already listening: ready answers 503 meanwhile.
  let opened!: () => void
  gate = new Promise<void>((r) => (opened = r))
  try {
    store = await openStore(!fs.existsSync(dbFile))
    if (options.preloadFunctions !== false) functions.preload()
    ready = true
  } catch (e) {
    server.close()
    server.closeAllConnections()
    throw e
  } finally {
    opened()
  }
  const scheduler = options.scheduler
    ? createScheduler({
        now,
        timers: () => functions.allTimers(),
        fire: (fn, name) => runTriggers(fn, name).then(() => undefined),
        log,
      })
    : null

  return {
    url: baseUrl,
    serviceUrl: `${baseUrl}/admin`,
    port,
    dataDir,
    now,
    clockOffsetMs: () => offsetMs,
    setClock(iso: string) {
      offsetMs = Date.parse(iso) - Date.now()
    },
    advance(ms: number) {
      offsetMs += ms
    },
    reset,
    trigger: runTriggers,
    store: () => store,
    async stop() {
      scheduler?.stop()
      database.stop()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      store.close()
    },
  }
}

export { Store } from './store'
export type { SeedConfig } from './seedTemplate'
export type { IndexDecl } from './store'
