/** Routing by category and region, the 三率 arithmetic and the reply templates. */
import { chooseDepartment, regionChain } from '../../shared/feedback/routing'
import { computeRates, ratesByDepartment, type StatsRecord } from '../../shared/feedback/stats'
import { DEFAULT_DEADLINE_RULES, REPLY_TEMPLATES, serviceStandards } from '../../shared/feedback/rules'

const aDepartment = (over: Partial<{ _id: string; regionCodes: string[]; categories: string[] }> = {}) => ({
  _id: 'dept-x',
  regionCodes: ['370102'],
  categories: ['consultation', 'complaint', 'suggestion', 'praise'],
  ...over,
})

describe('routing', () => {
  it('walks district → city → province', () => {
    expect(regionChain('370102')).toEqual(['370102', '370100', '370000'])
  })
  it('given a district department and a city department, the district one gets its district’s complaint', () => {
    const city = aDepartment({ _id: 'jinan', regionCodes: ['370100'] })
    const lixia = aDepartment({ _id: 'lixia', regionCodes: ['370102'] })
    expect(chooseDepartment([city, lixia], 'complaint', '370102')?._id).toBe('lixia')
    expect(chooseDepartment([city, lixia], 'complaint', '370103')?._id).toBe('jinan')
  })
  it('a department that does not take the category is passed over', () => {
    const onlyConsult = aDepartment({ _id: 'consult', categories: ['consultation'] })
    const province = aDepartment({ _id: 'sd', regionCodes: ['370000'], categories: [] })
    expect(chooseDepartment([onlyConsult, province], 'complaint', '370102')?._id).toBe('sd')
    expect(chooseDepartment([onlyConsult, province], 'consultation', '370102')?._id).toBe('consult')
  })
  it('with no region or no match the item is unrouted (admins assign it)', () => {
    expect(chooseDepartment([aDepartment()], 'complaint', null)).toBeNull()
    expect(chooseDepartment([aDepartment()], 'complaint', '440305')).toBeNull()
  })
  it('ties go to the department serving fewer regions', () => {
    const wide = aDepartment({ _id: 'a-wide', regionCodes: ['370102', '370103', '370104'] })
    const narrow = aDepartment({ _id: 'b-narrow', regionCodes: ['370102'] })
    expect(chooseDepartment([wide, narrow], 'praise', '370102')?._id).toBe('b-narrow')
  })
})

const T0 = Date.parse('2026-10-05T10:00:00+08:00')
const H = 3600_000
const aRecord = (over: Partial<StatsRecord> = {}): StatsRecord => ({
  departmentId: 'd1',
  status: 'submitted',
  acceptDueAtMs: T0 + 24 * H,
  dueAtMs: T0 + 72 * H,
  firstAcceptedAtMs: null,
  firstRepliedAtMs: null,
  score: null,
  ...over,
})

describe('三率', () => {
  it('given four items, counts responses, resolutions, satisfaction and on-time answers', () => {
    const records = [
      aRecord({ status: 'closed', firstAcceptedAtMs: T0 + H, firstRepliedAtMs: T0 + 10 * H, score: 5 }),
      aRecord({ status: 'resolved', firstAcceptedAtMs: T0 + 30 * H, firstRepliedAtMs: T0 + 80 * H }), // late twice
      aRecord({ status: 'closed', firstAcceptedAtMs: T0 + 2 * H, firstRepliedAtMs: T0 + 20 * H, score: 2 }),
      aRecord({ status: 'accepted', firstAcceptedAtMs: T0 + 3 * H }), // not answered, deadline not passed
    ]
    const r = computeRates(records, T0 + 48 * H)
    expect(r).toMatchObject({ total: 4, responded: 3, resolved: 3, rated: 2, satisfied: 1, due: 3, onTime: 2 })
    expect(r.responseRate).toBe(0.75)
    expect(r.resolutionRate).toBe(0.75)
    expect(r.satisfactionRate).toBe(0.5)
    expect(r.onTimeRate).toBe(0.6667)
  })
  it('an unanswered item past its deadline counts against the on-time rate', () => {
    const r = computeRates([aRecord({ status: 'accepted', firstAcceptedAtMs: T0 })], T0 + 100 * H)
    expect(r.due).toBe(1)
    expect(r.onTimeRate).toBe(0)
  })
  it('held and rejected items do not count; empty denominators give null', () => {
    const r = computeRates([aRecord({ status: 'pendingReview' }), aRecord({ status: 'rejected' })], T0)
    expect(r.total).toBe(0)
    expect(r.responseRate).toBeNull()
    expect(r.satisfactionRate).toBeNull()
  })
  it('groups by department', () => {
    const m = ratesByDepartment(
      [aRecord({ departmentId: 'a' }), aRecord({ departmentId: 'b' }), aRecord({ departmentId: 'b' })],
      T0,
    )
    expect(m.get('a')?.total).toBe(1)
    expect(m.get('b')?.total).toBe(2)
  })
})

describe('service standards and templates', () => {
  it('state the deadlines in force', () => {
    const s = serviceStandards(DEFAULT_DEADLINE_RULES).join('\n')
    expect(s).toContain('1个工作日内受理')
    expect(s).toContain('咨询3个工作日内答复')
    expect(s).toContain('投诉13个工作日内答复')
  })
  it('reply templates have unique ids and Chinese text', () => {
    expect(new Set(REPLY_TEMPLATES.map((t) => t.id)).size).toBe(REPLY_TEMPLATES.length)
    for (const t of REPLY_TEMPLATES) expect(t.text).toMatch(/[\u4e00-\u9fa5]/)
  })
})
