/**
 * Start the local CloudBase emulator in-process for a test file (random port, fresh temp data dir, seeded
 * from a cached template) and talk to it through the REAL @cloudbase/node-sdk.
 *
 *   const emu = await startEmulator()
 *   const env = await emu.call('o_demo_resident', 'job', { action: 'search' })   // the envelope
 *   afterAll(() => emu.stop())
 *
 * One emulator per process at a time: the functions reach it through process.env.TCB_CONTEXT_CNFG.
 */
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import tcb from '@cloudbase/node-sdk'
import { startEmulatorServer, type EmulatorServer, type IndexDecl, type SeedConfig } from '../../mock/emulator/index'

export interface StartEmulatorOptions {
  /** true (default): the project seed (default options); false: empty collections; or seed options. */
  seed?: boolean | SeedConfig
  /**
   * Pin the seed date and the emulator clock together to this instant (ISO-8601): the demo data is built as of
   * it and the functions' clock starts there, so the suite does not depend on the real date. Prefer it over
   * `seed: { now }` + `setClock`.
   */
  now?: string
  /** Use this data directory instead of a fresh temp one (kept on stop). */
  dataDir?: string
  /** Print emulator log lines (function errors…) on stderr. Default: only with ZJ_EMULATOR_LOG=1. */
  log?: boolean
  /** Extra collections/indexes beside cloudfunctions/database.json (for tests of the emulator itself). */
  indexes?: Record<string, IndexDecl[]>
  /** Open transactions older than this are aborted (default 30 s). */
  transactionTimeoutMs?: number
  /** Another project root (cloudfunctions/, cloudbaserc.json, mock/seed/) — for tests of the emulator itself. */
  root?: string
}

export type CloudApp = ReturnType<typeof tcb.init>

export interface TestEmulator {
  /** http://127.0.0.1:<port> */
  url: string
  /** http://127.0.0.1:<port>/admin (the SDK's serviceUrl) */
  serviceUrl: string
  port: number
  dataDir: string
  /** Call a function as a mini-program user (openid) or anonymously (null); returns the function's result. */
  call<T = any>(openid: string | null, fn: string, data: Record<string, unknown>): Promise<T>
  /** A real SDK app against the emulator (with the x-wx-openid header when an openid is given). */
  sdk(openid?: string | null): CloudApp
  /** GET (no body) or POST (body) an admin path, e.g. admin('/_emulator/stats'); returns the JSON. */
  admin<T = any>(pathname: string, body?: unknown): Promise<T>
  /** Set (string) or remove (null) environment variables of one function, as cloudbaserc.json envVariables would. */
  setFunctionEnv(fn: string, env: Record<string, string | null>): Promise<void>
  setClock(iso: string): Promise<void>
  advance(ms: number): Promise<void>
  trigger<T = any>(fn: string, name?: string): Promise<T>
  /** Fresh data from the seed; with `now`, the clock is pinned there again (not left on the real clock). */
  reset(): Promise<void>
  /** The in-process server (store access for white-box assertions). */
  server: EmulatorServer
  stop(): Promise<void>
}

export async function startEmulator(opts: StartEmulatorOptions = {}): Promise<TestEmulator> {
  const own = !opts.dataDir
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'zj-emu-'))
  const log = opts.log ?? process.env.ZJ_EMULATOR_LOG === '1'
  const seedOpt: boolean | SeedConfig =
    opts.now && opts.seed !== false
      ? { ...(typeof opts.seed === 'object' ? opts.seed : {}), now: new Date(opts.now) }
      : (opts.seed ?? true)
  const server = await startEmulatorServer({
    port: 0,
    dataDir,
    seed: seedOpt,
    preloadFunctions: false,
    scheduler: false,
    log,
    indexes: opts.indexes,
    root: opts.root,
    transactionTimeoutMs: opts.transactionTimeoutMs,
  })
  const apps = new Map<string, CloudApp>()

  const sdk = (openid?: string | null): CloudApp => {
    const key = openid ?? ''
    let app = apps.get(key)
    if (!app) {
      // keepalive: false makes the SDK use node's http.globalAgent (keep-alive, unbounded) instead of its own pooled
      // agent (100 sockets, shared per process): the functions' SDK calls run in this same process on that pool,
      // and a burst of callers holding all 100 sockets while their functions wait for a socket would deadlock
      // timeout: a caller queued behind a burst of a thousand invocations (the emulator runs a bounded pool of warm
      // workers, first come first served) waits for its turn instead of giving up after the SDK's default 15 s
      app = tcb.init({
        env: 'local',
        serviceUrl: server.serviceUrl,
        secretId: 'local',
        secretKey: 'local',
        keepalive: false,
        timeout: 120_000,
        headers: openid ? { 'x-wx-openid': openid } : {},
      } as never)
      apps.set(key, app)
    }
    return app
  }

  // node:http rather than fetch: jest's jsdom environment (tests/simulate) has no fetch
  const admin = <T>(pathname: string, body?: unknown): Promise<T> =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body)
      const req = http.request(
        server.url + pathname,
        {
          method: payload === undefined ? 'GET' : 'POST',
          headers:
            payload === undefined
              ? {}
              : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8')
            try {
              resolve(JSON.parse(text) as T)
            } catch {
              resolve(text as T)
            }
          })
          res.on('error', reject)
        },
      )
      req.on('error', reject)
      req.end(payload)
    })

  if (opts.now) await admin('/_emulator/clock', { now: opts.now })

  return {
    url: server.url,
    serviceUrl: server.serviceUrl,
    port: server.port,
    dataDir,
    server,
    sdk,
    admin,
    async call(openid, fn, data) {
      const res = await sdk(openid).callFunction({ name: fn, data })
      return (res as { result: any }).result
    },
    async setFunctionEnv(fn, env) {
      const r = await admin<{ ok?: boolean; error?: string }>('/_emulator/env', { function: fn, env })
      if (!r.ok) throw new Error(r.error ?? 'setFunctionEnv failed')
    },
    async setClock(iso) {
      await admin('/_emulator/clock', { now: iso })
    },
    async advance(ms) {
      await admin('/_emulator/clock', { advanceMs: ms })
    },
    trigger: (fn, name) => admin(`/_emulator/trigger/${fn}`, name ? { name } : {}),
    async reset() {
      await server.reset()
      // the reset sets the emulator clock back to the real one: a suite pinned with `now` stays pinned
      if (opts.now) await admin('/_emulator/clock', { now: opts.now })
    },
    async stop() {
      await server.stop()
      if (own) fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
