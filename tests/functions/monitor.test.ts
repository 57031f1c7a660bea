/**
 * 就业监测: every indicator against a hand-counted world (tests/functions/monitorFixtures.ts), the children-sum
 * rule, region scope, a re-run that changes nothing, a crash mid-snapshot that resumes without gap or double
 * count, China-time month boundaries, and the policy funnel lighting up once service applications exist.
 * Clock pinned; the seed is our own fixture (no project seed).
 */
import { startEmulator, type TestEmulator } from '../helpers/emulator'
import { INDICATORS } from '../../shared/monitor/indicators'
import type { OverviewAnswer } from '../../shared/monitor/views'
import {
  ADMIN,
  anApplication,
  GRID,
  HANDLER,
  insert,
  NOW,
  POLICY,
  POLICY2,
  RESIDENT,
  seedWorld,
} from './monitorFixtures'

jest.setTimeout(120_000)
let emu: TestEmulator
/** The snapshots after the first run, to compare re-runs against. */
let before: Record<string, unknown>[]

beforeAll(async () => {
  emu = await startEmulator({ seed: false, now: NOW })
  await seedWorld(emu)
})
afterAll(async () => {
  await emu?.stop()
})

const snapshot = async () => (await emu.trigger('monitor', 'snapshot')).results[0].result
const overview = async (regionCode?: string, extra: Record<string, unknown> = {}, who = ADMIN) =>
  emu.call(who, 'monitor', { action: 'overview', ...(regionCode ? { regionCode } : {}), ...extra })
const values = (a: OverviewAnswer) => Object.fromEntries(a.indicators.map((i) => [i.key, i.value]))
async function readSnapshots(): Promise<Record<string, unknown>[]> {
  const db = emu.sdk().database()
  const res = await db.collection('monitor_snapshots').where({}).orderBy('_id', 'asc').limit(1000).get()
  return res.data as Record<string, unknown>[]
}
async function untilDone(): Promise<void> {
  for (let i = 0; i < 20; i++) {
    const r = await snapshot()
    if (r.ok && r.data.runs.every((x: { state: string }) => x.state === 'done')) return
  }
  throw new Error('snapshot did not finish')
}

