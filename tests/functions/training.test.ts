/**
 * Training through the real SDK and the local emulator: seats, waitlist, promotion, deadlines,
 * idempotency, reminders and the lifelong record.
 */
import { startEmulator } from '../helpers/emulator'
import { cstStartOfDayMs, toIsoCst } from '../../shared/calendar/chinaTime'

type Emu = Awaited<ReturnType<typeof startEmulator>>
let emu: Emu
/** Pinned with the seed (a Wednesday 10:00 China time, a working day): nothing here follows the real date or hour. */
const NOW = '2026-12-02T10:00:00+08:00'

const ADMIN = 'o_demo_admin'
const DAY = 86400_000
const iso = (ms: number) => toIsoCst(ms)
let seq = 0
const rid = () => `req-${Date.now().toString(36)}-${++seq}`

/** The emulator's clock (pinned with the seed), not the real one. */
const emuNow = () => emu.server.now().getTime()

async function aCourse(over: Record<string, unknown> = {}): Promise<string> {
  const now = emuNow()
  const r = await emu.call(ADMIN, 'training', {
    action: 'create',
    title: '育婴员（初级）培训班',
    occupationCode: 'L-TR-001',
    regionCode: '370102',
    capacity: 2,
    startAt: iso(now + 5 * DAY),
    signupDeadline: iso(now + 4 * DAY),
    address: '济南市历下区实训楼',
    lat: 36.67,
    lng: 117.07,
    ...over,
  })
  expect(r).toMatchObject({ ok: true })
  return (r as { data: { id: string } }).data.id
}

const signup = (openid: string, courseId: string, requestId = rid()) =>
  emu.call(openid, 'training', { action: 'signup', courseId, requestId })

const db = () => emu.sdk().database()

beforeAll(async () => {
  emu = await startEmulator({ now: NOW })
}, 120_000)
afterAll(async () => {
  await emu?.stop()
})

