/**
 * Job search through the real SDK and the emulator: segmentation, filters, sorts, paging without duplicates
 * or gaps, expiry, masking, validation, and what the keyword was understood as (`interpreted`, `sort`).
 * The seed and the emulator clock are pinned together to NOW.
 */
import { findUnmaskedPii } from '../../shared/mask'
import { startEmulator, type TestEmulator } from '../helpers/emulator'
import { aPosting, STAFF } from './jobFixtures'
import { cstDateOf } from '../../shared/calendar/chinaTime'

jest.setTimeout(60_000)
let emu: TestEmulator
/** Pinned with the seed (a Wednesday 10:00 China time, a working day): nothing here follows the real date or hour. */
const NOW = '2026-12-02T10:00:00+08:00'
const RESIDENT = 'o_demo_resident'
const DAY = 86400_000

type Item = {
  id: string
  title: string
  cityCode: string
  districtCode: string
  occupationCode: string
  salaryMonthlyMax: number
  jobType: string
  postedAt: string
  distanceKm?: number
  education: string
  employerName: string
}
const search = (data: Record<string, unknown>, who: string | null = RESIDENT) =>
  emu.call(who, 'job', { action: 'search', ...data })
const post = async (over: Record<string, unknown> = {}): Promise<string> => {
  const r = await emu.call(STAFF, 'job', aPosting(over))
  expect(r).toMatchObject({ ok: true })
  return r.data.id
}

async function allPages(data: Record<string, unknown>, pageSize: number): Promise<Item[]> {
  const out: Item[] = []
  let cursor: string | undefined
  for (let i = 0; i < 500; i++) {
    const r = await search({ ...data, pageSize, cursor })
    expect(r).toMatchObject({ ok: true })
    out.push(...r.data.items)
    if (!r.data.nextCursor) return out
    cursor = r.data.nextCursor
  }
  throw new Error('too many pages')
}

beforeAll(async () => {
  emu = await startEmulator({ now: NOW })
})
afterAll(() => emu.stop())

describe('keyword search', () => {
  it('given the demo resident searches 焊工 in 济南, then only 焊工 postings in 济南 come back, title matches first', async () => {
    const r = await search({ keyword: '焊工', cityCode: '370100', pageSize: 20 })
    expect(r.ok).toBe(true)
    expect(r.data.items.length).toBe(20)
    for (const i of r.data.items as Item[]) {
      expect(i.cityCode).toBe('370100')
      expect(i.occupationCode).toBe('6-18-02-04')
      expect(i.title).toMatch(/焊/)
    }
  })
  it('given "济南 电焊工" typed in one box, then the city is understood as a filter', async () => {
    const r = await search({ keyword: '济南 电焊工', pageSize: 10 })
    expect(r.data.items.length).toBeGreaterThan(0)
    expect(new Set(r.data.items.map((i: Item) => i.cityCode))).toEqual(new Set(['370100']))
  })
  it('given a synonym (保姆), then 家政服务员 postings come back', async () => {
    const r = await search({ keyword: '保姆', pageSize: 10 })
    expect(r.data.items.length).toBe(10)
    for (const i of r.data.items as Item[]) expect(i.occupationCode).toBe('4-10-01-06')
  })
  it('given a single character (焊), then postings of occupations named with it come back', async () => {
    const r = await search({ keyword: '焊', pageSize: 5 })
    expect(r.data.items.length).toBe(5)
    for (const i of r.data.items as Item[]) expect(i.occupationCode).toBe('6-18-02-04')
  })
  it('given nonsense, then an empty list, not an error', async () => {
    expect(await search({ keyword: '量子纠缠' })).toMatchObject({ ok: true, data: { items: [], nextCursor: null } })
  })
  it('given a title with a trade word split by the segmenter (氩弧焊工), then 焊工 still finds it', async () => {
    const id = await post({ title: '氩弧焊工', employerName: '蓝鲸氩弧测试有限公司' })
    const r = await allPages({ keyword: '焊工', districtCode: '370102' }, 100)
    expect(r.map((i) => i.id)).toContain(id)
  })
})

