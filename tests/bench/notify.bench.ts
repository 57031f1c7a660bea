/**
 * npm run bench:notify — sustained subscription messages per second through the real code path: the notify
 * dispatcher use case in its own process (as a cloud function instance would be) → the emulator's database
 * through @cloudbase/node-sdk → our WeChat client → the WeChat double, with the configured rate limit lifted.
 *
 * 10,000 queued notifications, every recipient with consent. Figures: messages/s over the dispatch passes,
 * p95 per message (claim held → consent spent → 'sending' recorded → WeChat accepted → 'sent' recorded, from
 * dispatch_attempts), and duplicates counted in what the double accepted (by the key carried in `page`).
 * Baseline, measured in the same run: the same dispatcher sending one message at a time (concurrency 1,
 * no pipelining) — what a plain sequential send loop over the outbox achieves.
 * Last line: {"bench":"notify","messages":…,"msg_per_s":…,"p95_ms":…,"duplicates":…}
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import tcb from '@cloudbase/node-sdk'
import { startEmulatorServer } from '../../mock/emulator/index'
import { buildLoad, seedOutboxLoad } from '../helpers/notifyDispatchWorker'

const MESSAGES = Number(process.env.BENCH_NOTIFY_MESSAGES ?? 10_000)
const BASELINE_MESSAGES = Number(process.env.BENCH_NOTIFY_BASELINE ?? 1_000)
const CONCURRENCY = Number(process.env.BENCH_NOTIFY_CONCURRENCY ?? 32)
const PIPELINE = Number(process.env.BENCH_NOTIFY_PIPELINE ?? 3)
const BATCH = Number(process.env.BENCH_NOTIFY_BATCH ?? 500)
const WORKER = path.join(__dirname, '..', 'helpers', 'notifyDispatchWorker.ts')

interface Pass {
  pass: number
  claimed: number
  sent: number
  durationMs: number
}

function runWorker(env: Record<string, string>): Promise<Pass[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
      env: { ...process.env, ZJ_LOG: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout.on('data', (c: Buffer) => (out += c.toString()))
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`worker exited ${code}`))
      resolve(
        out
          .split('\n')
          .filter((l) => l.startsWith('{'))
          .map((l) => JSON.parse(l) as Pass),
      )
    })
  })
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : 0
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-bench-notify-'))
  process.env.ZJ_LOG = 'silent'
  const server = await startEmulatorServer({
    port: 0,
    dataDir,
    seed: false,
    preloadFunctions: false,
    scheduler: false,
    log: false,
  })
  const app = tcb.init({ env: 'local', serviceUrl: server.serviceUrl, secretId: 'local', secretKey: 'local' } as never)
  const db = app.database()

  async function runOnce(prefix: string, messages: number, concurrency: number, pipeline: number) {
    const load = buildLoad({ messages, perOpenid: 10, consentShare: 1, prefix, nowMs: server.now().getTime() })
    await seedOutboxLoad(app as never, server.url, load, 10)
    const passes = await runWorker({
      NOTIFY_WORKER_CONCURRENCY: String(concurrency),
      NOTIFY_WORKER_PIPELINE: String(pipeline),
      NOTIFY_WORKER_BATCH: String(BATCH),
      NOTIFY_RATE_PER_SEC: '0',
    })
    const sent = passes.reduce((a, p) => a + p.sent, 0)
    const ms = passes.reduce((a, p) => a + p.durationMs, 0)
    // per-message latency from the attempts the dispatcher recorded
    const durations: number[] = []
    for (let skip = 0; ; skip += 1000) {
      const res = await db
        .collection('dispatch_attempts')
        .where({ key: db.RegExp({ regexp: `^${prefix}:` }), outcome: 'sent' })
        .skip(skip)
        .limit(1000)
        .get()
      const rows = res.data as { durationMs: number }[]
      durations.push(...rows.map((r) => r.durationMs))
      if (rows.length < 1000) break
    }
    return {
      sent,
      msgPerS: sent / (ms / 1000),
      p95: pct(durations, 95),
      p50: pct(durations, 50),
      passes: passes.length,
    }
  }

  const baseline = await runOnce('bl', BASELINE_MESSAGES, 1, 1)
  console.log(
    `baseline (one at a time): ${baseline.sent} messages, ${baseline.msgPerS.toFixed(1)} msg/s, p50 ${baseline.p50} ms, p95 ${baseline.p95} ms`,
  )
  const run = await runOnce('bn', MESSAGES, CONCURRENCY, PIPELINE)
  console.log(
    `dispatcher (concurrency ${CONCURRENCY}, ${PIPELINE} waves pipelined, batches of ${BATCH}, rate limit lifted): ${run.sent} messages in ${run.passes} pass(es), ${run.msgPerS.toFixed(1)} msg/s, p50 ${run.p50} ms, p95 ${run.p95} ms`,
  )

  const accepted = (
    (await (await fetch(`${server.url}/_emulator/wechat/messages`)).json()) as { items: { page: string | null }[] }
  ).items
  const perKey = new Map<string, number>()
  for (const m of accepted) {
    const k = new URLSearchParams((m.page ?? '').split('?')[1] ?? '').get('k') ?? ''
    perKey.set(k, (perKey.get(k) ?? 0) + 1)
  }
  const duplicates = [...perKey.values()].reduce((a, n) => a + Math.max(0, n - 1), 0)
  const missing = MESSAGES + BASELINE_MESSAGES - perKey.size
  console.log(
    `WeChat double accepted ${accepted.length} messages for ${perKey.size} keys; duplicates ${duplicates}; not delivered ${missing}`,
  )
  console.log(`speed-up over one at a time: ×${(run.msgPerS / baseline.msgPerS).toFixed(1)}`)

  await server.stop()
  fs.rmSync(dataDir, { recursive: true, force: true })
  console.log(
    JSON.stringify({
      bench: 'notify',
      messages: run.sent,
      msg_per_s: Math.round(run.msgPerS * 10) / 10,
      p95_ms: run.p95,
      duplicates,
    }),
  )
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e)
    process.exit(1)
  },
)
