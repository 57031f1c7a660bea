/**
 * npm run bench:monitor [-- --persons N --postings M --feedback K --calls C]
 *
 * 就业监测 at province scale (defaults: 1,000,000 persons, 100,000 postings, 100,000 feedback items), against the
 * local emulator through the real SDK:
 * 1. The database: the project seed with N persons (clock and seed date pinned), topped up to M postings with the
 *    seed's generator and K feedback items spread over the districts; built once per size and seed version and
 *    kept in the temp folder (`zhijiu-monitor-bench/`), later runs copy it. MONITOR_BENCH_REBUILD=1 rebuilds.
 * 2. The daily snapshot: the timer trigger fired until the day's run is done (each invocation within its time
 *    budget, as in production); reported as seconds per million persons.
 * 3. `monitor.overview` from the snapshots through callFunction, C calls over a mix of regions (the province,
 *    every city, districts, streets), timed as a client sees it.
 * 4. The honest baseline in the same run: the same figures counted from the records at request time, for the same
 *    regions (every 4th call of the mix): the very aggregation the snapshot job runs (`regionFigures`: the region
 *    and its children, `aggregate` on the indexes), called from this process through the SDK without a function
 *    invocation, so the ratio is conservative. (The product's own live path, `source: 'live'`, is bounded to a
 *    district or a street; a city or the province live takes seconds to minutes at this size.)
 * Last line: {"bench":"monitor","persons":…,"p95_ms":…,"live_p95_ms":…,"ratio":…,"snapshot_s_per_million":…}
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startEmulator, type TestEmulator } from '../helpers/emulator'
import { generateJobPostings } from '../../mock/seed/job.seed'
import { DISTRICTS } from '../../mock/seed/base/divisions'
import { createRandom, intBetween, pick } from '../../shared/random'
import { cstMonthOf } from '../../shared/monitor/indicators'
import tcb from '@cloudbase/node-sdk'
import { resetCloudApp } from '../../cloudfunctions/_core/app'
import { regionFigures } from '../../cloudfunctions/monitor/services/figures.service'
import type { RegionDoc } from '../../cloudfunctions/monitor/repositories/region.repository'

const arg = (name: string, def: number): number => {
  const i = process.argv.indexOf(`--${name}`)
  const v = i > 0 ? Number(process.argv[i + 1]) : Number(process.env[`MONITOR_BENCH_${name.toUpperCase()}`] ?? def)
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : def
}
const PERSONS = arg('persons', 1_000_000)
const POSTINGS = arg('postings', 100_000)
const FEEDBACK = arg('feedback', 100_000)
const CALLS = arg('calls', 200)
const NOW = '2026-06-15T10:00:00+08:00'
const DAY = 86_400_000

const pct = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length ? s[Math.min(s.length - 1, Math.ceil((q / 100) * s.length) - 1)] : NaN
}
const r1 = (x: number) => Math.round(x * 10) / 10

function cacheKey(): string {
  const h = createHash('sha256')
  for (const f of [
    'mock/seed/index.ts',
    'mock/seed/base/persons.ts',
    'mock/seed/job.seed.ts',
    'cloudfunctions/database.json',
    'tests/bench/monitor.bench.ts',
  ]) {
    h.update(fs.readFileSync(path.join(__dirname, '..', '..', f)))
  }
  return `${PERSONS}-${POSTINGS}-${FEEDBACK}-${h.digest('hex').slice(0, 12)}`
}

/** Feedback items of this month and the last, in every district, with replies on time or late, some rated. */
function feedbackDocs(count: number, start: number, r: () => number, nowMs: number): Record<string, unknown>[] {
  const districts = DISTRICTS.filter((d) => d.kind === 'county')
  const out: Record<string, unknown>[] = []
  for (let i = 0; i < count; i++) {
    const n = start + i
    const d = pick(r, districts)
    const createdAtMs = nowMs - intBetween(r, 0, 40) * DAY - intBetween(r, 0, DAY - 1)
    const dueAtMs = createdAtMs + 10 * DAY
    const replied = r() < 0.7
    const firstRepliedAtMs = replied ? createdAtMs + intBetween(r, 1, 13) * DAY : null
    const status = !replied
      ? pick(r, ['submitted', 'accepted', 'assigned'] as const)
      : pick(r, ['replied', 'resolved', 'closed'] as const)
    out.push({
      _id: `bfb${String(n).padStart(7, '0')}`,
      trackingNo: `BENCH${String(n).padStart(9, '0')}`,
      category: 'consultation',
      content: '咨询',
      regionCode: d.code,
      departmentId: `dept_${d.code}`,
      month: cstMonthOf(createdAtMs),
      status,
      createdAtMs,
      dueAtMs,
      acceptDueAtMs: createdAtMs + DAY,
      firstRepliedAtMs,
      rating: status === 'closed' ? { score: intBetween(r, 1, 5) } : null,
    })
  }
  return out
}