describe('what the keyword was understood as', () => {
  it('given "济南 日结 装卸工 200元/天" typed in one box, then the answer names the city, the job type, the monthly pay and the words', async () => {
    const r = await search({ keyword: '济南 日结 装卸工 200元/天', pageSize: 5 })
    expect(r.data.interpreted).toEqual({
      city: { code: '370100', name: '济南市' },
      district: null,
      jobType: 'gig',
      salaryMin: 4350,
      terms: ['装卸工'],
    })
    expect(r.data.sort).toBe('relevance')
    for (const i of r.data.items as Item[]) {
      expect(i.cityCode).toBe('370100')
      expect(i.jobType).toBe('gig')
    }
  })
  it('given a district and 兼职 in the keyword, then the district is named and the city is not', async () => {
    const r = await search({ keyword: '  历下区 兼职 客服  ' })
    expect(r.data.interpreted).toMatchObject({
      city: null,
      district: { code: '370102', name: '历下区' },
      jobType: 'partTime',
      terms: ['客服'],
    })
  })
  it('given a city filter chosen and another city typed, then the chosen filter applies and no city is reported as understood', async () => {
    const r = await search({ keyword: '青岛 焊工', cityCode: '370100', pageSize: 10 })
    expect(r.data.interpreted.city).toBeNull()
    expect(new Set(r.data.items.map((i: Item) => i.cityCode))).toEqual(new Set(['370100']))
  })
  it.each([
    [{}, 'newest'],
    [{ keyword: '济南' }, 'newest'],
    [{ keyword: '济南', sort: 'relevance' }, 'newest'],
    [{ keyword: '焊工' }, 'relevance'],
    [{ keyword: '焊工', sort: 'salary' }, 'salary'],
    [{ near: { lat: 36.67, lng: 117.07, radiusKm: 3 } }, 'distance'],
  ])('the order applied for %j is %s (the default is decided by the function alone)', async (input, sort) => {
    const r = await search(input)
    expect(r).toMatchObject({ ok: true, data: { sort } })
  })
  it('given only a city typed, then no words are searched and the same postings come back as with the city filter', async () => {
    const typed = await allPages({ keyword: '济南' }, 100)
    const chosen = await allPages({ cityCode: '370100' }, 100)
    expect((await search({ keyword: '济南' })).data.interpreted.terms).toEqual([])
    expect(typed.map((i) => i.id)).toEqual(chosen.map((i) => i.id))
  })
})

