/**
 * Outreach through the real SDK and the local emulator: list generation per rule on the seeded demo grids,
 * grid isolation for every action, masking, audited reveals, idempotent visit sync (same batch twice, a batch
 * cut off halfway), and visits flowing back into persons and tasks.
 */
import { startEmulator } from '../helpers/emulator'
import { findUnmaskedPii } from '../../shared/mask'
import { createVisitTask } from '../../cloudfunctions/_core/visitTasks'
import { toIsoCst } from '../../shared/calendar/chinaTime'

type Emu = Awaited<ReturnType<typeof startEmulator>>
let emu: Emu

const GRID = 'o_demo_grid'
const GRID2 = 'o_demo_grid2'
const GRID1_CODE = '370102001-01'
const GRID2_CODE = '370102002-01'
/**
 * The file pins its own clock: the seed and the emulator start at NOW (a Wednesday mid-November, in the six
 * months after summer graduation, well inside a month), and the test reads time from the emulator (`now()`),
 * so what the list holds does not depend on the real date the suite runs at.
 */
const NOW = '2026-11-18T10:00:00+08:00'
// before the emulator starts (test.each tables are built while the file loads) the pinned instant itself
const now = () => (emu ? emu.server.now().getTime() : Date.parse(NOW))
const iso = (ms: number) => toIsoCst(ms)
let seq = 0
const cid = () => `c-${Date.now().toString(36)}-${++seq}`

function aVisit(personId: string, over: Record<string, unknown> = {}) {
  return { clientId: cid(), personId, outcome: 'reached', visitedAt: iso(now() - 3600_000), ...over }
}

const db = () => emu.sdk().database()
const call = (openid: string | null, action: string, data: Record<string, unknown> = {}) =>
  emu.call(openid, 'outreach', { action, ...data })

async function visitsWithClientIds(ids: string[]): Promise<unknown[]> {
  const _ = db().command
  return (
    await db()
      .collection('visits')
      .where({ clientId: _.in(ids) })
      .get()
  ).data as unknown[]
}

async function allListItems(openid: string): Promise<any[]> {
  const items: any[] = []
  let cursor: string | undefined
  for (let i = 0; i < 50; i++) {
    const r = await call(openid, 'myList', { pageSize: 2, ...(cursor ? { cursor } : {}) })
    expect(r.ok).toBe(true)
    items.push(...r.data.items)
    if (!r.data.nextCursor) break
    cursor = r.data.nextCursor
  }
  return items
}

beforeAll(async () => {
  emu = await startEmulator({ seed: { now: new Date(NOW) } })
  await emu.setClock(NOW)
}, 120_000)
afterAll(async () => {
  await emu?.stop()
})

