/**
 * npm run bench:emulator — the local CloudBase emulator under the real SDK, 100,000 documents:
 * indexed query p95 vs the same query on an unindexed field (a full scan, the baseline, measured in the same
 * run), single-document update p95, and runTransaction increments per second (8 concurrent clients).
 * Last line: {"bench":"emulator","docs":…,"indexed_p95_ms":…,"scan_p95_ms":…,"update_p95_ms":…,"tx_per_s":…}
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import tcb from '@cloudbase/node-sdk'
import { startEmulatorServer } from '../../mock/emulator/index'

const DOCS = Number(process.env.BENCH_DOCS ?? 100_000)
const KEYS = 1000 // each key value is shared by DOCS / KEYS documents

const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]
}
const round = (x: number) => Math.round(x * 100) / 100
const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

async function timeEach(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = []
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    await fn(i)
    out.push(performance.now() - t)
  }
  return out
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-emu-bench-'))
  const server = await startEmulatorServer({ port: 0, dataDir, seed: false, preloadFunctions: false, log: false, indexes: { bench: [{ name: 'k', keys: { k: 1 } }] } })
  try {
    const db = tcb.init({ env: 'local', serviceUrl: server.serviceUrl, secretId: 'local', secretKey: 'local' } as never).database()
    const t0 = performance.now()
    const BATCH = 1000
    for (let i = 0; i < DOCS; i += BATCH) {
      const docs = Array.from({ length: Math.min(BATCH, DOCS - i) }, (_, j) => {
        const n = i + j
        return { _id: `b${n}`, k: n % KEYS, u: n % KEYS, n: 0, name: `岗位${n}`, salary: 3000 + (n % 50) * 200, tags: [`t${n % 13}`, `t${n % 7}`], at: new Date(1_700_000_000_000 + n * 1000) }
      })
      await db.collection('bench').add(docs)
    }
    const loadS = (performance.now() - t0) / 1000
    console.log(`loaded ${DOCS} documents through the SDK in ${loadS.toFixed(1)} s (${Math.round(DOCS / loadS)} docs/s)`)

    const rnd = (i: number) => (i * 7919) % KEYS
    // ordered, so both queries must find every match (no early stop): the index reads DOCS/KEYS documents,
    // the scan reads all of them
    const page = (field: 'k' | 'u', i: number) => db.collection('bench').where({ [field]: rnd(i) }).orderBy('salary', 'desc').limit(20).get()
    await timeEach(5, (i) => page('k', i)) // warm-up
    const indexed = await timeEach(200, (i) => page('k', i))
    const check = await db.collection('bench').where({ k: 7 }).limit(1000).get()
    const checkScan = await db.collection('bench').where({ u: 7 }).limit(1000).get()
    if (check.data.length !== DOCS / KEYS || checkScan.data.length !== DOCS / KEYS) throw new Error('index and scan disagree')
    const scan = await timeEach(20, (i) => page('u', i))
    console.log(`indexed equality query (${DOCS / KEYS} matches, ordered, limit 20): p95 ${round(p95(indexed))} ms (p50 ${round(p50(indexed))})`)
    console.log(`same query on an unindexed field (full scan, baseline): p95 ${round(p95(scan))} ms (p50 ${round(p50(scan))})  → ${round(p95(scan) / p95(indexed))}x`)

    const updates = await timeEach(300, (i) => db.collection('bench').doc(`b${(i * 104729) % DOCS}`).update({ n: db.command.inc(1), touchedAt: db.serverDate() }))
    console.log(`single-document update by id: p95 ${round(p95(updates))} ms (p50 ${round(p50(updates))})`)

    const CLIENTS = 8
    const DURATION_MS = 3000
    let committed = 0
    let conflicts = 0
    const until = performance.now() + DURATION_MS
    const started = performance.now()
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, c) => {
        let i = 0
        while (performance.now() < until) {
          const id = `b${(c * 1_000_003 + i++ * 31) % 200}` // 200 hot documents: some contention
          try {
            await db.runTransaction(async (t: { collection(n: string): any }) => {
              const { data } = await t.collection('bench').doc(id).get()
              await t.collection('bench').doc(id).update({ n: data.n + 1 })
            }, 5)
            committed++
          } catch (e) {
            if ((e as { code?: string }).code !== 'DATABASE_TRANSACTION_CONFLICT') throw e
            conflicts++
          }
        }
      }),
    )
    const txPerS = committed / ((performance.now() - started) / 1000)
    console.log(`runTransaction read+update, ${CLIENTS} concurrent clients: ${Math.round(txPerS)} committed/s (${conflicts} gave up after retries)`)

    console.log(`machine load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} on ${os.cpus().length} cores (p95 is sensitive to it)`)
    console.log(JSON.stringify({ bench: 'emulator', docs: DOCS, indexed_p95_ms: round(p95(indexed)), scan_p95_ms: round(p95(scan)), update_p95_ms: round(p95(updates)), tx_per_s: Math.round(txPerS) }))
  } finally {
    await server.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