// Hand-counted (see monitorFixtures.ts): per region, the figures of June 2026 as of 15 June 10:00.
const EXPECTED: Record<string, Record<string, number | null>> = {
  '370000': {
    registeredUnemployed: 4,
    newUnemploymentRegistrations: 2,
    activePostings: 40,
    activePostingCount: 3,
    jobSeekers: 5,
    demandSupplyRatio: 8,
    policyEligible: 4,
    policyTold: 2,
    policyApplied: 0,
    policyApproved: 0,
    trainingSeats: 30,
    trainingFilled: 12,
    trainingFillRate: 0.4,
    trainingCertificates: 2,
    trainingCompletions: 3,
    feedbackVolume: 4,
    feedbackOnTimeRate: 0.5,
    feedbackResolvedRate: 0.5,
    feedbackSatisfactionRate: 0.5,
    feedbackOverdue: 2,
    visitAssigned: 4,
    visitCoverage: 0.5,
    visitOverdue: 1,
    pushQueued: 5,
    pushDelivered: 1,
    pushDeliveryRate: 0.2,
    pushRefused: 1,
    pushFailed: 2,
    pushPending: 1,
    pushFallbacks: 3,
  },
  '370100': {
    registeredUnemployed: 3,
    newUnemploymentRegistrations: 1,
    activePostings: 30,
    activePostingCount: 2,
    jobSeekers: 4,
    demandSupplyRatio: 7.5,
    policyEligible: 3,
    policyTold: 1,
    policyApplied: 0,
    policyApproved: 0,
    trainingSeats: 30,
    trainingFilled: 12,
    trainingFillRate: 0.4,
    trainingCertificates: 2,
    trainingCompletions: 3,
    feedbackVolume: 3,
    feedbackOnTimeRate: 0.3333,
    feedbackResolvedRate: 0.3333,
    feedbackSatisfactionRate: 1,
    feedbackOverdue: 2,
    visitAssigned: 3,
    visitCoverage: 0.3333,
    visitOverdue: 1,
    pushQueued: 4,
    pushDelivered: 1,
    pushDeliveryRate: 0.25,
    pushRefused: 1,
    pushFailed: 1,
    pushPending: 1,
    pushFallbacks: 2,
  },
  '370102': {
    registeredUnemployed: 2,
    newUnemploymentRegistrations: 1,
    activePostings: 30,
    activePostingCount: 2,
    jobSeekers: 3,
    demandSupplyRatio: 10,
    policyEligible: 2,
    policyTold: 1,
    policyApplied: 0,
    policyApproved: 0,
    trainingSeats: 30,
    trainingFilled: 12,
    trainingFillRate: 0.4,
    trainingCertificates: 2,
    trainingCompletions: 3,
    feedbackVolume: 3,
    feedbackOnTimeRate: 0.3333,
    feedbackResolvedRate: 0.3333,
    feedbackSatisfactionRate: 1,
    feedbackOverdue: 2,
    visitAssigned: 2,
    visitCoverage: 0.5,
    visitOverdue: 1,
    pushQueued: 3,
    pushDelivered: 1,
    pushDeliveryRate: 0.3333,
    pushRefused: 1,
    pushFailed: 0,
    pushPending: 1,
    pushFallbacks: 1,
  },
  '370103': {
    registeredUnemployed: 1,
    newUnemploymentRegistrations: 0,
    activePostings: 0,
    activePostingCount: 0,
    jobSeekers: 1,
    demandSupplyRatio: 0,
    policyEligible: 1,
    policyTold: 0,
    policyApplied: 0,
    policyApproved: 0,
    trainingSeats: 0,
    trainingFilled: 0,
    trainingFillRate: null,
    trainingCertificates: 0,
    trainingCompletions: 0,
    feedbackVolume: 0,
    feedbackOnTimeRate: null,
    feedbackResolvedRate: null,
    feedbackSatisfactionRate: null,
    feedbackOverdue: 0,
    visitAssigned: 1,
    visitCoverage: 0,
    visitOverdue: 0,
    pushQueued: 1,
    pushDelivered: 0,
    pushDeliveryRate: 0,
    pushRefused: 0,
    pushFailed: 1,
    pushPending: 0,
    pushFallbacks: 1,
  },
  '370202': {
    registeredUnemployed: 1,
    newUnemploymentRegistrations: 1,
    activePostings: 10,
    activePostingCount: 1,
    jobSeekers: 1,
    demandSupplyRatio: 10,
    policyEligible: 1,
    policyTold: 1,
    policyApplied: 0,
    policyApproved: 0,
    trainingSeats: 0,
    trainingFilled: 0,
    trainingFillRate: null,
    trainingCertificates: 0,
    trainingCompletions: 0,
    feedbackVolume: 1,
    feedbackOnTimeRate: 1,
    feedbackResolvedRate: 1,
    feedbackSatisfactionRate: 0,
    feedbackOverdue: 0,
    visitAssigned: 1,
    visitCoverage: 1,
    visitOverdue: 0,
    pushQueued: 1,
    pushDelivered: 0,
    pushDeliveryRate: 0,
    pushRefused: 0,
    pushFailed: 1,
    pushPending: 0,
    pushFallbacks: 1,
  },
  // streets: postings, courses and feedback name a district only → 暂无数据
  '370102001': {
    registeredUnemployed: 2,
    newUnemploymentRegistrations: 1,
    activePostings: null,
    activePostingCount: null,
    jobSeekers: 2,
    demandSupplyRatio: null,
    policyEligible: 2,
    policyTold: 1,
    policyApplied: 0,
    policyApproved: 0,
    trainingSeats: null,
    trainingFilled: null,
    trainingFillRate: null,
    trainingCertificates: null,
    trainingCompletions: null,
    feedbackVolume: null,
    feedbackOnTimeRate: null,
    feedbackResolvedRate: null,
    feedbackSatisfactionRate: null,
    feedbackOverdue: null,
    visitAssigned: 2,
    visitCoverage: 0.5,
    visitOverdue: 1,
    pushQueued: 2,
    pushDelivered: 1,
    pushDeliveryRate: 0.5,
    pushRefused: 1,
    pushFailed: 0,
    pushPending: 0,
    pushFallbacks: 1,
  },
  '370102002': {
    registeredUnemployed: 0,
    newUnemploymentRegistrations: 0,
    activePostings: null,
    activePostingCount: null,
    jobSeekers: 1,
    demandSupplyRatio: null,
    policyEligible: 0,
    policyTold: 0,
    policyApplied: 0,
    policyApproved: 0,
    trainingSeats: null,
    trainingFilled: null,
    trainingFillRate: null,
    trainingCertificates: null,
    trainingCompletions: null,
    feedbackVolume: null,
    feedbackOnTimeRate: null,
    feedbackResolvedRate: null,
    feedbackSatisfactionRate: null,
    feedbackOverdue: null,
    visitAssigned: 0,
    visitCoverage: null,
    visitOverdue: 0,
    pushQueued: 1,
    pushDelivered: 0,
    pushDeliveryRate: 0,
    pushRefused: 0,
    pushFailed: 0,
    pushPending: 1,
    pushFallbacks: 0,
  },
}

