/**
 * Applications end to end through the emulator: idempotent apply, staff moving an application with a
 * notification to the applicant, the "were you hired?" follow-up, favourites, recommendations, nearby places,
 * and who may do what.
 */
import { findUnmaskedPii } from '../../shared/mask'
import { startEmulator, type TestEmulator } from '../helpers/emulator'
import { aPosting, STAFF } from './jobFixtures'

jest.setTimeout(60_000)
let emu: TestEmulator
/** Pinned with the seed (a Wednesday 10:00 China time, a working day): nothing here follows the real date or hour. */
const NOW = '2026-12-02T10:00:00+08:00'
const RESIDENT = 'o_demo_resident'
const RESIDENT2 = 'o_demo_resident2'
const DAY = 86400_000
let seq = 0
const rid = () => `apply-${Date.now().toString(36)}-${++seq}`

const job = (who: string | null, data: Record<string, unknown>) => emu.call(who, 'job', data)
const post = async (over: Record<string, unknown> = {}): Promise<string> => {
  const r = await job(STAFF, aPosting(over))
  expect(r).toMatchObject({ ok: true })
  return r.data.id
}
const countApplications = async (jobId: string) =>
  (await emu.sdk().database().collection('applications').where({ jobId }).count()).total

beforeAll(async () => {
  emu = await startEmulator({ now: NOW })
})
afterAll(() => emu.stop())

describe('apply', () => {
  it('given the same requestId twice, then the first application comes back and nothing new is written', async () => {
    const jobId = await post()
    const requestId = rid()
    const a = await job(RESIDENT, { action: 'apply', jobId, requestId })
    const b = await job(RESIDENT, { action: 'apply', jobId, requestId })
    expect(a).toMatchObject({ ok: true, data: { status: 'submitted', jobId } })
    expect(b).toEqual(a)
    expect(await countApplications(jobId)).toBe(1)
  })
  it('given a second apply to the same posting with a new requestId, then it is the first application', async () => {
    const jobId = await post()
    const a = await job(RESIDENT, { action: 'apply', jobId, requestId: rid() })
    const b = await job(RESIDENT, { action: 'apply', jobId, requestId: rid() })
    expect(b.data.applicationId).toBe(a.data.applicationId)
    expect(await countApplications(jobId)).toBe(1)
  })
  it('given five concurrent applies with different requestIds, then exactly one application exists', async () => {
    const jobId = await post()
    const rs = await Promise.all(
      Array.from({ length: 5 }, () => job(RESIDENT2, { action: 'apply', jobId, requestId: rid() })),
    )
    expect(new Set(rs.map((r) => r.data?.applicationId)).size).toBe(1)
    expect(await countApplications(jobId)).toBe(1)
  })
  it('the application keeps a masked resume snapshot from the profile and person record', async () => {
    const jobId = await post()
    await job(RESIDENT, { action: 'apply', jobId, requestId: rid() })
    const list = await job(STAFF, { action: 'applications', jobId })
    expect(list.data.items).toHaveLength(1)
    const resume = list.data.items[0].resume
    expect(resume.name).toBe('李*明')
    expect(resume.phone).toMatch(/^138\*{4}\d{4}$/)
    expect(resume.skills).toEqual(expect.arrayContaining(['办公软件']))
    expect(findUnmaskedPii(list)).toEqual([])
  })
  it('unknown posting → NOT_FOUND; anonymous → UNAUTHENTICATED; bad requestId → VALIDATION_FAILED', async () => {
    expect(await job(RESIDENT, { action: 'apply', jobId: 'job_nope', requestId: rid() })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await job(null, { action: 'apply', jobId: 'job_000001', requestId: rid() })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })
    expect(await job(RESIDENT, { action: 'apply', jobId: 'job_000001', requestId: 'short' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    })
  })
})