describe('signup with seats and a waitlist', () => {
  test('given 2 seats, when 3 residents sign up, then 2 are confirmed and the third is first on the waitlist', async () => {
    const id = await aCourse()
    const a = await signup('o_t_a1', id)
    const b = await signup('o_t_a2', id)
    const c = await signup('o_t_a3', id)
    expect(a).toMatchObject({ ok: true, data: { status: 'confirmed' } })
    expect(b).toMatchObject({ ok: true, data: { status: 'confirmed' } })
    expect(c).toMatchObject({ ok: true, data: { status: 'waitlisted', waitlistPosition: 1 } })
    const detail = await emu.call('o_t_a3', 'training', { action: 'get', id })
    expect(detail).toMatchObject({
      ok: true,
      data: { seatsLeft: 0, waitlistCount: 1, mySignup: { status: 'waitlisted', waitlistPosition: 1 } },
    })
  })

  test('the same requestId twice gives the first answer and one signup; a second request of the same person does not book twice', async () => {
    const id = await aCourse({ capacity: 5 })
    const r1 = rid()
    const first = await signup('o_t_b1', id, r1)
    const again = await signup('o_t_b1', id, r1)
    const other = await signup('o_t_b1', id)
    expect(again).toEqual(first)
    expect(other).toMatchObject({
      ok: true,
      data: { status: 'confirmed', signupId: (first as { data: { signupId: string } }).data.signupId },
    })
    const count = await db().collection('training_signups').where({ courseId: id }).count()
    expect(count.total).toBe(1)
    const course = await emu.call('o_t_b1', 'training', { action: 'get', id })
    expect(course).toMatchObject({ ok: true, data: { seatsLeft: 4 } })
  })

  test('the same requestId sent again after a cancellation answers as the first time and books nothing', async () => {
    const id = await aCourse({ capacity: 3 })
    const r1 = rid()
    const first = await signup('o_t_b2', id, r1)
    expect(first).toMatchObject({ ok: true, data: { status: 'confirmed' } })
    expect(await emu.call('o_t_b2', 'training', { action: 'cancel', courseId: id })).toMatchObject({ ok: true })
    const again = await signup('o_t_b2', id, r1)
    expect(again).toEqual(first)
    const detail = await emu.call('o_t_b2', 'training', { action: 'get', id })
    expect(detail).toMatchObject({ ok: true, data: { seatsLeft: 3, mySignup: null } })
  })

  test('when a confirmed trainee cancels, the first on the waitlist is promoted and notified', async () => {
    const id = await aCourse({ capacity: 1 })
    await signup('o_t_c1', id)
    await signup('o_t_c2', id)
    await signup('o_t_c3', id)
    const cancel = await emu.call('o_t_c1', 'training', { action: 'cancel', courseId: id })
    expect(cancel).toMatchObject({ ok: true, data: { status: 'cancelled', promoted: true } })
    const c2 = await emu.call('o_t_c2', 'training', { action: 'get', id })
    const c3 = await emu.call('o_t_c3', 'training', { action: 'get', id })
    expect(c2).toMatchObject({ ok: true, data: { mySignup: { status: 'confirmed' } } })
    expect(c3).toMatchObject({ ok: true, data: { mySignup: { status: 'waitlisted', waitlistPosition: 1 } } })
    const pushed = await db().collection('outbox').where({ openid: 'o_t_c2', template: 'trainingPromoted' }).get()
    expect(pushed.data).toHaveLength(1)
    const none = await db().collection('outbox').where({ openid: 'o_t_c3', template: 'trainingPromoted' }).count()
    expect(none.total).toBe(0)
  })

  test('a waitlisted person who cancels leaves the queue and the others move up', async () => {
    const id = await aCourse({ capacity: 1 })
    await signup('o_t_d1', id)
    await signup('o_t_d2', id)
    await signup('o_t_d3', id)
    await emu.call('o_t_d2', 'training', { action: 'cancel', courseId: id })
    const d3 = await emu.call('o_t_d3', 'training', { action: 'get', id })
    expect(d3).toMatchObject({
      ok: true,
      data: { waitlistCount: 1, mySignup: { status: 'waitlisted', waitlistPosition: 1 } },
    })
    const again = await emu.call('o_t_d2', 'training', { action: 'cancel', courseId: id })
    expect(again).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  test('past the signup deadline, or for a cancelled course, the resident gets a clear error and nothing is booked', async () => {
    const id = await aCourse({ capacity: 3 })
    await emu.setClock(iso(emuNow() + 4 * DAY + 3600_000))
    const late = await signup('o_t_e1', id)
    expect(late).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect((late as { error: { message: string } }).error.message).toContain('截止')
    await emu.admin('/_emulator/clock', { advanceMs: 0 })
    await emu.reset()
    const id2 = await aCourse({ capacity: 3 })
    const cancelled = await emu.call(ADMIN, 'training', { action: 'cancelCourse', courseId: id2, reason: '场地维修' })
    expect(cancelled).toMatchObject({ ok: true })
    const r = await signup('o_t_e2', id2)
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect((r as { error: { message: string } }).error.message).toContain('取消')
    const n = await db().collection('training_signups').where({ courseId: id2 }).count()
    expect(n.total).toBe(0)
  })
})

describe('abuse', () => {
  test('more than 30 signup requests in an hour from one account are refused with RATE_LIMITED', async () => {
    const id = await aCourse({ capacity: 5 })
    const answers = []
    for (let i = 0; i < 31; i++) answers.push(await signup('o_t_rate_limited', id))
    expect(answers.slice(0, 30).every((a) => a.ok)).toBe(true)
    expect(answers[30]).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } })
    await emu.advance(3600_000)
    expect(await signup('o_t_rate_limited', id)).toMatchObject({ ok: true })
  })
})

describe('catalogue and map', () => {
  test('search by city returns only that city, pages without duplicates, and never a course that already started', async () => {
    const seen = new Set<string>()
    let cursor: string | null | undefined
    let pages = 0
    do {
      const r = (await emu.call('o_demo_resident', 'training', {
        action: 'search',
        cityCode: '370100',
        pageSize: 7,
        cursor: cursor ?? undefined,
      })) as {
        ok: true
        data: { items: { id: string; cityCode: string; startAt: string }[]; nextCursor: string | null }
      }
      expect(r.ok).toBe(true)
      for (const c of r.data.items) {
        expect(c.cityCode).toBe('370100')
        expect(Date.parse(c.startAt)).toBeGreaterThan(emuNow() - 60_000)
        expect(seen.has(c.id)).toBe(false)
        seen.add(c.id)
      }
      cursor = r.data.nextCursor
      pages++
    } while (cursor && pages < 50)
    expect(seen.size).toBeGreaterThan(0)
  })

  test('the training map lists offline courses within the radius, nearest first', async () => {
    const r = (await emu.call('o_demo_resident', 'training', {
      action: 'search',
      near: { lat: 36.67, lng: 117.07, radiusKm: 30 },
      pageSize: 50,
    })) as {
      ok: true
      data: { items: { mode: string; distanceKm: number }[] }
    }
    expect(r.ok).toBe(true)
    expect(r.data.items.length).toBeGreaterThan(0)
    const d = r.data.items.map((x) => x.distanceKm)
    expect([...d].sort((a, b) => a - b)).toEqual(d)
    expect(Math.max(...d)).toBeLessThanOrEqual(30)
    expect(r.data.items.every((x) => x.mode === 'offline')).toBe(true)
  })
})