describe('the daily snapshot and overview', () => {
  it('given the hand-counted world, when the snapshot runs, then every indicator of every region matches the hand count', async () => {
    const run = await snapshot()
    expect(run.ok).toBe(true)
    expect(run.data.runs).toEqual([
      { runId: 'snapshot:2026-06-15', month: '2026-06', state: 'done', shards: 3, done: 3 },
    ])
    for (const [code, expected] of Object.entries(EXPECTED)) {
      const res = await overview(code)
      expect(res.ok).toBe(true)
      expect(res.data.source).toBe('snapshot')
      expect({ code, ...values(res.data) }).toEqual({ code, ...expected })
    }
    expect(Object.keys(EXPECTED['370000']).sort()).toEqual(INDICATORS.map((i) => i.key).sort())
    before = await readSnapshots()
  })

  it('counts the same figures live as the snapshot holds, for a district or a street only (the live path is bounded)', async () => {
    for (const code of ['370102', '370102001', '370202']) {
      const live = await overview(code, { source: 'live' })
      expect(live.data.source).toBe('live')
      expect({ code, ...values(live.data) }).toEqual({ code, ...EXPECTED[code] })
    }
    expect((await overview('370100', { source: 'live' })).error.code).toBe('VALIDATION_FAILED')
    expect((await overview('370102', { source: 'live', month: '2026-05' })).error.code).toBe('VALIDATION_FAILED')
  })

  it('children sum to the parent for every additive indicator, at every level', async () => {
    const additive = INDICATORS.filter((i) => i.additive).map((i) => i.key)
    for (const code of ['370000', '370100', '370200', '370102']) {
      const res = await overview(code)
      const parent = values(res.data)
      for (const key of additive) {
        const kids = res.data.children.map((c: { values: Record<string, number | null> }) => c.values[key])
        const known = kids.filter((v: number | null) => v !== null)
        // a figure the children do not carry (a street's postings) is null in every child, never in some only
        expect({ code, key, nullKids: kids.length - known.length === 0 || known.length === 0 }).toEqual({
          code,
          key,
          nullKids: true,
        })
        const sum = known.length ? known.reduce((a: number, b: number) => a + b, 0) : null
        expect({ code, key, sum: sum === null ? parent[key] : sum }).toEqual({ code, key, sum: parent[key] })
      }
    }
  })

  it('shows the children by code with names and centroids, the breadcrumbs and the policy funnel', async () => {
    const res = await overview('370102')
    expect(res.data.breadcrumbs.map((b: { regionName: string }) => b.regionName)).toEqual([
      '山东省',
      '济南市',
      '历下区',
    ])
    expect(res.data.children.map((c: { regionCode: string }) => c.regionCode)).toEqual(['370102001', '370102002'])
    const province = await overview()
    expect(province.data.regionCode).toBe('370000')
    expect(province.data.children.map((c: { regionName: string; lat: number }) => [c.regionName, c.lat])).toEqual([
      ['济南市', 36.65],
      ['青岛市', 36.07],
    ])
    // the application module has landed: its collection is declared (cloudfunctions/database.json), empty here
    expect(province.data.funnel).toEqual([
      { policyId: POLICY, title: expect.any(String), eligible: 4, told: 2, applied: 0, approved: 0 },
    ])
    expect(province.data.missing).toEqual([])
  })

  it('shows 政策找人 message delivery by policy (sent, delivered, refused for no consent, failed, pending, turned into visits), per region down to the street', async () => {
    const province = await overview('370000')
    expect(province.data.deliveries).toEqual([
      {
        policyId: POLICY,
        title: expect.stringContaining('求职'),
        queued: 3,
        delivered: 1,
        refused: 1,
        failed: 1,
        pending: 0,
        fallbacks: 2,
        deliveryRate: 0.3333,
      },
      {
        policyId: POLICY2,
        title: expect.stringContaining('技能'),
        queued: 2,
        delivered: 0,
        refused: 0,
        failed: 1,
        pending: 1,
        fallbacks: 1,
        deliveryRate: 0,
      },
    ])
    // drilled to a street: only its own messages (the one of 1 June 00:30 China time is June's)
    const street = await overview('370102002')
    expect(
      street.data.deliveries.map((d: { policyId: string; queued: number; pending: number }) => [
        d.policyId,
        d.queued,
        d.pending,
      ]),
    ).toEqual([[POLICY2, 1, 1]])
    // 市中区: p5's failed push counts; the message of another match of p5 never reached the outbox and does not
    const shizhong = await overview('370103')
    expect(
      shizhong.data.deliveries.map((d: { policyId: string; queued: number; failed: number }) => [
        d.policyId,
        d.queued,
        d.failed,
      ]),
    ).toEqual([[POLICY, 1, 1]])
    // the children carry the delivery figures, so the bars drill by them
    const city = await overview('370100')
    expect(
      city.data.children.map((c: { regionCode: string; values: Record<string, number | null> }) => [
        c.regionCode,
        c.values.pushQueued,
        c.values.pushDelivered,
      ]),
    ).toEqual([
      ['370102', 3, 1],
      ['370103', 1, 0],
    ])
  })

  it('counts a person as told when the message was delivered or the visit made, not when a failed push still waits for its visit', async () => {
    const funnel = async (code: string) =>
      (await overview(code)).data.funnel.map((f: { eligible: number; told: number }) => [f.eligible, f.told])
    expect(await funnel('370102001')).toEqual([[2, 1]]) // delivered to p1; p2 was told before (no new message)
    expect(await funnel('370202')).toEqual([[1, 1]]) // p6: no WeChat, the grid worker visited
    expect(await funnel('370103')).toEqual([[1, 0]]) // p5: the push failed, the fallback visit is still open
  })

  it('shows training by occupation (seats, filled, completions, certificates) with real occupation codes; a street has none', async () => {
    const district = await overview('370102')
    expect(district.data.training).toEqual([
      {
        occupationCode: '4-10-01-06',
        occupationName: '家政服务员',
        seats: 0,
        filled: 0,
        completions: 2,
        certificates: 1,
      },
      { occupationCode: '6-18-02-04', occupationName: '焊工', seats: 30, filled: 12, completions: 1, certificates: 1 },
    ])
    expect((await overview('370000')).data.training).toEqual(district.data.training)
    expect((await overview('370202')).data.training).toEqual([])
    expect((await overview('370102001')).data.training).toEqual([])
  })

  it('ranks occupations by 求人倍率 with the shortage list (at least 20 wanted), sortable and paged', async () => {
    const res = await emu.call(ADMIN, 'monitor', { action: 'occupations' })
    expect(res.data.items).toEqual([
      { occupationCode: '6-18-02-04', occupationName: '焊工', postings: 35, seekers: 3, ratio: 11.6667 },
      { occupationCode: '4-10-01-06', occupationName: expect.any(String), postings: 5, seekers: 1, ratio: 5 },
    ])
    expect(res.data.shortage.map((r: { occupationCode: string }) => r.occupationCode)).toEqual(['6-18-02-04'])
    const bySeekers = await emu.call(ADMIN, 'monitor', { action: 'occupations', sort: 'seekers', pageSize: 1 })
    expect(bySeekers.data.items.map((r: { occupationCode: string }) => r.occupationCode)).toEqual(['6-18-02-04'])
    expect(bySeekers.data.nextCursor).toBe('1')
    const street = await emu.call(ADMIN, 'monitor', { action: 'occupations', regionCode: '370102001' })
    expect(street.data.items).toEqual([
      { occupationCode: '6-18-02-04', occupationName: '焊工', postings: null, seekers: 2, ratio: null },
    ])
  })

  it('exports what is on screen as a CSV file', async () => {
    const res = await emu.call(ADMIN, 'monitor', { action: 'export', regionCode: '370100' })
    expect(res.ok).toBe(true)
    // 济南市, 历下区, 市中区; the funnel (1 policy), deliveries (2 policies), training (2), occupations (2)
    expect(res.data.rows).toBe(10)
    expect(res.data.fileID).toMatch(/^cloud:\/\/.+\.csv$/)
    const file = await emu.sdk(ADMIN).downloadFile({ fileID: res.data.fileID })
    const lines = Buffer.from(file.fileContent as Buffer)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n')
    expect(lines.filter((l: string) => /^济南市(政策|分职业)/.test(l))).toEqual([
      '济南市政策触达漏斗',
      '济南市政策消息送达',
      '济南市分职业培训与取证',
      '济南市分职业供需',
    ])
    expect(lines).toContain(`求职创业补贴,${POLICY},3,1,1,1,0,2,0.3333`)
    expect(lines).toContain(`求职创业补贴,${POLICY},3,1,0,0`) // the funnel: eligible 3, told 1
    expect(lines).toContain(`职业技能评价补贴,${POLICY2},1,0,0,0,1,0,0`)
    expect(lines).toContain('家政服务员,4-10-01-06,0,0,2,1')
    expect(lines.slice(-3)).toEqual(['焊工,6-18-02-04,25,2,12.5', '家政服务员,4-10-01-06,5,1,5', '']) // by 求人倍率
  })

  it('given the run is done, when the trigger fires again the same day, then nothing changes', async () => {
    const again = await snapshot()
    expect(again.data.shardsThisInvocation).toBe(0)
    expect(await readSnapshots()).toEqual(before)
  })
})

