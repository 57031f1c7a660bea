/** 1,000 distinct residents sign up at once for 50 seats: never overbooked, a stable waitlist, exact promotion. */
import { startEmulator } from '../helpers/emulator'
import { runBurst } from '../helpers/trainingBurst'

type Emu = Awaited<ReturnType<typeof startEmulator>>
let emu: Emu
/** Pinned with the seed (a Wednesday 10:00 China time, a working day): nothing here follows the real date or hour. */
const NOW = '2026-12-02T10:00:00+08:00'
beforeAll(async () => {
  emu = await startEmulator({ now: NOW })
}, 120_000)
afterAll(async () => {
  await emu?.stop()
})

test('given 50 seats, when 1,000 residents sign up at once, then exactly 50 are confirmed, 950 wait in a stable order, and 10 cancellations promote exactly the next 10', async () => {
  const r = await runBurst(emu, { signups: 1000, seats: 50, cancels: 10, nowMs: emu.server.now().getTime() })
  expect(r.failed).toEqual([])
  expect(r.confirmed).toHaveLength(50)
  expect(r.waitlisted).toHaveLength(950)
  expect(r.waitlisted.map((w) => w.position)).toEqual(Array.from({ length: 950 }, (_v, i) => i + 1))
  expect(r.duplicates).toBe(0)
  const expectedPromoted = r.waitlisted
    .slice(0, 10)
    .map((w) => w.openid)
    .sort()
  expect([...r.promoted].sort()).toEqual(expectedPromoted)
  expect(r.waitlistAfter).toEqual(r.waitlisted.slice(10).map((w) => w.openid))
  const course = await emu.call('o_demo_resident', 'training', { action: 'get', id: r.courseId })
  expect(course).toMatchObject({ ok: true, data: { seatsLeft: 0, waitlistCount: 940 } })
}, 300_000)