async function prepareData(): Promise<{ dataDir: string; built: boolean }> {
  const cacheDir = path.join(os.tmpdir(), 'zhijiu-monitor-bench')
  fs.mkdirSync(cacheDir, { recursive: true })
  const cached = path.join(cacheDir, `${cacheKey()}.sqlite`)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-monitor-bench-'))
  const db = path.join(dataDir, 'emulator.sqlite')
  if (fs.existsSync(cached) && process.env.MONITOR_BENCH_REBUILD !== '1') {
    fs.copyFileSync(cached, db)
    return { dataDir, built: false }
  }
  const emu = await startEmulator({ dataDir, seed: { persons: PERSONS, now: new Date(NOW) } })
  try {
    const store = emu.server.store()
    const now = new Date(NOW)
    const districts = DISTRICTS.map((d) => ({
      code: d.code,
      name: d.name,
      cityCode: d.cityCode,
      cityName: d.cityName,
      lat: d.lat,
      lng: d.lng,
    }))
    const random = createRandom(20261203)
    const extra = Math.max(0, POSTINGS - store.count('jobs'))
    for (let done = 0; done < extra; done += 5000) {
      const batch = generateJobPostings({
        count: Math.min(5000, extra - done),
        districts,
        random,
        now,
        startIndex: 900_000 + done,
        demo: false,
      })
      store.db.transaction(() => {
        for (const doc of batch) store.put('jobs', doc._id, doc as never, false)
      })()
    }
    const fb = Math.max(0, FEEDBACK - store.count('feedback'))
    for (let done = 0; done < fb; done += 5000) {
      const batch = feedbackDocs(Math.min(5000, fb - done), done, random, now.getTime())
      store.db.transaction(() => {
        for (const doc of batch) store.put('feedback', doc._id as string, doc as never, false)
      })()
    }
    store.db.pragma('wal_checkpoint(TRUNCATE)')
  } finally {
    await emu.stop()
  }
  for (const f of fs.readdirSync(cacheDir)) fs.rmSync(path.join(cacheDir, f), { force: true })
  fs.copyFileSync(db, `${cached}.tmp`)
  fs.renameSync(`${cached}.tmp`, cached)
  return { dataDir, built: true }
}

async function timeCalls(emu: TestEmulator, regions: string[], extra: Record<string, unknown>): Promise<number[]> {
  const lat: number[] = []
  for (const regionCode of regions) {
    const t = performance.now()
    const r = await emu.call('o_demo_admin', 'monitor', { action: 'overview', regionCode, ...extra })
    lat.push(performance.now() - t)
    if (!r?.ok) throw new Error(`overview ${regionCode}: ${JSON.stringify(r?.error)}`)
  }
  return lat
}