describe('scope', () => {
  it('a handler sees their own district first and the streets inside it', async () => {
    const own = await overview(undefined, {}, HANDLER)
    expect(own.data.regionCode).toBe('370102')
    const street = await overview('370102001', {}, HANDLER)
    expect(street.data.breadcrumbs.map((b: { regionCode: string }) => b.regionCode)).toEqual(['370102', '370102001']) // nothing above their area
  })

  it('a handler of 370102 asking for 370200, its own city or the province → FORBIDDEN, for every action', async () => {
    for (const code of ['370200', '370100', '370000', '370103']) {
      expect((await overview(code, {}, HANDLER)).error.code).toBe('FORBIDDEN')
    }
    expect(
      (
        await emu.call(HANDLER, 'monitor', {
          action: 'series',
          key: 'jobSeekers',
          regionCode: '370200',
          from: '2026-01',
          to: '2026-06',
        })
      ).error.code,
    ).toBe('FORBIDDEN')
    expect((await emu.call(HANDLER, 'monitor', { action: 'occupations', regionCode: '370202' })).error.code).toBe(
      'FORBIDDEN',
    )
    expect((await emu.call(HANDLER, 'monitor', { action: 'export', regionCode: '370200' })).error.code).toBe(
      'FORBIDDEN',
    )
  })

  it('residents and grid workers → FORBIDDEN, anonymous → UNAUTHENTICATED, an unknown region → NOT_FOUND', async () => {
    expect((await overview(undefined, {}, RESIDENT)).error.code).toBe('FORBIDDEN')
    expect((await overview(undefined, {}, GRID)).error.code).toBe('FORBIDDEN')
    expect((await emu.call(null, 'monitor', { action: 'overview' })).error.code).toBe('UNAUTHENTICATED')
    expect((await overview('379999')).error.code).toBe('NOT_FOUND')
    expect((await overview('37010')).error.code).toBe('VALIDATION_FAILED')
  })
})

