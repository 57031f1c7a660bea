import { evaluate, truthOf, type Condition, type Facts } from '../../shared/rules'
import { dateKey, keyToDate, monthsBetween } from '../../shared/rules/dates'

const registeredSixMonths: Condition = {
  op: 'all',
  of: [
    { op: 'is', fact: 'registeredUnemployed', hint: '办理失业登记后可申请' },
    { op: 'monthsSince', fact: 'registeredUnemployedSince', min: 6 },
    { op: 'age', min: 16, max: 60 },
  ],
}
const aFacts = (over: Facts = {}): Facts => ({
  birthDate: '1990-03-15',
  registeredUnemployed: true,
  registeredUnemployedSince: '2026-01-31',
  ...over,
})

describe('calendar arithmetic', () => {
  it('given a date key, when it is turned back, then the same date comes out', () => {
    for (const d of ['2024-02-29', '2026-01-01', '1999-12-31']) expect(keyToDate(dateKey(d))).toBe(d)
  })
  it('given 31 January, when six months are added, then the condition holds from 1 August (31 July does not exist)', () => {
    const k = dateKey('2026-01-31') + 6 * 32
    expect(keyToDate(k)).toBe('2026-07-31')
    expect(monthsBetween(dateKey('2026-01-31'), dateKey('2026-07-30'))).toBe(5)
    expect(monthsBetween(dateKey('2026-01-31'), dateKey('2026-07-31'))).toBe(6)
    expect(keyToDate(dateKey('2026-08-31') + 1 * 32)).toBe('2026-10-01')
  })
  it('rejects impossible dates', () => {
    expect(dateKey('2026-02-30')).toBe(-1)
    expect(dateKey('abcd-ef-gh')).toBe(-1)
  })
})

describe('evaluate', () => {
  it('given all facts that hold, when evaluated, then eligible with every reason passed and nothing missing', () => {
    const r = evaluate(registeredSixMonths, aFacts(), '2026-08-01')
    expect(r.status).toBe('eligible')
    expect(r.reasons.map((x) => x.passed)).toEqual([true, true, true])
    expect(r.reasons[0].text).toBe('已办理失业登记')
    expect(r.reasons[1].text).toContain('登记失业满6个月')
    expect(r.reasons[2].text).toContain('现年36周岁')
    expect(r.missing).toEqual([])
  })

  it('given registration 4 months ago, when evaluated, then ineligible with the date from which it will hold', () => {
    const r = evaluate(registeredSixMonths, aFacts({ registeredUnemployedSince: '2026-04-10' }), '2026-08-01')
    expect(r.status).toBe('ineligible')
    expect(r.reasons[1]).toMatchObject({ passed: false, state: 'failed' })
    expect(r.eligibleFrom).toBe('2026-10-10')
    expect(r.changes).toEqual([
      {
        code: 'monthsSince.registeredUnemployedSince',
        text: '登记失业满6个月后可申请（2026-10-10起）',
        from: '2026-10-10',
      },
    ])
    expect(
      evaluate(registeredSixMonths, aFacts({ registeredUnemployedSince: '2026-04-10' }), '2026-10-10').status,
    ).toBe('eligible')
    expect(
      evaluate(registeredSixMonths, aFacts({ registeredUnemployedSince: '2026-04-10' }), '2026-10-09').status,
    ).toBe('ineligible')
  })

  it('given a wait that would take the person past the age limit, when evaluated, then no eligibility date is promised', () => {
    const r = evaluate(
      registeredSixMonths,
      aFacts({ birthDate: '1965-06-01', registeredUnemployedSince: '2026-04-10' }),
      '2026-02-10',
    )
    expect(r.status).toBe('ineligible')
    expect(r.eligibleFrom).toBeUndefined()
    expect(r.changes).toEqual([])
  })

  it('given an action the person can take, when evaluated, then the hint says so', () => {
    const r = evaluate(registeredSixMonths, aFacts({ registeredUnemployed: false }), '2026-08-01')
    expect(r.status).toBe('ineligible')
    expect(r.changes.map((c) => c.text)).toEqual(['办理失业登记后可申请'])
    expect(r.eligibleFrom).toBeUndefined()
  })

  it('given a failure nothing can change (too old), when evaluated, then no change is offered', () => {
    const r = evaluate(registeredSixMonths, aFacts({ birthDate: '1950-01-01' }), '2026-08-01')
    expect(r.status).toBe('ineligible')
    expect(r.changes).toEqual([])
  })

  it('given a missing fact, when evaluated, then undetermined and the fact is named', () => {
    const f = aFacts()
    delete f.registeredUnemployedSince
    const r = evaluate(registeredSixMonths, f, '2026-08-01')
    expect(r.status).toBe('undetermined')
    expect(r.missing).toEqual(['registeredUnemployedSince'])
    expect(r.reasons[1]).toMatchObject({ passed: false, state: 'missing' })
    expect(r.reasons[1].text).toContain('尚缺：失业登记日期')
  })

  it('given a missing fact but another condition known to fail, when evaluated, then ineligible (the missing fact does not matter)', () => {
    const f = aFacts({ registeredUnemployed: false })
    delete f.birthDate
    const r = evaluate(registeredSixMonths, f, '2026-08-01')
    expect(r.status).toBe('ineligible')
    expect(r.missing).toEqual([])
  })

  it('given an empty fact set, when evaluated, then undetermined with every needed fact missing', () => {
    const r = evaluate(registeredSixMonths, {}, '2026-08-01')
    expect(r.status).toBe('undetermined')
    expect(r.missing.sort()).toEqual(['birthDate', 'registeredUnemployed', 'registeredUnemployedSince'])
  })

  it('given null for a date (known: none), when evaluated, then it fails rather than being missing', () => {
    const r = evaluate(registeredSixMonths, aFacts({ registeredUnemployedSince: null }), '2026-08-01')
    expect(r.status).toBe('ineligible')
  })
})

