/** The policy function through the real SDK against the local emulator (seeded library and persons). */
import { startEmulator, type TestEmulator } from '../helpers/emulator'
import { evaluatePolicy } from '../../shared/policies/evaluatePolicy'
import { findUnmaskedPii } from '../../shared/mask'
import { ADMIN, aPolicy, personFacts, readAll, rematchUntilDone, type PersonRow } from './policyFixtures'

/** After the summer graduation (the demo resident is in their graduation year, 毕业年度) and pinned with the seed. */
const NOW = '2026-09-01T10:00:00+08:00'

jest.setTimeout(90_000)
let emu: TestEmulator
beforeAll(async () => {
  // the seed and the clock pinned together (the seed year used to follow the real clock: these tests failed from
  // 1 July 2027, when the demo facts built from the real year no longer matched the pinned June 2026 clock)
  emu = await startEmulator({ now: NOW })
}, 120_000)
afterAll(() => emu?.stop())

describe('list and get', () => {
  it('given the seeded library, when anyone lists policies, then at least 20 come back in pages with their amounts', async () => {
    const first = await emu.call(null, 'policy', { action: 'list', pageSize: 15 })
    expect(first.ok).toBe(true)
    expect(first.data.items).toHaveLength(15)
    const second = await emu.call(null, 'policy', { action: 'list', pageSize: 15, cursor: first.data.nextCursor })
    const all = [...first.data.items, ...second.data.items]
    expect(all.length).toBeGreaterThanOrEqual(20)
    expect(new Set(all.map((p: { id: string }) => p.id)).size).toBe(all.length)
    expect(all.every((p: { amounts: string[] }) => p.amounts.length > 0)).toBe(true)
  })

  it('filters by category and keyword', async () => {
    const r = await emu.call(null, 'policy', { action: 'list', category: 'entrepreneurship', keyword: '创业' })
    expect(r.data.items.length).toBeGreaterThan(0)
    expect(r.data.items.every((p: { category: string }) => p.category === 'entrepreneurship')).toBe(true)
  })

  it('given a policy, when its detail is read, then requirements, materials, steps and the cited source are there', async () => {
    const r = await emu.call(null, 'policy', { action: 'get', id: 'unemployment-insurance-benefit' })
    expect(r.ok).toBe(true)
    expect(r.data.title).toBe('失业保险金')
    expect(r.data.sources[0].cited).toContain('国务院令第258号')
    expect(r.data.requirements.map((x: { text: string }) => x.text)).toContain('失业前累计缴纳失业保险满12个月')
    expect(r.data.materials.length).toBeGreaterThan(0)
    expect(r.data.howToApply.length).toBeGreaterThan(0)
    expect(r.data.questions.map((q: { fact: string }) => q.fact)).toContain('involuntarilyUnemployed')
  })

  it('an unknown policy is NOT_FOUND; a malformed id is VALIDATION_FAILED', async () => {
    expect((await emu.call(null, 'policy', { action: 'get', id: 'no-such-policy' })).error.code).toBe('NOT_FOUND')
    expect((await emu.call(null, 'policy', { action: 'get', id: { $ne: 1 } })).error.code).toBe('VALIDATION_FAILED')
  })
})