describe('staff move an application; the applicant is told and sees it', () => {
  it('given staff set interview, then myApplications shows 邀请面试 and a notification is queued', async () => {
    const jobId = await post({ title: '焊工', employerName: '济南面试测试有限公司' })
    const applied = await job(RESIDENT, { action: 'apply', jobId, requestId: rid() })
    const moved = await job(STAFF, {
      action: 'setApplicationStatus',
      applicationId: applied.data.applicationId,
      status: 'interview',
      note: '周三上午面试',
    })
    expect(moved).toMatchObject({ ok: true, data: { status: 'interview', statusLabel: '邀请面试' } })

    const mine = await job(RESIDENT, { action: 'myApplications' })
    const item = mine.data.items.find((i: { id: string }) => i.id === applied.data.applicationId)
    expect(item).toMatchObject({ status: 'interview', statusLabel: '邀请面试' })
    expect(item.history.map((h: { status: string }) => h.status)).toEqual(['submitted', 'interview'])

    const db = emu.sdk().database()
    const outbox = await db.collection('outbox').where({ openid: RESIDENT, template: 'applicationStatus' }).get()
    const note = (outbox.data as { data: Record<string, string>; source: { refId: string } }[]).find(
      (o) => o.source.refId === applied.data.applicationId,
    )
    expect(note?.data).toMatchObject({ jobTitle: '焊工', status: '邀请面试' })
  })
  it('given a hired application, then it cannot go back to interview (CONFLICT)', async () => {
    const jobId = await post()
    const applied = await job(RESIDENT2, { action: 'apply', jobId, requestId: rid() })
    const id = applied.data.applicationId
    expect(await job(STAFF, { action: 'setApplicationStatus', applicationId: id, status: 'hired' })).toMatchObject({
      ok: true,
    })
    expect(await job(STAFF, { action: 'setApplicationStatus', applicationId: id, status: 'interview' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
  })
  it('a resident cannot post or move applications (FORBIDDEN), whatever the payload', async () => {
    expect(await job(RESIDENT, aPosting())).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await job(RESIDENT, { action: 'setApplicationStatus' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await job(null, { action: 'applications', jobId: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })
  })
  it('staff edit a posting: new title is searchable, contact stays masked', async () => {
    const id = await post({ employerName: '鸿雁编辑测试有限公司' })
    const upd = await job(STAFF, {
      action: 'update',
      id,
      title: '叉车司机',
      occupationCode: 'L-4-10',
      salaryMin: 200,
      salaryMax: 220,
      salaryUnit: 'day',
    })
    expect(upd).toMatchObject({
      ok: true,
      data: { title: '叉车司机', salaryText: '200-220元/天', salaryMonthlyMin: 4350 },
    })
    const r = await job(null, { action: 'search', keyword: '鸿雁 叉车' })
    expect(r.data.items[0].id).toBe(id) // both words match only this one; other 叉车 postings follow
    const aboutForklifts = (i: { occupationCode: string; skills: string[] }) =>
      i.occupationCode === 'L-4-10' || i.skills.some((s) => s.includes('叉车'))
    expect(r.data.items.slice(1).every(aboutForklifts)).toBe(true)
    expect(await job(STAFF, { action: 'update', id, salaryMin: 300 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    })
    const mine = await job(STAFF, { action: 'myPostings', pageSize: 100 })
    expect(mine.data.items.map((i: { id: string }) => i.id)).toContain(id)
  })
})

describe('the "were you hired?" follow-up', () => {
  it('given 14 days after applying, then it is asked; once answered, the outcome is kept and no longer asked', async () => {
    const jobId = await post()
    const applied = await job(RESIDENT2, { action: 'apply', jobId, requestId: rid() })
    const find = async () =>
      (await job(RESIDENT2, { action: 'myApplications', pageSize: 100 })).data.items.find(
        (i: { id: string }) => i.id === applied.data.applicationId,
      )
    expect((await find()).followUp.asked).toBe(false)
    await emu.advance(15 * DAY)
    try {
      const item = await find()
      expect(item.followUp).toMatchObject({ asked: true, question: '您通过这次投递找到工作了吗？', outcome: null })
      const r = await job(RESIDENT2, { action: 'reportOutcome', applicationId: item.id, hired: true })
      expect(r).toMatchObject({ ok: true, data: { followUp: { asked: false, outcome: 'hired' } } })
      expect((await find()).followUp.outcome).toBe('hired')
      expect(await job(RESIDENT, { action: 'reportOutcome', applicationId: item.id, hired: false })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      })
    } finally {
      await emu.advance(-15 * DAY)
    }
  })
})

describe('contact phones at rest', () => {
  it('a posted job keeps its contact phone sealed: masked in the record and in every answer, the seed likewise', async () => {
    const id = await post({ contactPhone: '13987654321' })
    const stored = ((await emu.sdk().database().collection('jobs').doc(id).get()).data as Record<string, unknown>[])[0]
    expect(stored.contactPhone).toBe('139****4321')
    expect(typeof stored.contactPhoneEnc).toBe('string')
    expect(JSON.stringify(stored)).not.toContain('13987654321')
    expect((await job(RESIDENT, { action: 'get', id })).data.contact.phone).toBe('139****4321')
    // an edit of the number seals the new one
    expect(await job(STAFF, { action: 'update', id, contactPhone: '13711112222' })).toMatchObject({ ok: true })
    const edited = ((await emu.sdk().database().collection('jobs').doc(id).get()).data as Record<string, unknown>[])[0]
    expect([edited.contactPhone, JSON.stringify(edited).includes('13711112222')]).toEqual(['137****2222', false])
    const seeded = (await emu.sdk().database().collection('jobs').limit(200).get()).data
    expect(findUnmaskedPii(seeded)).toEqual([])
  })
})

describe('favourites, recommendations, nearby', () => {
  it('favourite on and off', async () => {
    const id = await post()
    expect(await job(RESIDENT, { action: 'favorite', id, on: true })).toMatchObject({
      ok: true,
      data: { favorited: true },
    })
    expect((await job(RESIDENT, { action: 'myFavorites' })).data.items.map((i: { id: string }) => i.id)).toContain(id)
    expect((await job(RESIDENT, { action: 'get', id })).data.favorited).toBe(true)
    await job(RESIDENT, { action: 'favorite', id, on: false })
    expect((await job(RESIDENT, { action: 'myFavorites' })).data.items.map((i: { id: string }) => i.id)).not.toContain(
      id,
    )
  })
  it('given a resident who wants 育婴师 work, then 育婴员 postings near home come first with a Chinese explanation', async () => {
    const r = await job(RESIDENT2, { action: 'recommend', pageSize: 10 })
    expect(r.ok).toBe(true)
    const top = r.data.items[0]
    expect(top.occupationCode).toBe('4-10-01-02')
    expect(top.cityCode).toBe('370100')
    expect(top.explanation).toMatch(/^匹配度 \d+%：.*求职意向相符（育婴员）/)
    const pct = r.data.items.map((i: { matchPercent: number }) => i.matchPercent)
    expect(pct).toEqual([...pct].sort((a: number, b: number) => b - a))
    for (const i of r.data.items) for (const s of i.lackingSkills) expect(i.skills).toContain(s)
    const next = await job(RESIDENT2, { action: 'recommend', pageSize: 10, cursor: r.data.nextCursor })
    expect(
      next.data.items.filter((i: { id: string }) => r.data.items.some((j: { id: string }) => j.id === i.id)),
    ).toEqual([])
  })
  it('given a resident who wants to work in 青岛市 (意向地区), then a 焊工 posting there comes first and says why', async () => {
    const me = 'o_recommend_wanted_city'
    const inQingdao = await job('o_demo_handler2', {
      ...aPosting({ districtCode: '370202', address: '青岛市市南区测试路8号', lat: 36.07, lng: 120.38 }),
      requestId: rid(),
    })
    expect(inQingdao).toMatchObject({ ok: true })
    const wants = { action: 'updateProfile', desiredOccupations: ['6-18-02-04'], skills: ['识图'] }
    expect(await emu.call(me, 'user', wants)).toMatchObject({ ok: true })
    const before = await job(me, { action: 'recommend', pageSize: 20 })
    expect(before.data.items.some((i: { reasons: string[] }) => i.reasons.includes('在您想去的青岛市'))).toBe(false)

    expect(await emu.call(me, 'user', { ...wants, desiredCities: ['370200'] })).toMatchObject({ ok: true })
    const after = await job(me, { action: 'recommend', pageSize: 20 })
    expect(after.data.items[0]).toMatchObject({ id: inQingdao.data.id, cityCode: '370200' })
    expect(after.data.items[0].reasons).toEqual(expect.arrayContaining(['求职意向相符（焊工）', '在您想去的青岛市']))
  })
  it('given a location in 历下区, then service stations and gig markets come nearest first within the radius', async () => {
    const r = await job(null, { action: 'nearby', lat: 36.67, lng: 117.07, radiusKm: 5 })
    expect(r.data.items.length).toBeGreaterThan(1)
    const d = r.data.items.map((i: { distanceKm: number }) => i.distanceKm)
    expect(d).toEqual([...d].sort((a: number, b: number) => a - b))
    expect(Math.max(...d)).toBeLessThanOrEqual(5)
    expect(new Set(r.data.items.map((i: { kind: string }) => i.kind))).toEqual(new Set(['serviceStation', 'gigMarket']))
    const markets = await job(null, { action: 'nearby', lat: 36.67, lng: 117.07, radiusKm: 5, kind: 'gigMarket' })
    for (const i of markets.data.items) expect(i.kindLabel).toBe('零工市场')
  })
})
