/**
 * 同意招聘方/经办人员联系我 on job applications and the audited reveal of the applicant's number (issue 14),
 * through the real SDK against the emulator: consent off by default, given when applying or later from 我的投递,
 * withdrawn again; staff of the posting's area (or its poster, or an admin) reveal the full number only while it
 * is given, every attempt audited, within an hourly and a daily cap; blocked staff refused; nothing but the audit
 * written on a refusal. The seed and the emulator clock are pinned together.
 */
import { findUnmaskedPii } from '../../shared/mask'
import { registry } from '../../shared/actions/index'
import type { ActionSpec } from '../../shared/actions/define'
import { startEmulator, type TestEmulator } from '../helpers/emulator'
import { writeSnapshot, changedCollections as allChanged } from '../helpers/writeSnapshot'
import { aPosting, STAFF } from './jobFixtures'

jest.setTimeout(120_000)
let emu: TestEmulator
/** A Wednesday 10:00 China time, the seed's now as well. */
const NOW = '2026-12-02T10:00:00+08:00'
/** 李晓明 (bound to p_demo_resident), whose register phone is 13805310001. */
const RESIDENT = 'o_demo_resident'
const RESIDENT_PHONE = '13805310001'
const RESIDENT2 = 'o_demo_resident2'
/** 青岛市市南区's handler: another department than the 历下区 postings'. */
const OTHER_DEPT_HANDLER = 'o_demo_handler2'
const ADMIN = 'o_demo_admin'
const HOUR = 3_600_000
let seq = 0
const rid = () => `contact-${Date.now().toString(36)}-${++seq}`
const db = () => emu.sdk().database()
const job = (who: string | null, data: Record<string, unknown>) => emu.call(who, 'job', data)

/** A posting in 历下区 by the demo handler (dept_370102), and an application to it. */
async function anApplication(
  over: { applicant?: string; consent?: boolean; posting?: Record<string, unknown>; poster?: string } = {},
) {
  const p = await job(over.poster ?? STAFF, aPosting(over.posting))
  expect(p).toMatchObject({ ok: true })
  const a = await job(over.applicant ?? RESIDENT, {
    action: 'apply',
    jobId: p.data.id,
    requestId: rid(),
    ...(over.consent === undefined ? {} : { contactConsent: over.consent }),
  })
  expect(a).toMatchObject({ ok: true })
  return { jobId: p.data.id as string, applicationId: a.data.applicationId as string }
}

async function aStaffUser(openid: string, fields: Record<string, unknown>) {
  await db()
    .collection('users')
    .doc(openid)
    .set({ roles: ['resident', 'handler'], personId: null, createdAt: NOW, updatedAt: NOW, ...fields })
}

/** The caller's reveal attempts (for one application; the wrapper's own refusals name no target). */
const auditOf = async (actor: string, targetId?: string) =>
  (
    await db()
      .collection('audit_logs')
      .where({ actor, event: 'job.revealContact', ...(targetId ? { targetId } : {}) })
      .orderBy('atMs', 'asc')
      .orderBy('_id', 'asc')
      .limit(1000)
      .get()
  ).data as { outcome: string; onBehalfOf?: string; detail?: Record<string, unknown> }[]

const snapshot = () => writeSnapshot(emu)
/** The collections written between two snapshots, but the caller's rate-limit counters (`users`, `rate_limits`). */
const changedCollections = (a: Record<string, string>, b: Record<string, string>) =>
  allChanged(a, b).filter((k) => k !== 'users' && k !== 'rate_limits')

beforeAll(async () => {
  emu = await startEmulator({ now: NOW })
})
afterAll(() => emu.stop())