describe('check', () => {
  it('given no facts and no profile, when an anonymous visitor checks, then nothing is decided and the questions to ask come back', async () => {
    const r = await emu.call(null, 'policy', { action: 'check' })
    expect(r.ok).toBe(true)
    expect(r.data.usedProfile).toBe(false)
    expect(r.data.summary.eligible).toBe(0)
    expect(r.data.missingFacts.length).toBeGreaterThan(3)
    expect(r.data.missingFacts[0].question).toMatch(/？/)
  })

  it('given facts, when checked, then each policy says why, what is missing and what would change a no', async () => {
    const r = await emu.call(null, 'policy', {
      action: 'check',
      policyIds: ['startup-once-subsidy'],
      facts: { residenceRegion: '370102', keyGroups: ['recentGraduate'], businessRegisteredAt: '2026-01-10' },
    })
    const res = r.data.results[0]
    expect(res.status).toBe('ineligible')
    expect(res.eligibleFrom).toBe('2027-01-10')
    expect(res.changes[0].text).toContain('2027-01-10')
    expect(res.reasons.find((x: { code: string }) => x.code === 'operatingOneYear').passed).toBe(false)
  })

  it('given the bound demo resident, when they check without facts, then their record is used and masked data never leaks', async () => {
    const r = await emu.call('o_demo_resident', 'policy', { action: 'check' })
    expect(r.data.usedProfile).toBe(true)
    const eligible = r.data.results
      .filter((x: { status: string }) => x.status === 'eligible')
      .map((x: { policyId: string }) => x.policyId)
    expect(eligible).toContain('graduate-employment-service')
    expect(findUnmaskedPii(r)).toEqual([])
  })

  it('given answers to the missing questions, when checked again, then they fill the gaps of the profile', async () => {
    const before = await emu.call('o_demo_resident', 'policy', { action: 'check', policyIds: ['job-seeking-subsidy'] })
    expect(before.data.results[0].status).toBe('undetermined')
    const after = await emu.call('o_demo_resident', 'policy', {
      action: 'check',
      policyIds: ['job-seeking-subsidy'],
      facts: { lowIncomeFamily: true },
    })
    expect(after.data.results[0].status).toBe('eligible')
  })

  it('given an unbound resident with a profile, when they check, then their stated education and district are used', async () => {
    await emu.call('o_new_resident_policy', 'user', {
      action: 'updateProfile',
      education: 'bachelor',
      regionCode: '370102',
    })
    const r = await emu.call('o_new_resident_policy', 'policy', {
      action: 'check',
      policyIds: ['graduate-employment-service'],
    })
    expect(r.data.usedProfile).toBe(true)
    expect(r.data.results[0].missing).not.toContain('education')
    expect(r.data.results[0].missing).toContain('graduationYear')
  })

  it('bad facts of any shape are VALIDATION_FAILED', async () => {
    for (const facts of [
      { birthDate: '1990-13-40' },
      { keyGroups: ['king'] },
      { socialInsuranceMonths: -1 },
      'x',
      [1],
    ]) {
      expect((await emu.call(null, 'policy', { action: 'check', facts })).error.code).toBe('VALIDATION_FAILED')
    }
  })
})

describe('roles', () => {
  it('publish and impact are for administrators only', async () => {
    expect((await emu.call(null, 'policy', { action: 'publish', policy: aPolicy() })).error.code).toBe(
      'UNAUTHENTICATED',
    )
    expect((await emu.call('o_demo_resident', 'policy', { action: 'publish', policy: aPolicy() })).error.code).toBe(
      'FORBIDDEN',
    )
    expect((await emu.call('o_demo_grid', 'policy', { action: 'impact', policy: aPolicy() })).error.code).toBe(
      'FORBIDDEN',
    )
  })

  it('a policy whose own examples fail is refused and nothing is published', async () => {
    const bad = aPolicy({
      id: 'test-bad-examples',
      examples: [
        {
          name: '应当符合',
          asOf: '2026-06-01',
          facts: { residenceRegion: '370102', registeredUnemployed: false },
          expect: 'eligible',
        },
      ],
    })
    const r = await emu.call(ADMIN, 'policy', { action: 'publish', policy: bad })
    expect(r.error.code).toBe('VALIDATION_FAILED')
    expect((await emu.call(null, 'policy', { action: 'get', id: 'test-bad-examples' })).error.code).toBe('NOT_FOUND')
  })
})

