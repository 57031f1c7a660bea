/**
 * npm run bench:emulator — the local CloudBase emulator under the real SDK, 100,000 documents:
 * indexed query p95 vs the same query on an unindexed field (a full scan, the baseline, measured in the same
 * run), single-document update p95, and runTransaction increments per second (8 concurrent clients).
 *
 * The fixed cost of one trivial SDK request (a one-document read by `_id`), against the floor of this machine: a
 * plain node:http server answering the same request with the emulator's own reply bytes, called by the same SDK,
 * measured in the same run (interleaved in blocks, so load on the machine hits both alike). `floor_ratio` =
 * noop / floor (target ≤ 2).
 * Last line: {"bench":"emulator","docs":…,"indexed_p95_ms":…,"scan_p95_ms":…,"update_p95_ms":…,"tx_per_s":…,
 *   "noop_request_ms":…,"http_floor_ms":…,"floor_ratio":…}
 */
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import tcb from '@cloudbase/node-sdk'
import { startEmulatorServer } from '../../mock/emulator/index'

const DOCS = Number(process.env.BENCH_DOCS ?? 100_000)
const NOOP_REQUESTS = Number(process.env.BENCH_NOOP_REQUESTS ?? 2000)
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
  const server = await startEmulatorServer({
    port: 0,
    dataDir,
    seed: false,
    preloadFunctions: false,
    log: false,
    indexes: { bench: [{ name: 'k', keys: { k: 1 } }], noop: [] },
  })
  try {
    const db = tcb
      .init({ env: 'local', serviceUrl: server.serviceUrl, secretId: 'local', secretKey: 'local' } as never)
      .database()
    const t0 = performance.now()
    const BATCH = 1000
    for (let i = 0; i < DOCS; i += BATCH) {
      const docs = Array.from({ length: Math.min(BATCH, DOCS - i) }, (_, j) => {
        const n = i + j
        return {
          _id: `b${n}`,
          k: n % KEYS,
          u: n % KEYS,
          n: 0,
          name: `岗位${n}`,
          salary: 3000 + (n % 50) * 200,
          tags: [`t${n % 13}`, `t${n % 7}`],
          at: new Date(1_700_000_000_000 + n * 1000),
        }
      })
      await db.collection('bench').add(docs)
    }
    const loadS = (performance.now() - t0) / 1000
    console.log(
      `loaded ${DOCS} documents through the SDK in ${loadS.toFixed(1)} s (${Math.round(DOCS / loadS)} docs/s)`,
    )

    const rnd = (i: number) => (i * 7919) % KEYS
    // ordered, so both queries must find every match (no early stop): the index reads DOCS/KEYS documents,
    // the scan reads all of them
    const page = (field: 'k' | 'u', i: number) =>
      db
        .collection('bench')
        .where({ [field]: rnd(i) })
        .orderBy('salary', 'desc')
        .limit(20)
        .get()
    await timeEach(5, (i) => page('k', i)) // warm-up
    const indexed = await timeEach(200, (i) => page('k', i))
    const check = await db.collection('bench').where({ k: 7 }).limit(1000).get()
    const checkScan = await db.collection('bench').where({ u: 7 }).limit(1000).get()
    if (check.data.length !== DOCS / KEYS || checkScan.data.length !== DOCS / KEYS)
      throw new Error('index and scan disagree')
    const scan = await timeEach(20, (i) => page('u', i))
    console.log(
      `indexed equality query (${DOCS / KEYS} matches, ordered, limit 20): p95 ${round(p95(indexed))} ms (p50 ${round(p50(indexed))})`,
    )
    console.log(
      `same query on an unindexed field (full scan, baseline): p95 ${round(p95(scan))} ms (p50 ${round(p50(scan))})  → ${round(p95(scan) / p95(indexed))}x`,
    )

    const updates = await timeEach(300, (i) =>
      db
        .collection('bench')
        .doc(`b${(i * 104729) % DOCS}`)
        .update({ n: db.command.inc(1), touchedAt: db.serverDate() }),
    )
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
              await t
                .collection('bench')
                .doc(id)
                .update({ n: data.n + 1 })
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
    console.log(
      `runTransaction read+update, ${CLIENTS} concurrent clients: ${Math.round(txPerS)} committed/s (${conflicts} gave up after retries)`,
    )

    const noop = await noopVsFloor(server.serviceUrl, db)
    console.log(
      `one-document read by _id (SDK → emulator): p50 ${noop.noopMs.toFixed(3)} ms; same SDK call → plain node:http server with a fixed reply (floor): p50 ${noop.floorMs.toFixed(3)} ms → ${noop.ratio.toFixed(2)}× the floor (target ≤ 2)`,
    )

    console.log(
      `machine load average ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')} on ${os.cpus().length} cores (p95 is sensitive to it)`,
    )
    console.log(
      JSON.stringify({
        bench: 'emulator',
        docs: DOCS,
        indexed_p95_ms: round(p95(indexed)),
        scan_p95_ms: round(p95(scan)),
        update_p95_ms: round(p95(updates)),
        tx_per_s: Math.round(txPerS),
        noop_request_ms: Math.round(noop.noopMs * 1000) / 1000,
        http_floor_ms: Math.round(noop.floorMs * 1000) / 1000,
        floor_ratio: round(noop.ratio),
      }),
    )
  } finally {
    await server.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

/**
 * p50 of a one-document read by _id through the SDK, against the emulator and against a plain node:http server
 * that answers every request with the emulator's reply to that same read (captured first): the same SDK, the same
 * bytes on the wire, no work behind them.
 */
async function noopVsFloor(
  serviceUrl: string,
  db: ReturnType<ReturnType<typeof tcb.init>['database']>,
): Promise<{ noopMs: number; floorMs: number; ratio: number }> {
  await db.collection('noop').add({ _id: 'the-one', name: '岗位', n: 1 })
  // the emulator's exact reply (same requestId format and length), to serve from the floor server
  const captured = await new Promise<string>((resolve, reject) => {
    const body = JSON.stringify({
      action: 'database.getDocument',
      collectionName: 'noop',
      queryType: 'DOC',
      query: JSON.stringify({ _id: 'the-one' }),
      limit: 1,
      offset: 0,
    })
    const req = http.request(
      serviceUrl,
      { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
  const reply = Buffer.from(captured)
  const floor = http.createServer((req, res) => {
    req.on('data', () => {})
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': reply.length })
      res.end(reply)
    })
  })
  floor.keepAliveTimeout = 65_000
  await new Promise<void>((r) => floor.listen(0, '127.0.0.1', () => r()))
  const floorUrl = `http://127.0.0.1:${(floor.address() as AddressInfo).port}/admin`
  const floorDb = tcb
    .init({ env: 'local', serviceUrl: floorUrl, secretId: 'local', secretKey: 'local' } as never)
    .database()
  const read = (d: typeof db) => d.collection('noop').doc('the-one').get()
  const check = await read(floorDb)
  if ((check.data as { _id: string }[])[0]?._id !== 'the-one')
    throw new Error('floor server reply not understood by the SDK')
  try {
    await timeEach(200, () => read(db))
    await timeEach(200, () => read(floorDb))
    const emu: number[] = []
    const flo: number[] = []
    const BLOCK = 100
    for (let i = 0; i < NOOP_REQUESTS; i += BLOCK) {
      emu.push(...(await timeEach(BLOCK, () => read(db))))
      flo.push(...(await timeEach(BLOCK, () => read(floorDb))))
    }
    const noopMs = p50(emu)
    const floorMs = p50(flo)
    return { noopMs, floorMs, ratio: noopMs / floorMs }
  } finally {
    await new Promise<void>((r) => floor.close(() => r()))
    floor.closeAllConnections()
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
