/**
 * npm run bench:applications [-- --cases N --calls C --residents R]
 *
 * (1) N cases (default 100,000) in `service_applications`, spread over two departments, every status and a year of
 * deadlines; the staff queue (`application.queue`, views unassigned / mine / overdue / done, first page) is timed
 * through callFunction as o_demo_handler sees it. Baseline in the same run: the same queries (same filter, same
 * sort, same page) straight through the SDK against an identical copy of the cases in a collection without
 * indexes, which leaves out the function's own cost, so the ratio is conservative.
 * (2) R residents (default 1,000), each with a complete draft, submit at once, each sending its submit twice with
 * the same requestId: every one must get one receipt, and no case may be submitted twice.
 * Last line: {"bench":"applications","cases","p95_ms","baseline_p95_ms","ratio","duplicates","receipts"}.
 */
import { startEmulator, type TestEmulator } from '../helpers/emulator'
import { p } from '../helpers/trainingBurst'

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`)
  const v = i > 0 ? Number(process.argv[i + 1]) : Number(process.env[`APPLICATION_BENCH_${name.toUpperCase()}`] ?? def)
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : def
}
const CASES = arg('cases', 100_000)
const CALLS = arg('calls', 200)
const RESIDENTS = arg('residents', 1000)
const NOW = Date.parse('2026-11-18T10:00:00+08:00')
const DAY = 86_400_000
const H = 'o_demo_handler'
const iso = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().replace('Z', '+08:00')
const STATUSES = [
  'submitted',
  'underReview',
  'correctionRequested',
  'approved',
  'refused',
  'withdrawn',
  'draft',
] as const
const KINDS = [
  'unemploymentRegistration',
  'employmentRegistration',
  'policy:vocational-training-subsidy',
  'policy:startup-once-subsidy',
  'policy:job-seeking-subsidy',
]

function aCase(i: number) {
  const status = STATUSES[i % STATUSES.length]
  const dept = i % 2 === 0 ? 'dept_370102' : 'dept_370202'
  const submittedAtMs = NOW - (i % 365) * DAY
  const dueAtMs = submittedAtMs + 28 * DAY
  const decided = status === 'approved' || status === 'refused'
  const reviewer = status === 'submitted' || status === 'draft' ? null : i % 3 === 0 ? H : 'o_other_handler'
  return {
    _id: `bench_${String(i).padStart(7, '0')}`,
    kind: KINDS[i % KINDS.length],
    title: '办事',
    personId: `p_bench_${i}`,
    openid: `o_bench_${i}`,
    regionCode: dept === 'dept_370102' ? '370102' : '370202',
    departmentId: status === 'draft' ? null : dept,
    status,
    answers: {},
    attachments: {},
    prefill: [],
    trackingNo: status === 'draft' ? null : `BSB${i}`,
    reviewerOpenid: reviewer,
    createdAt: iso(submittedAtMs),
    createdAtMs: submittedAtMs,
    updatedAtMs: submittedAtMs,
    submittedAt: iso(submittedAtMs),
    submittedAtMs,
    dueAt: iso(dueAtMs),
    dueAtMs,
    decidedAt: decided ? iso(submittedAtMs + 10 * DAY) : null,
    decidedAtMs: decided ? submittedAtMs + 10 * DAY : null,
    seq: 0,
    version: 1,
    ...(decided ? { decision: { outcome: status === 'approved' ? 'approved' : 'refused', onTime: true } } : {}),
  }
}

type Where = object
/** The queue views as the function asks them (cloudfunctions/application/usecases/review.usecase.ts queueQueryOf). */
function views(emu: TestEmulator): { view: string; where: () => Where; field: string; dir: 'asc' | 'desc' }[] {
  const _ = emu.sdk().database().command
  return [
    {
      view: 'unassigned',
      where: () => ({ status: 'submitted', departmentId: 'dept_370102', reviewerOpenid: null }),
      field: 'dueAtMs',
      dir: 'asc',
    },
    {
      view: 'mine',
      where: () => ({
        status: _.in(['underReview', 'correctionRequested']),
        departmentId: 'dept_370102',
        reviewerOpenid: H,
      }),
      field: 'dueAtMs',
      dir: 'asc',
    },
    {
      view: 'overdue',
      where: () =>
        _.and([
          { status: _.in(['submitted', 'underReview']), departmentId: 'dept_370102' },
          { dueAtMs: _.lte(NOW - 1) },
        ]),
      field: 'dueAtMs',
      dir: 'asc',
    },
    {
      view: 'done',
      where: () => ({ status: _.in(['approved', 'refused']), departmentId: 'dept_370102' }),
      field: 'decidedAtMs',
      dir: 'desc',
    },
  ]
}

async function timed(n: number, f: (i: number) => Promise<void>): Promise<number[]> {
  const out: number[] = []
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    await f(i)
    out.push(performance.now() - t)
  }
  return out
}

async function burst(emu: TestEmulator) {
  const store = emu.server.store()
  store.db.transaction(() => {
    for (let i = 0; i < RESIDENTS; i++) {
      const personId = `p_burst_${i}`
      const openid = `o_burst_${i}`
      store.put(
        'persons',
        personId,
        {
          _id: personId,
          name: `居民${i}`,
          residenceRegion: '370102',
          gridCode: '370102001-01',
          employmentStatus: 'unemployed',
          registeredUnemployed: true,
          keyGroups: ['registeredUnemployed'],
        } as never,
        false,
      )
      store.put(
        'users',
        openid,
        { _id: openid, roles: ['resident'], personId, createdAt: iso(NOW), updatedAt: iso(NOW) } as never,
        false,
      )
      store.put(
        'service_applications',
        `a_burst_${i}`,
        {
          _id: `a_burst_${i}`,
          kind: 'employmentRegistration',
          title: '就业登记',
          policyId: null,
          personId,
          openid,
          regionCode: '370102',
          streetCode: null,
          gridCode: '370102001-01',
          departmentId: null,
          status: 'draft',
          answers: { employmentType: 'employed', employedSince: '2026-11-10', jobTitle: '电工' },
          attachments: { idCard: ['cloud://local/bench/id.png'], contract: ['cloud://local/bench/contract.png'] },
          prefill: [
            {
              key: 'name',
              label: '姓名',
              value: `居民${i}`,
              display: `居民${i}`,
              source: 'register',
              sourceLabel: '就业登记信息（人社部门）',
            },
          ],
          trackingNo: null,
          reviewerOpenid: null,
          createdAt: iso(NOW),
          createdAtMs: NOW,
          updatedAtMs: NOW,
          seq: 0,
          version: 1,
        } as never,
        false,
      )
    }
  })()
  const answers: { i: number; r: { ok: boolean; data?: { trackingNo: string } } }[] = []
  const t0 = performance.now()
  await Promise.all(
    Array.from({ length: RESIDENTS }, async (_v, i) => {
      const requestId = `req-burst-submit-${i}`
      const call = () =>
        emu.call(`o_burst_${i}`, 'application', {
          action: 'submit',
          applicationId: `a_burst_${i}`,
          requestId,
          declaration: true,
        })
      const [a, b] = await Promise.all([call(), call()])
      answers.push({ i, r: a }, { i, r: b })
    }),
  )
  const totalMs = performance.now() - t0
  const byResident = new Map<number, Set<string>>()
  for (const { i, r } of answers)
    if (r.ok && r.data) byResident.set(i, (byResident.get(i) ?? new Set()).add(r.data.trackingNo))
  const receipts = [...byResident.values()].filter((s) => s.size >= 1).length
  const _ = emu.sdk().database().command
  let submitEvents = 0
  for (let c = 0; c < RESIDENTS; c += 100) {
    const ids = Array.from({ length: Math.min(100, RESIDENTS - c) }, (_v, k) => `a_burst_${c + k}`)
    submitEvents += Number(
      (
        await emu
          .sdk()
          .database()
          .collection('service_application_events')
          .where({ applicationId: _.in(ids), step: 'submit' })
          .count()
      ).total,
    )
  }
  const twoAnswers = [...byResident.values()].filter((s) => s.size > 1).length
  const duplicates = Math.max(0, submitEvents - receipts) + twoAnswers
  return { receipts, duplicates, totalMs, failed: answers.filter((a) => !a.r.ok).length }
}

async function main() {
  process.env.ZJ_LOG = process.env.ZJ_LOG ?? 'silent'
  const emu = await startEmulator({ seed: { now: new Date(NOW) }, indexes: { service_applications_noindex: [] } })
  try {
    await emu.setClock(iso(NOW))
    const store = emu.server.store()
    const t0 = performance.now()
    for (let b = 0; b < CASES; b += 5000) {
      store.db.transaction(() => {
        for (let i = b; i < Math.min(CASES, b + 5000); i++) {
          const doc = aCase(i)
          store.put('service_applications', doc._id, doc as never, false)
          store.put('service_applications_noindex', doc._id, doc as never, false)
        }
      })()
    }
    store.db.pragma('wal_checkpoint(TRUNCATE)')
    console.log(
      `data: ${store.count('service_applications').toLocaleString()} cases (and an unindexed copy) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    )

    const vs = views(emu)
    // warm the function and the SDK
    for (let i = 0; i < 20; i++) await emu.call(H, 'application', { action: 'queue', view: vs[i % vs.length].view })
    const fnLat = await timed(CALLS, async (i) => {
      const r = await emu.call(H, 'application', { action: 'queue', view: vs[i % vs.length].view })
      if (!r.ok) throw new Error('queue failed: ' + JSON.stringify(r.error))
    })
    const db = emu.sdk().database()
    const query = (coll: string, v: (typeof vs)[number]) =>
      db
        .collection(coll)
        .where(v.where() as never)
        .orderBy(v.field, v.dir)
        .orderBy('_id', 'asc')
        .limit(21)
        .get()
    const idxLat = await timed(CALLS, async (i) => {
      await query('service_applications', vs[i % vs.length])
    })
    // each view on its own (first page through the SDK): where the time goes
    for (const v of vs) {
      const lat = await timed(Math.max(5, Math.round(CALLS / 10)), async () => {
        await query('service_applications', v)
      })
      console.log(`  view ${v.view.padEnd(10)} p50 ${p(lat, 50).toFixed(1)} ms, p95 ${p(lat, 95).toFixed(1)} ms`)
    }
    const baseCalls = Math.max(8, Math.min(CALLS, 40))
    const baseLat = await timed(baseCalls, async (i) => {
      await query('service_applications_noindex', vs[i % vs.length])
    })
    const p95 = p(fnLat, 95),
      baseline = p(baseLat, 95)
    console.log(
      `queue through callFunction (indexed): p50 ${p(fnLat, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms over ${CALLS} calls (target p95 ≤ 50 ms)`,
    )
    console.log(
      `same queries through the SDK, indexed: p95 ${p(idxLat, 95).toFixed(1)} ms; without an index (baseline): p50 ${p(baseLat, 50).toFixed(1)} ms, p95 ${baseline.toFixed(1)} ms over ${baseCalls} queries`,
    )

    const b = await burst(emu)
    console.log(
      `submit burst: ${RESIDENTS} residents at once, each submit sent twice with its requestId → ${b.receipts} receipts, ${b.duplicates} duplicates, ${b.failed} failed answers, ${b.totalMs.toFixed(0)} ms total`,
    )
    console.log(
      JSON.stringify({
        bench: 'applications',
        cases: CASES,
        p95_ms: Math.round(p95 * 10) / 10,
        baseline_p95_ms: Math.round(baseline * 10) / 10,
        ratio: Math.round((baseline / p95) * 10) / 10,
        duplicates: b.duplicates,
        receipts: b.receipts,
      }),
    )
  } finally {
    await emu.stop()
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
