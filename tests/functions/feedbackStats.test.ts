/**
 * 三率 on the seeded month: the public stats action reproduces the figures the seed's spec (FEEDBACK_HISTORY)
 * was built to have, per department and overall, for anyone, anonymous callers included.
 */
import { startEmulator, type TestEmulator } from '../helpers/emulator'
import { FEEDBACK_HISTORY, historyMonth } from '../../mock/seed/feedback.seed'

let emu: TestEmulator
const r4 = (a: number, b: number) => Math.round((a / b) * 10000) / 10000

// The seed's now, pinned (its history month is the month before, October 2026): the month asked for below is
// the seeded one whatever the real date, even when the suite crosses a CST midnight at a month's end.
const SEEDED_AT = new Date('2026-11-18T10:00:00+08:00')

beforeAll(async () => {
  emu = await startEmulator({ seed: { now: SEEDED_AT } })
  // Well after the seeded month, so every unanswered item is past its deadline.
  await emu.setClock(new Date(SEEDED_AT.getTime() + 40 * 86_400_000).toISOString())
}, 120_000)
afterAll(async () => {
  await emu?.stop()
})

test('given the seeded month, when anyone asks for its stats, then each department’s 三率 and on-time rate match the history', async () => {
  const month = historyMonth(SEEDED_AT)
  const r = await emu.call(null, 'feedback', { action: 'stats', month })
  expect(r.ok).toBe(true)
  expect(r.data.month).toBe(month)
  for (const h of FEEDBACK_HISTORY) {
    const d = r.data.departments.find((x: { departmentId: string }) => x.departmentId === h.departmentId)
    expect(d).toMatchObject({
      total: h.total,
      responded: h.acceptedOnTime,
      resolved: h.resolved,
      rated: h.rated,
      satisfied: h.satisfied,
      onTime: h.answeredOnTime,
      due: h.total,
      responseRate: r4(h.acceptedOnTime, h.total),
      resolutionRate: r4(h.resolved, h.total),
      satisfactionRate: r4(h.satisfied, h.rated),
      onTimeRate: r4(h.answeredOnTime, h.total),
    })
    expect(d.departmentName).toMatch(/人力资源和社会保障/)
  }
  const sum = (k: keyof (typeof FEEDBACK_HISTORY)[number]) => FEEDBACK_HISTORY.reduce((a, h) => a + Number(h[k]), 0)
  expect(r.data.overall).toMatchObject({
    total: sum('total'),
    responseRate: r4(sum('acceptedOnTime'), sum('total')),
    satisfactionRate: r4(sum('satisfied'), sum('rated')),
  })
  expect(r.data.standards.join('')).toContain('投诉13个工作日内答复')
  expect(JSON.stringify(r)).not.toMatch(/o_seed_fb|o_demo/)
})

test('one department only, and a month without records gives no departments', async () => {
  const month = historyMonth(SEEDED_AT)
  const one = await emu.call(null, 'feedback', { action: 'stats', month, departmentId: 'dept_370202' })
  expect(one.data.departments).toHaveLength(1)
  expect(one.data.departments[0]).toMatchObject({ departmentId: 'dept_370202', total: 12 })
  const empty = await emu.call(null, 'feedback', { action: 'stats', month: '2024-01' })
  expect(empty).toMatchObject({ ok: true, data: { departments: [], overall: { total: 0, responseRate: null } } })
  expect(await emu.call(null, 'feedback', { action: 'stats', month: '2024-13' })).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION_FAILED' },
  })
})

test('the demo resident sees their seeded history in “my feedback” with the timeline', async () => {
  const mine = await emu.call('o_demo_resident', 'feedback', { action: 'mine' })
  expect(mine.data.items.length).toBeGreaterThanOrEqual(1)
  const got = await emu.call('o_demo_resident', 'feedback', {
    action: 'get',
    trackingNo: mine.data.items[0].trackingNo,
  })
  expect(got.data.timeline.map((s: { type: string }) => s.type)).toEqual(['submit', 'accept', 'reply', 'rate'])
})