describe('政策找人: publish, batch, exactly one push or visit task per newly eligible person', () => {
  let persons: PersonRow[]
  const eligibleUnder = (rule: ReturnType<typeof aPolicy>) =>
    new Set(
      persons
        .filter((p) => evaluatePolicy(rule as never, personFacts(p), NOW.slice(0, 10)).status === 'eligible')
        .map((p) => p._id),
    )
  const toldAbout = async (refId: string) => {
    const pushes = await readAll<{ _id: string; personId: string; openid: string | null }>(emu, 'outbox', {
      'source.refId': refId,
    })
    const visits = await readAll<{ _id: string; personId: string }>(emu, 'visit_tasks', { 'source.refId': refId })
    return { pushes, visits, persons: [...pushes, ...visits].map((x) => x.personId) }
  }

  let policyOutboxBefore = 0
  let policyTasksBefore = 0
  beforeAll(async () => {
    // other modules' demo seeds may already hold some policy messages and tasks
    policyOutboxBefore = (await readAll(emu, 'outbox', { 'source.module': 'policy' })).length
    policyTasksBefore = (await readAll(emu, 'visit_tasks', { 'source.module': 'policy' })).length
    await rematchUntilDone(emu) // the seeded baseline: records matches, tells no one
    persons = await readAll<PersonRow>(emu, 'persons')
  }, 120_000)

  it("the baseline recorded the demo resident's matches without telling anyone", async () => {
    const mine = await emu.call('o_demo_resident', 'policy', { action: 'myMatches' })
    expect(mine.data.items.map((m: { policyId: string }) => m.policyId)).toContain('graduate-employment-service')
    expect(mine.data.items.every((m: { channel: string }) => m.channel === 'none')).toBe(true)
    expect((await readAll(emu, 'outbox', { 'source.module': 'policy' })).length).toBe(policyOutboxBefore)
    expect((await readAll(emu, 'visit_tasks', { 'source.module': 'policy' })).length).toBe(policyTasksBefore)
  })

  it('given a new policy, impact predicts by city exactly who the publish then reaches, each once', async () => {
    const policy = aPolicy()
    const expected = eligibleUnder(policy)
    expect(expected.size).toBeGreaterThan(10)

    const impact = await emu.call(ADMIN, 'policy', { action: 'impact', policy })
    expect(impact.ok).toBe(true)
    expect(impact.data.newlyEligible).toBe(expected.size)
    expect(impact.data.byCity.reduce((s: number, c: { count: number }) => s + c.count, 0)).toBe(expected.size)
    expect(impact.data.byCity[0].cityName).toBeTruthy()

    const pub = await emu.call(ADMIN, 'policy', { action: 'publish', policy })
    expect(pub.data).toMatchObject({ id: policy.id, version: 1 })
    await rematchUntilDone(emu)
    await rematchUntilDone(emu) // a second pass tells no one again

    const told = await toldAbout(`${policy.id}@1`)
    expect(told.persons.length).toBe(expected.size)
    expect(new Set(told.persons)).toEqual(expected)
    // bound residents get a subscription message (with a visit task as the fallback), others a visit task
    const bound = new Set(persons.filter((p) => p.boundOpenid).map((p) => p._id))
    expect(told.pushes.every((x) => bound.has(x.personId) && x.openid)).toBe(true)
    expect(told.visits.every((x) => !bound.has(x.personId))).toBe(true)
    expect(told.pushes.map((x) => x.openid)).toContain('o_demo_resident')
    const push = told.pushes.find((x) => x.openid === 'o_demo_resident') as unknown as {
      template: string
      page: string
      data: Record<string, string>
      fallback: { kind: string; reason: string }
    }
    expect(push).toMatchObject({
      template: 'policyMatch',
      page: `packages/policy/index/index?id=${policy.id}`,
      data: { policyName: policy.title },
    })
    expect(push.fallback.kind).toBe('visitTask')
    expect(push.fallback.reason).toContain('已办理失业登记')

    const mine = await emu.call('o_demo_resident', 'policy', { action: 'myMatches' })
    expect(mine.data.items[0]).toMatchObject({ policyId: policy.id, channel: 'push' })
  })

  it('given a broader version 2, only persons not told before are told, once', async () => {
    const v1 = aPolicy()
    const v2 = aPolicy({
      rule: {
        op: 'all',
        of: [
          { op: 'region', fact: 'residenceRegion', prefixes: ['37'], place: '山东省' },
          {
            op: 'any',
            of: [
              { op: 'is', fact: 'registeredUnemployed' },
              { op: 'in', fact: 'employmentStatus', values: ['unemployed'] },
            ],
          },
        ],
      },
    })
    const before = eligibleUnder(v1)
    const newly = new Set([...eligibleUnder(v2)].filter((id) => !before.has(id)))
    expect(newly.size).toBeGreaterThan(0)

    const impact = await emu.call(ADMIN, 'policy', { action: 'impact', policy: v2 })
    expect(impact.data.newlyEligible).toBe(newly.size)
    expect(impact.data.comparedWithVersion).toBe(1)

    const pub = await emu.call(ADMIN, 'policy', { action: 'publish', policy: v2 })
    expect(pub.data.version).toBe(2)
    await rematchUntilDone(emu)
    const told = await toldAbout(`${v2.id}@2`)
    expect(new Set(told.persons)).toEqual(newly)
    expect(told.persons.length).toBe(newly.size)
    const detail = await emu.call(null, 'policy', { action: 'get', id: v2.id })
    expect(detail.data.version).toBe(2)
  })

  it('given a person whose facts changed, the sweep evaluates them again and tells them once', async () => {
    const p = persons.find(
      (x) =>
        !x.boundOpenid &&
        x.residenceRegion?.startsWith('37') &&
        x.registeredUnemployed === false &&
        x.employmentStatus === 'employed',
    )
    expect(p).toBeTruthy()
    const db = emu.sdk().database()
    await db
      .collection('persons')
      .doc(p!._id)
      .update({
        registeredUnemployed: true,
        registeredUnemployedSince: '2026-05-20',
        employmentStatus: 'unemployed',
        factsChangedAtMs: Date.parse(NOW),
      })
    await emu.trigger('policy', 'rematch')
    await emu.trigger('policy', 'rematch')
    const tasks = await readAll<{ _id: string; source: { refId: string } }>(emu, 'visit_tasks', {
      personId: p!._id,
      'source.module': 'policy',
    })
    expect(tasks.filter((t) => t.source.refId === 'test-unemployed-allowance@2')).toHaveLength(1)
  })
})