describe('attendance, completion and the lifelong record', () => {
  test('a completed course appears in the trainee record with its certificate; unattended trainees cannot complete', async () => {
    const id = await aCourse({ capacity: 3 })
    const s1 = (await signup('o_t_f1', id)) as { data: { signupId: string } }
    const s2 = (await signup('o_t_f2', id)) as { data: { signupId: string } }
    const att = await emu.call(ADMIN, 'training', {
      action: 'markAttendance',
      courseId: id,
      signupIds: [s1.data.signupId],
    })
    expect(att).toMatchObject({ ok: true, data: { results: [{ ok: true }] } })
    const done = await emu.call(ADMIN, 'training', {
      action: 'complete',
      courseId: id,
      results: [{ signupId: s1.data.signupId, certificateNo: 'S2026-0001' }, { signupId: s2.data.signupId }],
    })
    expect(done).toMatchObject({ ok: true, data: { results: [{ ok: true }, { ok: false }] } })
    const rec = await emu.call('o_t_f1', 'training', { action: 'myRecords' })
    expect(rec).toMatchObject({
      ok: true,
      data: { items: [{ courseId: id, certificateNo: 'S2026-0001', title: '育婴员（初级）培训班' }] },
    })
    const none = await emu.call('o_t_f2', 'training', { action: 'myRecords' })
    expect(none).toMatchObject({ ok: true, data: { items: [] } })
    const cancel = await emu.call('o_t_f1', 'training', { action: 'cancel', courseId: id })
    expect(cancel).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  test('residents cannot manage courses', async () => {
    const r = await emu.call('o_demo_resident', 'training', { action: 'create', title: 'x' })
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

describe('subsidy explanation', () => {
  test('a bound resident sees whether the training subsidy applies to them and why; an unbound one is asked to bind first', async () => {
    const id = await aCourse({ capacity: 3 })
    const bound = (await emu.call('o_demo_resident', 'training', { action: 'get', id })) as {
      ok: true
      data: {
        subsidy: { policyId: string; status: string; reasons: { text: string; passed: boolean }[]; text: string }
      }
    }
    expect(bound.ok).toBe(true)
    expect(bound.data.subsidy.policyId).toBe('vocational-training-subsidy')
    expect(bound.data.subsidy.reasons.length).toBeGreaterThan(0)
    expect(bound.data.subsidy.reasons.every((r) => typeof r.text === 'string' && r.text.length > 0)).toBe(true)
    const unbound = (await emu.call('o_t_unbound', 'training', { action: 'get', id })) as {
      ok: true
      data: { subsidy: { status: string; text: string } }
    }
    expect(unbound.data.subsidy.status).toBe('undetermined')
    expect(unbound.data.subsidy.text).toContain('实名绑定')
  })
})

describe('reminders', () => {
  test('the day before a session each confirmed trainee is reminded exactly once', async () => {
    // 10:00 China time tomorrow: the session (three days on) and the trigger's run (two days and a minute on) fall on
    // consecutive CST days whatever the real time of day (from 23:59 on, "now + 2 days + 1 minute" is already the
    // session's own day)
    const now = cstStartOfDayMs(emuNow()) + DAY + 10 * 3600_000
    await emu.setClock(iso(now))
    const id = await aCourse({ capacity: 1, startAt: iso(now + 3 * DAY), signupDeadline: iso(now + 2 * DAY) })
    await signup('o_t_g1', id)
    await signup('o_t_g2', id) // waitlisted: no reminder
    await emu.setClock(iso(now + 2 * DAY + 60_000))
    await emu.trigger('training', 'remind')
    await emu.trigger('training', 'remind')
    const sent = await db()
      .collection('outbox')
      .where({ template: 'trainingReminder', 'source.module': 'training' })
      .get()
    const mine = (sent.data as { openid: string }[]).filter((x) => x.openid === 'o_t_g1' || x.openid === 'o_t_g2')
    expect(mine.map((x) => x.openid)).toEqual(['o_t_g1'])
  })
})
