/**
 * npm run bench:import [-- --rows N] [--baseline-rows M]
 *
 * N person rows (default 1,000,000) in a generated UTF-8 CSV through the real path: the file in the emulator's
 * storage, `exchange.importStart` through callFunction as the admin, then the `continue` timer trigger
 * (POST /_emulator/trigger/exchange) until importStatus says done. The file is written straight into the
 * emulator's storage directory (the emulator's upload endpoint takes 10 MB; CloudBase storage takes GBs): the
 * worker reads it through the storage's temporary URL with Range reads, as in the cloud.
 *
 * Figures: rows per second of the import; peak RSS of this process while importing (it holds the worker AND
 * the emulator with its SQLite store — an upper bound of the worker's own memory); and a baseline in the same
 * run: the idiomatic row-by-row path (for each row: look the person up by idHash, then add it), on M rows.
 * Last line: {"bench":"import","rows":…,"rows_per_s":…,"peak_rss_mb":…,…}.
 */
import fs from 'node:fs'
import path from 'node:path'
import v8 from 'node:v8'
import { startEmulator } from '../helpers/emulator'
import { csvLine } from '../../shared/exchange/csv'
import { PERSON_COLUMNS } from '../../shared/exchange/templates'
import { idCheckChar } from '../../shared/idNumber'
import { protectIdentifiers, idHash } from '../../cloudfunctions/_core/pii'

const arg = (name: string, def: number): number => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : def
}
const N = arg('rows', 1_000_000)
const BASE = Math.min(N, arg('baseline-rows', 2_000))
const NOW = '2026-11-18T10:00:00+08:00'

const headers = PERSON_COLUMNS.map((c) => c.header)
const EDUS = ['本科', '大专', '高中', '初中', '硕士', '中专']
const STATUS = ['失业', '灵活就业', '已就业', '自主创业']

/** Row i: a unique valid ID number (birth day × sequence), a grid of the seed, consistent facts. */
function row(i: number, grids: string[], prefix: string): string[] {
  const day = Math.floor(i / 900)
  const birth = new Date(Date.UTC(1966, 0, 1) + day * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '')
  const first17 = `${prefix}${birth}${String(100 + (i % 900)).padStart(3, '0')}`
  const status = STATUS[i % STATUS.length]
  const registered = status === '失业' && i % 2 === 0
  return [
    `导入${i}`,
    first17 + idCheckChar(first17),
    `13${String(700_000_000 + i).padStart(9, '0')}`,
    prefix,
    grids[i % grids.length],
    EDUS[i % EDUS.length],
    String(1990 + (i % 30)),
    status,
    '2025-06-01',
    registered ? '是' : '否',
    registered ? '2025-06-10' : '',
    registered ? '登记失业人员' : '',
    String(i % 200),
    i % 3 ? '城镇' : '农村',
  ]
}