describe('the applicant agrees to be contacted, or not', () => {
  test('given an application without the consent switch, then it is off for the applicant and for staff, and the phone stays masked', async () => {
    const { jobId, applicationId } = await anApplication()
    const mine = await job(RESIDENT, { action: 'myApplications' })
    expect(mine.data.items.find((i: { id: string }) => i.id === applicationId)).toMatchObject({
      contactConsent: false,
      contactConsentAt: null,
    })
    const staff = await job(STAFF, { action: 'applications', jobId })
    expect(staff.data.items[0]).toMatchObject({ contactConsent: false, resume: { phone: '138****0001' } })
    expect(JSON.stringify(staff)).not.toContain(RESIDENT_PHONE)
  })

  test('given 同意招聘方/经办人员联系我 chosen when applying, then staff see the consent, the phone still masked in the list', async () => {
    const { jobId } = await anApplication({ consent: true })
    const staff = await job(STAFF, { action: 'applications', jobId })
    expect(staff.data.items[0]).toMatchObject({ contactConsent: true, resume: { phone: '138****0001' } })
    expect(findUnmaskedPii(staff)).toEqual([])
  })

  test('given 我的投递, when the applicant gives and then withdraws consent, then each change is answered, stored and audited', async () => {
    const { applicationId } = await anApplication()
    const on = await job(RESIDENT, { action: 'setContactConsent', applicationId, consent: true })
    expect(on).toMatchObject({
      ok: true,
      data: { id: applicationId, contactConsent: true, contactConsentAt: expect.stringMatching(/^2026-12-02T10:00/) },
    })
    await emu.advance(60_000)
    const off = await job(RESIDENT, { action: 'setContactConsent', applicationId, consent: false })
    expect(off).toMatchObject({
      ok: true,
      data: { contactConsent: false, contactConsentAt: expect.stringMatching(/^2026-12-02T10:01/) },
    })
    const mine = await job(RESIDENT, { action: 'myApplications' })
    expect(mine.data.items.find((i: { id: string }) => i.id === applicationId)).toMatchObject({ contactConsent: false })
    const trail = (
      await db()
        .collection('audit_logs')
        .where({ event: 'job.setContactConsent', targetId: applicationId })
        .orderBy('atMs', 'asc')
        .limit(10)
        .get()
    ).data as { actor: string; detail: { consent: boolean } }[]
    expect(trail.map((t) => [t.actor, t.detail.consent])).toEqual([
      [RESIDENT, true],
      [RESIDENT, false],
    ])
  })

  test("given someone else's application, when a resident sets its consent, then NOT_FOUND and nothing is written", async () => {
    const { applicationId } = await anApplication()
    const before = snapshot()
    expect(await job(RESIDENT2, { action: 'setContactConsent', applicationId, consent: true })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(changedCollections(before, snapshot())).toEqual([])
  })

  test('given a consent that is not true or false, then VALIDATION_FAILED and nothing is written', async () => {
    const { applicationId } = await anApplication()
    const before = snapshot()
    expect(await job(RESIDENT, { action: 'setContactConsent', applicationId, consent: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    })
    expect(changedCollections(before, snapshot())).toEqual([])
  })
})

describe('查看完整号码: the audited reveal', () => {
  test('given consent off, when the posting’s handler asks for the number, then FORBIDDEN, audited, and nothing else written', async () => {
    const { applicationId } = await anApplication()
    const before = snapshot()
    const r = await job(STAFF, { action: 'revealContact', applicationId })
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '求职者未同意被联系，暂不能查看完整号码' },
    })
    expect(JSON.stringify(r)).not.toContain(RESIDENT_PHONE)
    expect(changedCollections(before, snapshot())).toEqual(['audit_logs'])
    expect(await auditOf(STAFF, applicationId)).toEqual([
      expect.objectContaining({ outcome: 'denied', onBehalfOf: RESIDENT, detail: { reason: 'noConsent' } }),
    ])
  })

  test('given consent on, when the posting’s handler asks, then the full number from the register and an audit row', async () => {
    const { applicationId, jobId } = await anApplication({ consent: true })
    const r = await job(STAFF, { action: 'revealContact', applicationId })
    expect(r).toEqual({ ok: true, data: { applicationId, name: '李晓明', phone: RESIDENT_PHONE } })
    expect(await auditOf(STAFF, applicationId)).toEqual([
      expect.objectContaining({ outcome: 'ok', onBehalfOf: RESIDENT, detail: { jobId } }),
    ])
    // the number is never written in plain text: not on the application, not in the audit
    const stored = JSON.stringify((await db().collection('applications').doc(applicationId).get()).data)
    expect(stored).not.toContain(RESIDENT_PHONE)
    expect(JSON.stringify(await auditOf(STAFF, applicationId))).not.toContain(RESIDENT_PHONE)
  })

  test('given consent withdrawn after a reveal, then the next reveal is refused again', async () => {
    const { applicationId } = await anApplication({ consent: true })
    expect(await job(STAFF, { action: 'revealContact', applicationId })).toMatchObject({ ok: true })
    await job(RESIDENT, { action: 'setContactConsent', applicationId, consent: false })
    expect(await job(STAFF, { action: 'revealContact', applicationId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect((await auditOf(STAFF, applicationId)).map((e) => e.outcome)).toEqual(['ok', 'denied'])
  })

  test('given a handler of another department, then FORBIDDEN and audited; an admin and a handler of the district may', async () => {
    // posted by the admin: the 历下区 handler reaches it through their department, not as its poster
    const { applicationId } = await anApplication({ consent: true, poster: ADMIN })
    const before = snapshot()
    expect(await job(OTHER_DEPT_HANDLER, { action: 'revealContact', applicationId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '该岗位不在您所在部门的服务范围内' },
    })
    expect(changedCollections(before, snapshot())).toEqual(['audit_logs'])
    expect(await auditOf(OTHER_DEPT_HANDLER, applicationId)).toEqual([
      expect.objectContaining({ outcome: 'denied', detail: { reason: 'FORBIDDEN' } }),
    ])
    expect(await job(STAFF, { action: 'revealContact', applicationId })).toMatchObject({
      ok: true,
      data: { phone: RESIDENT_PHONE },
    })
    expect(await job(ADMIN, { action: 'revealContact', applicationId })).toMatchObject({
      ok: true,
      data: { phone: RESIDENT_PHONE },
    })
  })

  test('given the city bureau’s handler, then a posting in one of its districts is within reach', async () => {
    const CITY = 'o_contact_city_handler'
    await aStaffUser(CITY, { departmentId: 'dept_370100' })
    const { applicationId } = await anApplication({ consent: true, poster: ADMIN })
    expect(await job(CITY, { action: 'revealContact', applicationId })).toMatchObject({
      ok: true,
      data: { phone: RESIDENT_PHONE },
    })
  })

  test('given an unknown application, then NOT_FOUND and the attempt is audited', async () => {
    const before = snapshot()
    expect(await job(STAFF, { action: 'revealContact', applicationId: 'app_no_such_one' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(changedCollections(before, snapshot())).toEqual(['audit_logs'])
    expect(await auditOf(STAFF, 'app_no_such_one')).toEqual([
      expect.objectContaining({ outcome: 'denied', detail: { reason: 'NOT_FOUND' } }),
    ])
  })

  test('given a resident, then FORBIDDEN by the role gate and nothing written', async () => {
    const { applicationId } = await anApplication({ consent: true })
    const before = snapshot()
    expect(await job(RESIDENT2, { action: 'revealContact', applicationId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(changedCollections(before, snapshot())).toEqual([])
  })

  test('given a blocked handler of the district, then FORBIDDEN (blocked), the refusal audited, no number', async () => {
    const BLOCKED = 'o_contact_blocked_handler'
    await aStaffUser(BLOCKED, { departmentId: 'dept_370102', blocked: true })
    const { applicationId } = await anApplication({ consent: true })
    const before = snapshot()
    const r = await job(BLOCKED, { action: 'revealContact', applicationId })
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { stage: 'blocked' } } })
    expect(JSON.stringify(r)).not.toContain(RESIDENT_PHONE)
    expect(changedCollections(before, snapshot())).toEqual(['audit_logs'])
    expect(await auditOf(BLOCKED)).toEqual([
      expect.objectContaining({ outcome: 'denied', detail: { reason: 'FORBIDDEN' } }),
    ])
  })

  test('given a handler over the hourly cap and then over the daily cap, then RATE_LIMITED, each refusal audited', async () => {
    const spec = registry.job.actions.revealContact as ActionSpec
    const HOURLY = spec.rateLimit!.max
    const DAILY = spec.rateLimit!.dailyMax!
    const BUSY = 'o_contact_busy_handler'
    await aStaffUser(BUSY, { departmentId: 'dept_370102' })
    const { applicationId } = await anApplication({ consent: true })
    const answers: string[] = []
    for (let i = 0; i <= HOURLY; i++) {
      const r = await job(BUSY, { action: 'revealContact', applicationId })
      answers.push(r.ok ? 'ok' : r.error.code)
    }
    expect(answers.slice(0, HOURLY)).toEqual(Array(HOURLY).fill('ok'))
    expect(answers[HOURLY]).toBe('RATE_LIMITED')
    // the next hours: the hourly window opens again until the daily cap is reached
    let ok = HOURLY
    let limited = 0
    for (let hour = 1; hour <= Math.ceil(DAILY / HOURLY); hour++) {
      await emu.advance(HOUR)
      for (let i = 0; i < HOURLY; i++) {
        const r = await job(BUSY, { action: 'revealContact', applicationId })
        if (r.ok) ok++
        else if (r.error.code === 'RATE_LIMITED') limited++
      }
    }
    expect(ok).toBe(DAILY)
    expect(limited).toBeGreaterThan(0)
    const log = await auditOf(BUSY)
    expect(log.filter((e) => e.outcome === 'ok')).toHaveLength(DAILY)
    expect(log.filter((e) => e.outcome === 'denied')).toHaveLength(limited + 1)
    expect(log[log.length - 1]).toMatchObject({ outcome: 'denied', detail: { reason: 'RATE_LIMITED' } })
  }, 120_000)
})