describe('any / not', () => {
  const eitherGroup: Condition = {
    op: 'any',
    of: [
      { op: 'keyGroup', groups: ['veteran'] },
      { op: 'is', fact: 'lowIncomeFamily' },
    ],
  }
  it('any: one known true branch is enough even if another is unknown', () => {
    expect(truthOf(eitherGroup, { keyGroups: ['veteran'] }, '2026-01-01')).toBe(2)
  })
  it('any: all false is false; false and unknown is unknown', () => {
    expect(truthOf(eitherGroup, { keyGroups: [], lowIncomeFamily: false }, '2026-01-01')).toBe(0)
    expect(truthOf(eitherGroup, { keyGroups: [] }, '2026-01-01')).toBe(1)
  })
  it('not: inverts known answers and keeps unknown unknown', () => {
    const c: Condition = { op: 'not', of: { op: 'is', fact: 'lowIncomeFamily' } }
    expect(truthOf(c, { lowIncomeFamily: true }, '2026-01-01')).toBe(0)
    expect(truthOf(c, { lowIncomeFamily: false }, '2026-01-01')).toBe(2)
    expect(truthOf(c, {}, '2026-01-01')).toBe(1)
  })
  it('any: explains each branch as a child reason', () => {
    const r = evaluate(
      { op: 'all', of: [eitherGroup] },
      { keyGroups: ['disabled'], lowIncomeFamily: true },
      '2026-01-01',
    )
    expect(r.reasons[0].text).toBe('满足以下任一条件')
    expect(r.reasons[0].children?.map((c) => c.passed)).toEqual([false, true])
    expect(r.reasons[0].children?.[0].text).toContain('您属于：残疾人')
  })
})

describe('age as of a date', () => {
  const adult: Condition = { op: 'age', min: 18 }
  it('turns 18 on the birthday, not the day before', () => {
    expect(truthOf(adult, { birthDate: '2008-06-15' }, '2026-06-14')).toBe(0)
    expect(truthOf(adult, { birthDate: '2008-06-15' }, '2026-06-15')).toBe(2)
  })
  it('a 29 February birthday counts from 1 March in common years', () => {
    expect(truthOf(adult, { birthDate: '2008-02-29' }, '2026-02-28')).toBe(0)
    expect(truthOf(adult, { birthDate: '2008-02-29' }, '2026-03-01')).toBe(2)
    const r = evaluate({ op: 'all', of: [adult] }, { birthDate: '2008-02-29' }, '2026-01-10')
    expect(r.eligibleFrom).toBe('2026-03-01')
  })
  it('max is inclusive of the whole year of that age', () => {
    const c: Condition = { op: 'age', max: 24 }
    expect(truthOf(c, { birthDate: '2001-06-15' }, '2026-06-14')).toBe(2)
    expect(truthOf(c, { birthDate: '2001-06-15' }, '2026-06-15')).toBe(0)
  })
})