describe('myList: who is on the list and why', () => {
  test('given the seeded demo grid, when its worker loads the list, then each rule puts the expected persons on it with Chinese reasons', async () => {
    const items = await allListItems(GRID)
    const byId = new Map(items.map((i) => [i.personId, i]))
    const codes = (id: string) => byId.get(id)?.reasons.map((r: { code: string }) => r.code)

    // recent graduate + registered unemployed + an undelivered push
    expect(codes('p_demo_resident')).toEqual(
      expect.arrayContaining(['pushUndelivered', 'recentGraduate', 'registeredUnemployed']),
    )
    // an unclaimed policy: the reason is the policy module's own text, carried on the task
    expect(byId.get('p_demo_g1_01')?.reasons[0]).toMatchObject({
      code: 'policyUnclaimed',
      text: expect.stringContaining('灵活就业社会保险补贴'),
    })
    expect(codes('p_demo_g1_01')).toEqual(expect.arrayContaining(['employmentDifficulty', 'registeredUnemployed']))
    // visited 20 days ago with a follow-up agreed for tomorrow: listed for the follow-up only
    expect(codes('p_demo_g1_02')).toEqual(['followUpDue'])
    // disabled job seeker, unreachable two days ago
    expect(codes('p_demo_g1_05')).toEqual(['disabledJobSeeker', 'retryUnreachable'])
    // employed / self-employed / graduated over 6 months ago and not registered: not listed
    for (const id of ['p_demo_g1_04', 'p_demo_g1_06', 'p_demo_g1_03']) expect(byId.has(id)).toBe(false)

    for (const i of items) {
      expect(i.gridCode).toBe(GRID1_CODE)
      expect(i.reasons.every((r: { text: string }) => /[\u4e00-\u9fa5]/.test(r.text))).toBe(true)
      expect(i.dueAt).toMatch(/\+08:00$/)
      expect(['invite', 'reminder', 'overdue', 'escalated']).toContain(i.stage)
    }
    // most urgent first, and paging neither repeats nor skips
    const prio = items.map((i) => i.priority)
    expect([...prio].sort((a, b) => b - a)).toEqual(prio)
    expect(new Set(items.map((i) => i.personId)).size).toBe(items.length)
  })

  test('given the list, then ID and phone numbers are masked', async () => {
    const r = await call(GRID, 'myList', { pageSize: 100 })
    expect(findUnmaskedPii(r)).toEqual([])
    const resident = r.data.items.find((i: { personId: string }) => i.personId === 'p_demo_resident')
    expect(resident.phone).toBe('138****0001')
    expect(resident.idNumber).toMatch(/^3701\*{10}\d{3}[\dX]$/)
  })

  test('given a task four days old, then it is at the reminder stage; ten days on it is escalated to the street office', async () => {
    await createVisitTask(
      {
        key: `test:policy:${cid()}`,
        personId: 'p_demo_g1_06',
        reason: { code: 'policyUnclaimed', text: '符合创业担保贷款贴息条件但尚未申请' },
        source: { module: 'policy', refId: 'p2' },
      },
      new Date(now() - 4 * 86400_000),
    )
    const find = async () =>
      (await call(GRID, 'myList', { pageSize: 100 })).data.items.find(
        (i: { personId: string }) => i.personId === 'p_demo_g1_06',
      )
    const first = await find()
    expect(first).toMatchObject({ stage: 'reminder', stageText: '已提醒（3天未走访）', escalatedTo: null })
    await emu.advance(10 * 86400_000)
    try {
      const later = await find()
      expect(later).toMatchObject({ stage: 'escalated', stageText: '已上报街道', escalatedTo: 'street' })
      expect(later.priority).toBeGreaterThan(first.priority)
    } finally {
      await emu.advance(-10 * 86400_000)
    }
  })

  test('given a producer creates a visit task, then it lands in the grid of the person with its reason', async () => {
    const res = await createVisitTask(
      {
        key: `test:notify:${cid()}`,
        personId: 'p_demo_g1_04',
        reason: { code: 'consentExhausted', text: '岗位推荐消息无法送达（订阅次数已用完）' },
        source: { module: 'notify', refId: 'x1' },
      },
      new Date(now()),
    )
    expect(res).toEqual({ created: true, gridCode: GRID1_CODE })
    const items = (await call(GRID, 'myList', { pageSize: 100 })).data.items
    expect(items.find((i: { personId: string }) => i.personId === 'p_demo_g1_04')?.reasons[0]).toMatchObject({
      code: 'pushUndelivered',
      text: '岗位推荐消息无法送达（订阅次数已用完）',
    })
  })
})

