/**
 * The holiday calendar as data (feedback.holidays / feedback.setHolidays): the package's years read-only, a
 * year no release covers entered by an admin, validated and audited; until it is entered, deadlines in that
 * year count Monday–Friday and staff see a warning. The 2027 days below are test input typed by an "admin",
 * not the official 2027 schedule (not published in the stored sources).
 */
import { startEmulator, type TestEmulator } from '../helpers/emulator'

let emu: TestEmulator
const RESIDENT = 'o_demo_resident'
const HANDLER = 'o_demo_handler'
const ADMIN = 'o_demo_admin'
// Wednesday 2026-12-30: a 3-working-day consultation runs into 2027.
const NEW_YEARS_EVE_EVE = '2026-12-30T10:00:00+08:00'

let seq = 0
const rid = () => `hol-${process.pid}-${++seq}`
const call = (openid: string | null, action: string, data: Record<string, unknown> = {}) =>
  emu.call(openid, 'feedback', { action, ...data })
const aConsultation = () => ({
  category: 'consultation',
  content: '请问元旦期间失业登记窗口是否办公？',
  regionCode: '370102',
  requestId: rid(),
})
const aYear = (over: { date: string; kind: 'holiday' | 'workday'; name: string }[] = []) => [
  { date: '2027-01-01', kind: 'holiday', name: '元旦' },
  { date: '2027-01-02', kind: 'holiday', name: '元旦' },
  { date: '2027-01-03', kind: 'holiday', name: '元旦' },
  ...over,
]
const auditOf = async () =>
  (
    await emu
      .sdk()
      .database()
      .collection('audit_logs')
      .where({ event: 'feedback.setHolidays' })
      .orderBy('atMs', 'asc')
      .limit(100)
      .get()
  ).data as Record<string, unknown>[]

beforeAll(async () => {
  emu = await startEmulator({ seed: { now: new Date(NEW_YEARS_EVE_EVE) } })
  await emu.setClock(NEW_YEARS_EVE_EVE)
}, 120_000)
afterAll(async () => {
  await emu?.stop()
})

describe('the package years', () => {
  test('2026 comes from chinese-days, read-only: 春节 days and the make-up Saturday 02-14', async () => {
    const r = await call(HANDLER, 'holidays', { year: 2026 })
    expect(r).toMatchObject({
      ok: true,
      data: { year: 2026, source: 'package', editable: false, holidays: 33, workdays: 6 },
    })
    expect(r.data.days).toContainEqual({ date: '2026-02-14', kind: 'workday', name: '春节' })
    expect(
      await call(ADMIN, 'setHolidays', {
        year: 2026,
        days: aYear().map((d) => ({ ...d, date: d.date.replace('2027', '2026') })),
      }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })
})

describe('a year no release covers (2027)', () => {
  test('until it is entered, staff see the warning and a deadline across New Year counts 2027-01-01 (a Friday) as a working day', async () => {
    const r = await call(HANDLER, 'holidays', { year: 2027 })
    expect(r).toMatchObject({ ok: true, data: { year: 2027, source: 'none', days: [] } })
    expect(r.data.warning).toContain('2027年节假日安排尚未录入')
    expect(r.data.yearWarning).toContain('周一至周五')
    const sub = await call(RESIDENT, 'submit', aConsultation())
    expect(sub).toMatchObject({ ok: true, data: { dueAt: '2027-01-04T23:59:59.999+08:00' } })
  })

  test('bad dates, dates outside the year and overlapping days are refused with the day named, and nothing is stored', async () => {
    const cases: [unknown[], RegExp][] = [
      [aYear([{ date: '2027-02-30', kind: 'holiday', name: '春节' }]), /2027-02-30 不是有效日期/],
      [aYear([{ date: '2028-01-01', kind: 'holiday', name: '元旦' }]), /不在2027年内/],
      [aYear([{ date: '2027-01-02', kind: 'workday', name: '元旦' }]), /2027-01-02 与第2项重叠/],
      [aYear([{ date: '2027-01-06', kind: 'workday', name: '元旦' }]), /本来就是工作日/],
      [[{ date: '2027/01/01', kind: 'holiday', name: '元旦' }], /YYYY-MM-DD/],
      [[{ date: '2027-01-01', kind: 'rest', name: '元旦' }], /holiday/],
    ]
    for (const [days, message] of cases) {
      const r = await call(ADMIN, 'setHolidays', { year: 2027, days })
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
      expect(r.error.message).toMatch(message)
    }
    expect(await call(HANDLER, 'holidays', { year: 2027 })).toMatchObject({ ok: true, data: { source: 'none' } })
    expect(await auditOf()).toHaveLength(0)
  })

  test('only an admin enters a year; a handler may read it', async () => {
    expect(await call(HANDLER, 'setHolidays', { year: 2027, days: aYear() })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await call(RESIDENT, 'holidays', { year: 2027 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await call(null, 'holidays', { year: 2027 })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })
  })

  test('once an admin enters 2027, it is audited, the warning goes, and a new deadline skips the entered holiday', async () => {
    const saved = await call(ADMIN, 'setHolidays', {
      year: 2027,
      days: aYear([{ date: '2027-01-09', kind: 'workday', name: '元旦' }]),
    })
    expect(saved).toMatchObject({
      ok: true,
      data: { year: 2027, source: 'admin', revision: 1, holidays: 3, workdays: 1 },
    })
    const got = await call(HANDLER, 'holidays', { year: 2027 })
    expect(got).toMatchObject({ ok: true, data: { source: 'admin', editable: true, warning: null, yearWarning: null } })
    expect(got.data.days.map((d: { date: string }) => d.date)).toEqual([
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
      '2027-01-09',
    ])
    const sub = await call(RESIDENT, 'submit', aConsultation())
    expect(sub).toMatchObject({ ok: true, data: { dueAt: '2027-01-05T23:59:59.999+08:00' } }) // 12-31, 01-04, 01-05

    const again = await call(ADMIN, 'setHolidays', { year: 2027, days: aYear() })
    expect(again).toMatchObject({ ok: true, data: { revision: 2, workdays: 0 } })
    const entries = await auditOf()
    expect(entries).toHaveLength(2)
    expect(entries[0]).toMatchObject({
      actor: ADMIN,
      targetId: '2027',
      outcome: 'ok',
      detail: { revision: 1, holidays: 3, workdays: 1, previousRevision: null },
    })
    expect(entries[1]).toMatchObject({ detail: { revision: 2, previousRevision: 1, previousDays: 4 } })
  })
})