async function main() {
  process.env.ZJ_LOG = process.env.ZJ_LOG ?? 'silent'
  const t0 = performance.now()
  const { dataDir, built } = await prepareData()
  const emu = await startEmulator({ dataDir })
  try {
    await emu.setClock(NOW)
    const store = emu.server.store()
    console.log(
      `data: ${store.count('persons').toLocaleString()} persons, ${store.count('jobs').toLocaleString()} postings, ${store.count('feedback').toLocaleString()} feedback items (${built ? 'built' : 'copied from the cache'} in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    )

    // ---- the snapshot job, invocation by invocation as the timer would run it
    const ts = performance.now()
    let invocations = 0
    for (;;) {
      const r = (await emu.trigger('monitor', 'snapshot')).results[0].result
      invocations++
      if (!r.ok) throw new Error(`snapshot: ${JSON.stringify(r.error)}`)
      if (r.data.runs.every((x: { state: string }) => x.state === 'done')) break
      if (invocations > 500) throw new Error('snapshot did not finish')
    }
    const snapshotS = (performance.now() - ts) / 1000
    const perMillion = snapshotS / (store.count('persons') / 1e6)
    console.log(
      `snapshot: ${snapshotS.toFixed(1)} s in ${invocations} invocation(s) → ${perMillion.toFixed(1)} s per million persons`,
    )

    // ---- the region mix: the province, every city, districts and streets
    const regions = store.all('regions') as unknown as (RegionDoc & { _id: string })[]
    const byLevel = (l: string) =>
      regions
        .filter((x) => x.level === l)
        .map((x) => x._id)
        .sort()
    const pool = [
      ...byLevel('province'),
      ...byLevel('city'),
      ...byLevel('district').filter((_, i) => i % 3 === 0),
      ...byLevel('street').filter((_, i) => i % 40 === 0),
    ]
    const mix = Array.from({ length: CALLS }, (_, i) => pool[i % pool.length])
    await timeCalls(emu, mix.slice(0, 10), {}) // warm the function instance
    const snap = await timeCalls(emu, mix, {})
    const liveMix = mix.filter((_, i) => i % 4 === 0)
    const byCode = new Map(regions.map((x) => [x._id, x]))
    const childrenOf = new Map<string, RegionDoc[]>()
    for (const x of regions) if (x.parent) childrenOf.set(x.parent, [...(childrenOf.get(x.parent) ?? []), x])
    const month = cstMonthOf(Date.parse(NOW))
    // counting a city or the province from the records takes longer than the SDK's default 15 s request timeout
    // at this size: give this process's SDK app (the one regionFigures uses) a timeout of 10 minutes
    const init = tcb.init.bind(tcb)
    ;(tcb as { init: typeof tcb.init }).init = ((cfg: Parameters<typeof tcb.init>[0]) =>
      init({ ...cfg, timeout: 600_000 } as never)) as typeof tcb.init
    resetCloudApp()
    const live: number[] = []
    for (const code of liveMix) {
      const t = performance.now()
      await regionFigures(
        byCode.get(code)!,
        (childrenOf.get(code) ?? []).sort((a, b) => a.code.localeCompare(b.code)),
        month,
        Date.parse(NOW),
      )
      live.push(performance.now() - t)
    }
    const p95 = pct(snap, 95)
    const liveP95 = pct(live, 95)
    console.log(
      `overview from snapshots: ${snap.length} calls, p50 ${pct(snap, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, p99 ${pct(snap, 99).toFixed(1)} ms`,
    )
    console.log(
      `same figures counted live: ${live.length} calls, p50 ${pct(live, 50).toFixed(1)} ms, p95 ${liveP95.toFixed(1)} ms (the province alone: ${r1(Math.max(...live.filter((_, i) => liveMix[i] === '370000')))} ms)`,
    )
    console.log(`ratio live / snapshot at p95: ${(liveP95 / p95).toFixed(1)}×`)
    console.log(
      JSON.stringify({
        bench: 'monitor',
        persons: store.count('persons'),
        p95_ms: r1(p95),
        live_p95_ms: r1(liveP95),
        ratio: r1(liveP95 / p95),
        snapshot_s_per_million: r1(perMillion),
      }),
    )
  } finally {
    await emu.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