describe('grid isolation', () => {
  test('given a worker of another grid, then the list holds none of the first grid, and every action on it is refused', async () => {
    const other = await allListItems(GRID2)
    expect(other.length).toBeGreaterThan(0)
    expect(other.every((i) => i.gridCode === GRID2_CODE)).toBe(true)
    expect(other.some((i) => i.personId.startsWith('p_demo_g1'))).toBe(false)

    expect(await call(GRID2, 'myList', { gridCode: GRID1_CODE })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await call(GRID2, 'gridStats', { gridCode: GRID1_CODE })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await call(GRID2, 'revealContact', { personId: 'p_demo_g1_01' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    const v = aVisit('p_demo_g1_01', { employmentStatus: 'employed' })
    expect(await call(GRID2, 'recordVisits', { visits: [v] })).toEqual({
      ok: true,
      data: { results: [{ clientId: v.clientId, status: 'rejected', code: 'FORBIDDEN', message: expect.any(String) }] },
    })
    expect(await visitsWithClientIds([v.clientId])).toHaveLength(0)
    const person = (await db().collection('persons').doc('p_demo_g1_01').get()).data[0]
    expect(person.employmentStatus).toBe('unemployed')
  })

  test.each(['myList', 'revealContact', 'recordVisits', 'gridStats'])(
    'given a resident or anonymous caller, when calling %s, then FORBIDDEN / UNAUTHENTICATED whatever the payload',
    async (action) => {
      expect(await call('o_demo_resident', action, { personId: 'p_demo_resident', visits: [] })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      })
      expect(await call(null, action, {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    },
  )
})

describe('revealContact', () => {
  test('given a person of my grid, then the full phone is shown and the reveal is in the audit log; a refused reveal is audited too', async () => {
    const r = await call(GRID, 'revealContact', { personId: 'p_demo_g1_01' })
    expect(r).toMatchObject({ ok: true, data: { personId: 'p_demo_g1_01', name: '张建国', phone: '13606410011' } })
    await call(GRID2, 'revealContact', { personId: 'p_demo_g1_02' })
    const logs = (await db().collection('audit_logs').where({ event: 'outreach.revealContact' }).get()).data as any[]
    expect(logs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actor: GRID, targetId: 'p_demo_g1_01', outcome: 'ok' }),
        expect.objectContaining({ actor: GRID2, targetId: 'p_demo_g1_02', outcome: 'denied' }),
      ]),
    )
    expect(findUnmaskedPii(logs)).toEqual([])
  })

  test('given a reveal, then the admin finds it in the audit log (privacy.auditLog), masked', async () => {
    await call(GRID, 'revealContact', { personId: 'p_demo_g1_05' })
    const r = await emu.call('o_demo_admin', 'privacy', {
      action: 'auditLog',
      event: 'outreach.revealContact',
      targetId: 'p_demo_g1_05',
    })
    expect(r.ok).toBe(true)
    expect(r.data.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ actor: GRID, targetId: 'p_demo_g1_05' })]),
    )
    expect(findUnmaskedPii(r)).toEqual([])
  })

  test('given an unknown person, then NOT_FOUND', async () => {
    expect(await call(GRID, 'revealContact', { personId: 'p_nobody' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })
})

describe('recordVisits: idempotent offline sync', () => {
  test('given three visits, when the same batch is sent twice, then the server holds exactly three and the second answer is duplicate', async () => {
    const batch = [aVisit('p_demo_g1_05', { outcome: 'unreachable' }), aVisit('p_demo_g1_03'), aVisit('p_demo_g1_04')]
    const first = await call(GRID, 'recordVisits', { visits: batch })
    expect(first.data.results.map((r: { status: string }) => r.status)).toEqual(['saved', 'saved', 'saved'])
    const second = await call(GRID, 'recordVisits', { visits: batch })
    expect(second.data.results.map((r: { status: string }) => r.status)).toEqual([
      'duplicate',
      'duplicate',
      'duplicate',
    ])
    expect(await visitsWithClientIds(batch.map((v) => v.clientId))).toHaveLength(3)
  })

  test('given a batch cut off halfway, when sent again whole, then the first half is duplicate, the rest saved, nothing twice', async () => {
    const batch = [1, 2, 3, 4].map(() => aVisit('p_demo_g1_03', { outcome: 'unreachable' }))
    await call(GRID, 'recordVisits', { visits: batch.slice(0, 2) })
    const again = await call(GRID, 'recordVisits', { visits: batch })
    expect(again.data.results.map((r: { status: string }) => r.status)).toEqual([
      'duplicate',
      'duplicate',
      'saved',
      'saved',
    ])
    expect(await visitsWithClientIds(batch.map((v) => v.clientId))).toHaveLength(4)
  })

  test('given a visit saved but its effects cut off (crash), when resent, then duplicate and the effects are finished', async () => {
    const taskKey = `test:policy:${cid()}`
    await createVisitTask(
      {
        key: taskKey,
        personId: 'p_demo_g1_06',
        reason: { code: 'policyUnclaimed', text: '符合一次性创业补贴条件但尚未申领' },
        source: { module: 'policy', refId: 'p1' },
      },
      new Date(now()),
    )
    const v = aVisit('p_demo_g1_06')
    const at = Date.parse(v.visitedAt as string)
    await db()
      .collection('visits')
      .add({
        workerOpenid: GRID,
        clientId: v.clientId,
        personId: 'p_demo_g1_06',
        gridCode: GRID1_CODE,
        streetCode: '370102001',
        outcome: 'reached',
        employmentStatus: null,
        previousEmploymentStatus: 'selfEmployed',
        needs: [],
        referrals: [],
        notes: null,
        notesCheck: null,
        nextFollowUpAt: null,
        nextFollowUpAtMs: null,
        visitedAt: v.visitedAt,
        visitedAtMs: at,
        onBehalf: false,
        onBehalfConsent: null,
        recordedBy: 'staff',
        taskIds: [taskKey],
        closedTaskIds: [],
        applied: false,
        createdAt: v.visitedAt,
        createdAtMs: at,
      })
    const r = await call(GRID, 'recordVisits', { visits: [v] })
    expect(r.data.results[0].status).toBe('duplicate')
    expect((await db().collection('visit_tasks').doc(taskKey).get()).data[0].status).toBe('done')
  })

  test('given one bad visit among good ones, then only it is rejected', async () => {
    const batch = [
      aVisit('p_demo_g1_03'),
      aVisit('p_nobody'),
      aVisit('p_demo_g2_01'),
      aVisit('p_demo_g1_03', { visitedAt: iso(now() + 86400_000) }),
    ]
    const r = await call(GRID, 'recordVisits', { visits: batch })
    expect(r.data.results.map((x: { status: string; code?: string }) => x.code ?? x.status)).toEqual([
      'saved',
      'NOT_FOUND',
      'FORBIDDEN',
      'VALIDATION_FAILED',
    ])
  })

  test.each([
    ['no visits', { visits: [] }],
    ['51 visits', { visits: Array.from({ length: 51 }, () => aVisit('p_demo_g1_03')) }],
    ['an unknown outcome', { visits: [aVisit('p_demo_g1_03', { outcome: 'gone' })] }],
    ['an operator for a person id', { visits: [aVisit('p_demo_g1_03', { personId: { $gt: '' } })] }],
    [
      'acting on behalf without consent',
      { visits: [aVisit('p_demo_g1_03', { referrals: [{ kind: 'trainingSignup', refId: 'c1' }] })] },
    ],
    ['visits not an array', { visits: 'x' }],
  ])('given %s, then VALIDATION_FAILED and nothing written', async (_name, payload) => {
    const before = (await db().collection('visits').count()).total
    expect(await call(GRID, 'recordVisits', payload)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    expect((await db().collection('visits').count()).total).toBe(before)
  })
})

describe('recordVisits: updates flow back', () => {
  test('given a visit that finds the person employed, then the person is updated and marked for policy re-matching, their task closed, and they leave the list', async () => {
    const v = aVisit('p_demo_g1_01', {
      employmentStatus: 'employed',
      needs: ['policy'],
      notes: '已在物业公司上岗，电话13912345678',
    })
    const r = await call(GRID, 'recordVisits', { visits: [v] })
    expect(r.data.results[0]).toMatchObject({ status: 'saved' })
    const person = (await db().collection('persons').doc('p_demo_g1_01').get()).data[0]
    expect(person.employmentStatus).toBe('employed')
    expect(person.factsChangedAtMs).toEqual(expect.any(Number))
    expect((await db().collection('visit_tasks').doc('seed:policy:p_demo_g1_01').get()).data[0]).toMatchObject({
      status: 'done',
    })
    const stored = (await visitsWithClientIds([v.clientId]))[0] as any
    expect(stored.notes).toBe('已在物业公司上岗，电话139****5678')
    expect(stored.recordedBy).toBe('staff')
    const items = (await call(GRID, 'myList', { pageSize: 100 })).data.items
    expect(items.some((i: { personId: string }) => i.personId === 'p_demo_g1_01')).toBe(false)
  })

  test('given a training signup on the resident’s behalf with recorded consent, then the visit is labelled as done by staff and audited on their behalf', async () => {
    const v = aVisit('p_demo_g1_02', {
      referrals: [
        { kind: 'trainingSignup', refId: 'course-1' },
        { kind: 'jobRecommend', refId: 'job-1' },
      ],
      onBehalfConsent: { given: true, method: 'verbal' },
    })
    expect((await call(GRID, 'recordVisits', { visits: [v] })).data.results[0].status).toBe('saved')
    const stored = (await visitsWithClientIds([v.clientId]))[0] as any
    expect(stored).toMatchObject({ onBehalf: true, recordedBy: 'staff', onBehalfConsent: { method: 'verbal' } })
    expect(stored.referrals[0]).toMatchObject({ kind: 'trainingSignup', byStaff: true, onBehalf: true })
    const logs = (
      await db().collection('audit_logs').where({ event: 'outreach.recordVisit', targetId: 'p_demo_g1_02' }).get()
    ).data as any[]
    expect(logs.some((l) => l.onBehalfOf === 'p_demo_g1_02' && l.actor === GRID)).toBe(true)
  })

  test('given notes the content check flags, then that visit is rejected CONTENT_REJECTED', async () => {
    const v = aVisit('p_demo_g1_03', { notes: '违规测试内容' })
    const r = await call(GRID, 'recordVisits', { visits: [v] })
    expect(r.data.results[0]).toMatchObject({ status: 'rejected', code: 'CONTENT_REJECTED' })
    expect(await visitsWithClientIds([v.clientId])).toHaveLength(0)
  })
})

describe('gridStats', () => {
  test('given this month’s visits, then coverage, visits, overdue and outcomes are counted for my grid only', async () => {
    const r = await call(GRID, 'gridStats')
    expect(r.ok).toBe(true)
    const s = r.data
    const visits = (await db().collection('visits').where({ gridCode: GRID1_CODE }).get()).data as any[]
    const monthStart = Date.parse(`${iso(now()).slice(0, 7)}-01T00:00:00+08:00`)
    const thisMonth = visits.filter((v) => v.visitedAtMs >= monthStart)
    expect(s.visits).toBe(thisMonth.length)
    expect(s.visitedPersons).toBe(new Set(thisMonth.map((v) => v.personId)).size)
    expect(s.outcomes.unreachable).toBe(thisMonth.filter((v) => v.outcome === 'unreachable').length)
    expect(s.assigned).toBeGreaterThanOrEqual(s.visitedPersons)
    expect(s.coverage).toBeCloseTo(s.visitedPersons / s.assigned, 2)
    expect(s.gridCodes).toEqual([GRID1_CODE])
    const other = (await call(GRID2, 'gridStats')).data
    expect(other.gridCodes).toEqual([GRID2_CODE])
    expect(other.visits).toBeLessThan(s.visits)
  })
})

describe('timer trigger: the contact sequence is recorded on tasks', () => {
  test('given tasks at each stage, when the daily sequence trigger runs, then reminded / overdue / escalated-to-street marks are set once', async () => {
    const day = 86400_000
    const mk = async (daysAgo: number) => {
      const key = `test:seq:${cid()}`
      await createVisitTask(
        {
          key,
          personId: 'p_demo_g2_03',
          reason: { code: 'policyUnclaimed', text: '符合求职创业补贴条件但尚未申领' },
          source: { module: 'policy', refId: 'p3' },
        },
        new Date(now() - daysAgo * day),
      )
      return key
    }
    const fresh = await mk(1),
      reminded = await mk(4),
      overdue = await mk(9),
      escalated = await mk(15)
    const r = await emu.trigger('outreach', 'sequence')
    expect(r.results[0]).toMatchObject({
      name: 'sequence',
      result: { ok: true, data: { escalated: expect.any(Number) } },
    })
    const task = async (k: string) => (await db().collection('visit_tasks').doc(k).get()).data[0]
    expect(await task(fresh)).not.toHaveProperty('remindedAt')
    expect(await task(reminded)).toHaveProperty('remindedAt')
    expect(await task(reminded)).not.toHaveProperty('overdueAt')
    expect(await task(overdue)).toHaveProperty('overdueAt')
    expect(await task(overdue)).not.toHaveProperty('escalatedAt')
    expect(await task(escalated)).toMatchObject({ escalatedTo: '370102002' })
    const firstMark = (await task(escalated)).escalatedAt
    await emu.advance(3600_000)
    try {
      await emu.trigger('outreach', 'sequence')
      expect((await task(escalated)).escalatedAt).toBe(firstMark)
    } finally {
      await emu.advance(-3600_000)
    }
  })
})

describe('rate limit', () => {
  test('given a worker sending more than 120 batches in an hour, then the next is RATE_LIMITED', async () => {
    // start of a fresh hour window (the limit counts per openid in fixed hour windows)
    const hour = 3600_000
    const shift = hour - (now() % hour) + 60_000
    await emu.advance(shift)
    try {
      const one = () =>
        call(GRID2, 'recordVisits', { visits: [aVisit('p_nobody', { visitedAt: iso(now() - 60_000) })] })
      for (let i = 0; i < 120; i++) expect((await one()).ok).toBe(true)
      expect(await one()).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } })
    } finally {
      await emu.advance(-shift)
    }
  }, 60_000)
})