describe('across days and months (China time)', () => {
  it('given a crash after a district is written but before its checkpoint, when the run resumes after the lease, then no district is missing or counted twice', async () => {
    await emu.setClock('2026-06-16T10:00:00+08:00')
    await emu.setFunctionEnv('monitor', { MONITOR_SNAPSHOT_CRASH_AFTER_SHARDS: '1' })
    expect((await snapshot()).ok).toBe(false)
    const idle = await snapshot() // the crashed shard's lease still holds; the others proceed
    expect(idle.data.runs[0].state).toBe('running')
    await emu.advance(3 * 60_000)
    await untilDone()
    for (const [code, expected] of Object.entries(EXPECTED))
      expect({ code, ...values((await overview(code)).data) }).toEqual({ code, ...expected })
  })

  it('given the same records on a later day, when the snapshot runs again, then every figure is the same', async () => {
    await emu.setClock('2026-06-17T10:00:00+08:00')
    await untilDone()
    const after = await readSnapshots()
    const strip = (d: Record<string, unknown>) => ({
      _id: d._id,
      counts: d.counts,
      values: d.values,
      occupations: d.occupations,
      policies: d.policies,
      deliveries: d.deliveries,
      training: d.training,
    })
    expect(after.map(strip)).toEqual(before.map(strip))
  })

  it("given a run begun at 23:55 on 30 June, when it finishes after midnight, then it is June's, and July opens its own run with June as previous", async () => {
    await emu.setFunctionEnv('monitor', { MONITOR_SNAPSHOT_MAX_SHARDS: '1' })
    await emu.setClock('2026-06-30T23:55:00+08:00')
    const late = await snapshot()
    expect(late.data.runs).toEqual([
      { runId: 'snapshot:2026-06-30', month: '2026-06', state: 'running', shards: 3, done: 1 },
    ])
    await emu.setFunctionEnv('monitor', { MONITOR_SNAPSHOT_MAX_SHARDS: null })
    await emu.setClock('2026-07-01T00:05:00+08:00') // 2026-06-30T16:05Z
    const next = await snapshot()
    expect(
      next.data.runs.map((r: { runId: string; month: string; state: string }) => [r.runId, r.month, r.state]),
    ).toEqual([
      ['snapshot:2026-06-30', '2026-06', 'done'],
      ['snapshot:2026-07-01', '2026-07', 'done'],
    ])
    const july = await overview('370000')
    expect(july.data.month).toBe('2026-07')
    const ind = Object.fromEntries(
      july.data.indicators.map((i: { key: string; value: number; previous: number }) => [i.key, [i.value, i.previous]]),
    )
    expect(ind.newUnemploymentRegistrations).toEqual([0, 2]) // June's registrations are not July's
    expect(ind.registeredUnemployed).toEqual([4, 4])
    const series = await emu.call(ADMIN, 'monitor', {
      action: 'series',
      key: 'newUnemploymentRegistrations',
      regionCode: '370000',
      from: '2026-05',
      to: '2026-08',
    })
    expect(series.data.points).toEqual([
      { month: '2026-05', value: null },
      { month: '2026-06', value: 2 },
      { month: '2026-07', value: 0 },
    ])
  })

  it('given service applications appear (the application module lands), when the next snapshot runs, then the funnel shows applied and approved', async () => {
    await insert(emu, 'service_applications', [
      anApplication({ street: '370102001', status: 'submitted' }),
      anApplication({ street: '370102001', status: 'approved' }),
      anApplication({ street: '370102002', status: 'draft' }),
    ])
    await emu.setClock('2026-07-02T09:00:00+08:00')
    await untilDone()
    const street = values((await overview('370102001')).data)
    expect([street.policyApplied, street.policyApproved]).toEqual([2, 1])
    const qingdao = values((await overview('370202')).data)
    expect([qingdao.policyApplied, qingdao.policyApproved]).toEqual([0, 0])
    const province = await overview('370000')
    expect(province.data.funnel).toEqual([
      { policyId: POLICY, title: expect.any(String), eligible: 4, told: 2, applied: 2, approved: 1 },
    ])
    expect(province.data.missing).toEqual([])
  })
})
