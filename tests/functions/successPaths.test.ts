/**
 * Success paths the module suites did not cover: training.roster, training.mySignups, feedback.templates.
 * The seed and the emulator clock are pinned together; the course dates follow the pinned clock.
 */
import { startEmulator, type TestEmulator } from '../helpers/emulator'
import { findUnmaskedPii } from '../../shared/mask'

const NOW = '2026-11-18T10:00:00+08:00'
let emu: TestEmulator
beforeAll(async () => {
  emu = await startEmulator({ seed: { now: new Date(NOW) } })
  await emu.setClock(NOW)
}, 120_000)
afterAll(async () => {
  await emu?.stop()
})

const ADMIN = 'o_demo_admin'
const iso = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+08:00')

async function aCourse(capacity: number): Promise<string> {
  const nowMs = emu.server.now().getTime()
  const r = await emu.call(ADMIN, 'training', {
    action: 'create',
    title: '叉车司机（初级）培训班',
    occupationCode: '6-31-01-03',
    regionCode: '370102',
    capacity,
    startAt: iso(nowMs + 14 * 86400_000),
    signupDeadline: iso(nowMs + 7 * 86400_000),
  })
  expect(r).toMatchObject({ ok: true })
  return (r.data.id ?? r.data.courseId) as string
}

test('given two residents sign up for a one-seat course, then each sees their own signup in mySignups (confirmed / waitlisted 1st) and the admin roster lists both without name, ID or phone', async () => {
  const courseId = await aCourse(1)
  expect(
    await emu.call('o_demo_resident', 'training', { action: 'signup', courseId, requestId: 'req-success-su-1' }),
  ).toMatchObject({ ok: true, data: { status: 'confirmed' } })
  expect(
    await emu.call('o_demo_resident2', 'training', { action: 'signup', courseId, requestId: 'req-success-su-2' }),
  ).toMatchObject({ ok: true, data: { status: 'waitlisted' } })

  const mine1 = await emu.call('o_demo_resident', 'training', { action: 'mySignups' })
  const mine2 = await emu.call('o_demo_resident2', 'training', { action: 'mySignups' })
  expect(mine1.data.items.filter((s: { courseId: string }) => s.courseId === courseId)).toEqual([
    expect.objectContaining({
      status: 'confirmed',
      waitlistPosition: null,
      course: expect.objectContaining({ title: '叉车司机（初级）培训班' }),
    }),
  ])
  expect(mine2.data.items.filter((s: { courseId: string }) => s.courseId === courseId)).toEqual([
    expect.objectContaining({ status: 'waitlisted', waitlistPosition: 1 }),
  ])

  const roster = await emu.call(ADMIN, 'training', { action: 'roster', courseId })
  expect(roster).toMatchObject({ ok: true, data: { nextCursor: null } })
  expect(
    roster.data.items
      .map((i: { status: string; waitlistPosition: number | null }) => [i.status, i.waitlistPosition])
      .sort(),
  ).toEqual([
    ['confirmed', null],
    ['waitlisted', 1],
  ])
  expect(findUnmaskedPii(roster)).toEqual([])
  expect(JSON.stringify(roster)).not.toMatch(/o_demo_resident/)
  const waitlisted = await emu.call(ADMIN, 'training', { action: 'roster', courseId, status: 'waitlisted' })
  expect(waitlisted.data.items).toHaveLength(1)
})

test('given a handler, then feedback.templates lists the reply templates with a title and text', async () => {
  const r = await emu.call('o_demo_handler', 'feedback', { action: 'templates' })
  expect(r.ok).toBe(true)
  expect(r.data.items.length).toBeGreaterThan(0)
  for (const t of r.data.items) expect(t).toEqual(expect.objectContaining({ id: expect.any(String) }))
  expect(JSON.stringify(r.data.items)).toMatch(/[\u4e00-\u9fa5]/)
})