describe('paging: no duplicates, no gaps', () => {
  const check = async (data: Record<string, unknown>) => {
    const small = await allPages(data, 7)
    const big = await allPages(data, 100)
    const ids = small.map((i) => i.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toEqual(big.map((i) => i.id))
    return small
  }
  it('relevance over three tiers (数控车床操作工)', async () => {
    const items = await check({ keyword: '数控车床操作工', cityCode: '370200' })
    expect(items.length).toBeGreaterThan(7)
  })
  it('newest: postedAt never increases', async () => {
    const items = await check({ keyword: '焊工', cityCode: '370100', sort: 'newest' })
    const t = items.map((i) => Date.parse(i.postedAt))
    expect(t).toEqual([...t].sort((a, b) => b - a))
  })
  it('salary: monthly maximum never increases, also across equal salaries', async () => {
    const items = await check({ keyword: '保安', sort: 'salary', cityCode: '370300' })
    const s = items.map((i) => i.salaryMonthlyMax)
    expect(s).toEqual([...s].sort((a, b) => b - a))
  })
  it('distance: nearest first, all inside the radius', async () => {
    const items = await check({ near: { lat: 36.67, lng: 117.07, radiusKm: 3 }, sort: 'distance' })
    expect(items.length).toBeGreaterThan(7)
    const d = items.map((i) => i.distanceKm as number)
    expect(d).toEqual([...d].sort((a, b) => a - b))
    expect(Math.max(...d)).toBeLessThanOrEqual(3)
  })
  it('the paged total equals the database count of live 钢筋工 postings', async () => {
    const items = await allPages({ keyword: '钢筋工' }, 50)
    const db = emu.sdk().database()
    const _ = db.command
    const nowMs = emu.server.now().getTime()
    const { total } = await db
      .collection('jobs')
      .where({ occupationCode: 'L-6-07', status: 'open', expiresAtMs: _.gt(nowMs) })
      .count()
    expect(total).toBeGreaterThan(0)
    expect(items.length).toBe(total)
  })
})

describe('filters', () => {
  it('minimum salary compares day, hour and month rates on the monthly scale', async () => {
    const emp = '白鹭薪资测试有限公司'
    const day = await post({ employerName: emp, salaryMin: 180, salaryMax: 200, salaryUnit: 'day', jobType: 'gig' }) // 4350 a month
    const month = await post({ employerName: emp, salaryMin: 5000, salaryMax: 5200 })
    const hour = await post({
      employerName: emp,
      salaryMin: 28,
      salaryMax: 30,
      salaryUnit: 'hour',
      jobType: 'partTime',
    }) // 5220
    const r = await search({ keyword: '白鹭', salaryMin: 5000, pageSize: 50 })
    const ids = r.data.items.map((i: Item) => i.id)
    expect(ids).toEqual(expect.arrayContaining([month, hour]))
    expect(ids).not.toContain(day)
    const gig = await search({ keyword: '白鹭', jobType: 'gig' })
    expect(gig.data.items.map((i: Item) => i.id)).toEqual([day])
  })
  it('occupation at any level: 6-18 (机械加工) gives 焊工 and 车工, nothing else', async () => {
    const items = await allPages({ occupationCode: '6-18', cityCode: '370100' }, 100)
    expect(items.length).toBeGreaterThan(0)
    expect(new Set(items.map((i) => i.occupationCode))).toEqual(new Set(['6-18-02-04', '6-18-01-01']))
  })
  it('district and education: a junior-school resident sees no posting that asks for more', async () => {
    const items = await allPages({ districtCode: '370102', education: 'junior' }, 100)
    expect(items.length).toBeGreaterThan(0)
    for (const i of items) {
      expect(i.districtCode).toBe('370102')
      expect(['none', 'primary', 'junior']).toContain(i.education)
    }
  })
  it('posted within N days', async () => {
    const items = await allPages({ keyword: '焊工', cityCode: '370100', postedWithinDays: 7 }, 100)
    const now = emu.server.now().getTime()
    for (const i of items) expect(now - Date.parse(i.postedAt)).toBeLessThanOrEqual(7 * DAY)
    const all = await allPages({ keyword: '焊工', cityCode: '370100' }, 100)
    expect(items.length).toBeLessThan(all.length)
  })
  it('near: every result inside the radius, with its distance', async () => {
    const r = await search({ keyword: '普工', near: { lat: 36.65, lng: 117.12, radiusKm: 8 }, pageSize: 50 })
    expect(r.data.items.length).toBeGreaterThan(0)
    for (const i of r.data.items as Item[]) expect(i.distanceKm).toBeLessThanOrEqual(8)
  })
})

describe('expiry and closing', () => {
  it('given a posting past its expiry date, then search never returns it, get shows it ended, apply is refused', async () => {
    const today = cstDateOf(emu.server.now().getTime())
    const tomorrow = new Date(Date.parse(today) + DAY).toISOString().slice(0, 10)
    const id = await post({ employerName: '海燕到期测试有限公司', expiresAt: tomorrow })
    expect((await search({ keyword: '海燕' })).data.items.map((i: Item) => i.id)).toEqual([id])
    await emu.advance(3 * DAY)
    try {
      expect((await search({ keyword: '海燕' })).data.items).toEqual([])
      expect((await emu.call(RESIDENT, 'job', { action: 'get', id })).data.active).toBe(false)
      expect(
        await emu.call(RESIDENT, 'job', { action: 'apply', jobId: id, requestId: 'expired-apply-1' }),
      ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    } finally {
      await emu.advance(-3 * DAY)
    }
  })
  it('given seeded postings that already expired, then no search result is expired', async () => {
    const items = await allPages({ keyword: '普工', cityCode: '370100' }, 100)
    const db = emu.sdk().database()
    const ids = items.map((i) => i.id)
    const now = emu.server.now().getTime()
    for (let k = 0; k < ids.length; k += 100) {
      const res = await db
        .collection('jobs')
        .where({ _id: db.command.in(ids.slice(k, k + 100)) })
        .field({ expiresAtMs: true })
        .limit(100)
        .get()
      for (const d of res.data as { expiresAtMs: number }[]) expect(d.expiresAtMs).toBeGreaterThan(now)
    }
    const { total } = await db
      .collection('jobs')
      .where({ expiresAtMs: db.command.lte(now) })
      .count()
    expect(total).toBeGreaterThan(0)
  })
  it('given staff close a posting, then it leaves search', async () => {
    const id = await post({ employerName: '信天翁关闭测试有限公司' })
    expect(await emu.call(STAFF, 'job', { action: 'close', id })).toMatchObject({
      ok: true,
      data: { status: 'closed' },
    })
    expect((await search({ keyword: '信天翁' })).data.items).toEqual([])
  })
})

describe('masking and validation', () => {
  it('no unmasked phone or ID number in lists or details', async () => {
    const r = await search({ keyword: '焊工', pageSize: 50 })
    expect(findUnmaskedPii(r)).toEqual([])
    const d = await emu.call(null, 'job', { action: 'get', id: r.data.items[0].id })
    expect(d.ok).toBe(true)
    expect(d.data.contact.phone).toMatch(/^\d{3}\*{4}\d{4}$/)
    expect(findUnmaskedPii(d)).toEqual([])
  })
  it.each([
    [{ pageSize: 0 }],
    [{ pageSize: 101 }],
    [{ keyword: 42 }],
    [{ sort: 'distance' }],
    [{ near: { lat: 200, lng: 0 } }],
    [{ cursor: 'not-a-cursor' }],
    [{ occupationCode: '6-18-02-04-99' }],
  ])('bad input %j → VALIDATION_FAILED', async (bad) => {
    expect(await search(bad)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
  })
  it('anonymous search works (public), unknown fields are ignored', async () => {
    expect(await search({ keyword: '厨师', colour: 'blue' }, null)).toMatchObject({ ok: true })
  })
})