async function main() {
  const emu = await startEmulator({ seed: { now: new Date(NOW), persons: 200 } })
  await emu.setClock(NOW)
  const db = emu.sdk().database()
  const g = await db
    .collection('grids')
    .where({ regionCode: '370102', level: 'community' })
    .orderBy('_id', 'asc')
    .limit(100)
    .get()
  const grids = (g.data as { _id: string }[]).map((x) => x._id)

  // ---- the file, straight into the emulator's storage
  const cloudPath = `exchange/bench/persons-${N}.csv`
  const file = path.join(emu.dataDir, 'storage', ...cloudPath.split('/'))
  fs.mkdirSync(path.dirname(file), { recursive: true })
  let t0 = performance.now()
  const out = fs.createWriteStream(file)
  out.write('\uFEFF' + csvLine(headers) + '\r\n')
  for (let i = 0; i < N; i += 10_000) {
    const lines: string[] = []
    for (let k = i; k < Math.min(N, i + 10_000); k++) lines.push(csvLine(row(k, grids, '370102')))
    if (!out.write(lines.join('\r\n') + '\r\n')) await new Promise<void>((r) => out.once('drain', () => r()))
  }
  await new Promise<void>((r) => out.end(r))
  const bytes = fs.statSync(file).size
  console.log(
    `file: ${N.toLocaleString()} rows, ${(bytes / 1048576).toFixed(1)} MB generated in ${(performance.now() - t0).toFixed(0)} ms (not part of the figure)`,
  )

  // ---- baseline: row by row (lookup, then add), on BASE rows of another region so both start from empty
  t0 = performance.now()
  for (let i = 0; i < BASE; i++) {
    const r = row(i, grids, '370103')
    const found = await db
      .collection('persons')
      .where({ idHash: idHash(r[1]) })
      .limit(1)
      .get()
    if (!(found.data as unknown[]).length) {
      await db.collection('persons').add({
        name: r[0],
        ...protectIdentifiers(r[1], r[2]),
        hukouRegion: r[3],
        gridCode: r[4],
        education: r[5],
        employmentStatus: r[7],
        socialInsuranceMonths: Number(r[12]),
      })
    }
  }
  const baseMs = performance.now() - t0
  const baseRate = BASE / (baseMs / 1000)
  console.log(
    `baseline (row by row, lookup + add): ${BASE.toLocaleString()} rows in ${baseMs.toFixed(0)} ms → ${baseRate.toFixed(0)} rows/s`,
  )

  // ---- the real path
  if (global.gc) global.gc()
  const heapBefore = process.memoryUsage().heapUsed
  try {
    fs.writeFileSync(`/proc/${process.pid}/clear_refs`, '5') // reset the kernel's peak-RSS mark (VmHWM)
  } catch {
    /* not Linux: the sampled peak still counts */
  }
  let peak = process.memoryUsage().rss
  const before = peak
  let peakHeap = 0
  const sampler = setInterval(() => {
    const m = process.memoryUsage()
    peak = Math.max(peak, m.rss)
    peakHeap = Math.max(peakHeap, m.heapUsed + m.external)
  }, 50)
  const admin = 'o_demo_admin'
  const fileID = `cloud://local.local-1300000000/${cloudPath}`
  await emu.admin('/_emulator/stats/reset', {})
  const cpu0 = process.cpuUsage()
  t0 = performance.now()
  const start = await emu.call(admin, 'exchange', { action: 'importStart', kind: 'persons', fileID })
  if (!start.ok) throw new Error(JSON.stringify(start))
  let status: any
  let triggers = 0
  for (;;) {
    const t = await emu.trigger('exchange', 'continue')
    triggers++
    const r = t.results?.[0]?.result
    if (r && r.ok === false) {
      // a failed run leaves its lease to expire (the function's crash path): move the clock past it
      console.log(`trigger ${triggers}: ${JSON.stringify(r.error)}`)
      if (triggers > 20) throw new Error('the import keeps failing')
      await emu.advance(120_000)
    }
    status = (await emu.call(admin, 'exchange', { action: 'importStatus', jobId: start.data.jobId })).data
    if (status.state === 'done' || status.state === 'failed') break
    process.stderr.write(`\r${status.total.toLocaleString()} rows…`)
  }
  const ms = performance.now() - t0
  const cpu = process.cpuUsage(cpu0)
  clearInterval(sampler)
  // the emulator's own database work (SQLite, indexes, EJSON) happens on CloudBase's servers in production
  const dbMs = (await emu.admin<{ databaseMs: number }>('/_emulator/stats')).databaseMs
  let hwm = 0
  try {
    hwm = Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${process.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024
  } catch {
    hwm = 0
  }
  peak = Math.max(peak, hwm)
  const rate = status.total / (ms / 1000)
  const ownRate = status.total / (Math.max(1, ms - dbMs) / 1000)
  process.stderr.write('\n')
  console.log(
    `import: ${status.state}, ${status.total.toLocaleString()} read, ${status.imported.toLocaleString()} imported, ${status.rejected} rejected in ${(ms / 1000).toFixed(1)} s over ${triggers} trigger runs → ${rate.toFixed(0)} rows/s (${(rate / baseRate).toFixed(1)}× the row-by-row baseline)`,
  )
  console.log(
    `of which the emulator serving the database: ${(dbMs / 1000).toFixed(1)} s (${((100 * dbMs) / ms).toFixed(0)}%); the rest (the function: read, parse, validate, seal, plus the SDK and HTTP hop) ${((ms - dbMs) / 1000).toFixed(1)} s → ${ownRate.toFixed(0)} rows/s without the emulator's database work; CPU of this process ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`,
  )
  console.log(
    `peak RSS of this process (worker + emulator + SQLite) during the import: ${(peak / 1048576).toFixed(0)} MB (${(before / 1048576).toFixed(0)} MB before it started: the import added ${((peak - before) / 1048576).toFixed(0)} MB)`,
  )
  const heapLimit = v8.getHeapStatistics().heap_size_limit
  console.log(
    `peak JS heap + external memory of this process: ${(peakHeap / 1048576).toFixed(0)} MB, under a V8 heap limit of ${(heapLimit / 1048576).toFixed(0)} MB for the whole process (worker and emulator together${process.execArgv.some((a) => a.startsWith('--max-old-space-size')) ? ', set with --max-old-space-size like a function of that memory size' : ''})`,
  )
  if (global.gc) {
    global.gc()
    console.log(
      `JS heap after a full GC: ${(heapBefore / 1048576).toFixed(0)} MB before the import, ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB after it (the rest of the peak is garbage not yet collected and SQLite's cache)`,
    )
  }
  await emu.stop()
  console.log(
    JSON.stringify({
      bench: 'import',
      rows: status.total,
      rows_per_s: Math.round(rate),
      rows_per_s_without_emulator_db: Math.round(ownRate),
      emulator_db_share: Number((dbMs / ms).toFixed(2)),
      peak_rss_mb: Math.round(peak / 1048576),
      peak_heap_mb: Math.round(peakHeap / 1048576),
      heap_limit_mb: Math.round(heapLimit / 1048576),
      baseline_rows_per_s: Math.round(baseRate),
      ratio: Number((rate / baseRate).toFixed(1)),
      imported: status.imported,
      updated: status.updated,
      unchanged: status.unchanged,
      rejected: status.rejected,
      file_mb: Number((bytes / 1048576).toFixed(1)),
      rss_before_mb: Math.round(before / 1048576),
    }),
  )
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
