/** The application kinds as data, the pure transition table and the case clock. */
import { APPLICATION_KINDS, kindOf } from '../../shared/application/kinds'
import { factsReadBy } from '../../shared/application/derive'
import { APPLICATION_STATUSES, APPLICATION_STEPS, nextStatus, TRANSITIONS } from '../../shared/application/status'
import { isOverdue, resumeClock, startClock, stopClock } from '../../shared/calendar/caseClock'
import { POLICY_LIBRARY } from '../../shared/policies'
import { FACTS } from '../../shared/rules/facts'
import { ONLINE_POLICY_IDS } from '../../shared/application/onlineKinds'

const ms = (iso: string) => Date.parse(iso)

describe('kinds', () => {
  test('the two registrations and at least 10 policies of the library are kinds, each with materials', () => {
    const policyKinds = APPLICATION_KINDS.filter((k) => k.policyId)
    expect(kindOf('unemploymentRegistration')?.title).toBe('失业登记')
    expect(kindOf('employmentRegistration')?.title).toBe('就业登记')
    expect(policyKinds.length).toBeGreaterThanOrEqual(10)
    for (const k of policyKinds) {
      expect(POLICY_LIBRARY.map((p) => p.id)).toContain(k.policyId)
      expect(k.materials.length).toBeGreaterThan(0)
    }
  })

  test('a policy kind asks every fact its rule reads, plus its own fields (the loan asks amount and guarantor)', () => {
    for (const k of APPLICATION_KINDS.filter((x) => x.policyId)) {
      const doc = POLICY_LIBRARY.find((p) => p.id === k.policyId)!
      const factKeys = k.questions.filter((q) => q.fact).map((q) => q.key)
      expect(factKeys).toEqual(factsReadBy(doc.rule))
      expect(factKeys.every((f) => f in FACTS)).toBe(true)
      expect(k.materials.map((m) => m.label)).toEqual(doc.materials)
    }
    const loan = kindOf('policy:startup-guaranteed-loan')!
    expect(loan.questions.map((q) => q.key)).toEqual(
      expect.arrayContaining(['loanAmount', 'guarantorName', 'businessName', 'loanPurpose']),
    )
    expect(loan.maxAmountYuan).toBe(200000)
  })

  test("the app's list of online policies is the catalogue's", () => {
    expect([...ONLINE_POLICY_IDS].sort()).toEqual(
      APPLICATION_KINDS.filter((k) => k.policyId)
        .map((k) => k.policyId)
        .sort(),
    )
  })

  test('question keys are unique within a kind', () => {
    for (const k of APPLICATION_KINDS) {
      const keys = [...k.questions.map((q) => q.key), ...k.materials.map((m) => m.key)]
      expect(new Set(keys).size).toBe(keys.length)
    }
  })
})

describe('transition table', () => {
  const allowed: [string, string, string][] = [
    ['draft', 'submit', 'submitted'],
    ['draft', 'withdraw', 'withdrawn'],
    ['submitted', 'take', 'underReview'],
    ['submitted', 'assign', 'underReview'],
    ['submitted', 'withdraw', 'withdrawn'],
    ['underReview', 'assign', 'underReview'],
    ['underReview', 'requestCorrection', 'correctionRequested'],
    ['underReview', 'approve', 'approved'],
    ['underReview', 'refuse', 'refused'],
    ['underReview', 'withdraw', 'withdrawn'],
    ['correctionRequested', 'respond', 'underReview'],
    ['correctionRequested', 'refuse', 'refused'],
    ['correctionRequested', 'withdraw', 'withdrawn'],
    ['refused', 'reopen', 'underReview'],
  ]
  test.each(allowed)('%s --%s--> %s', (from, step, to) => {
    expect(nextStatus(from as never, step as never)).toBe(to)
  })
  test('every other pair is refused', () => {
    const ok = new Set(allowed.map(([f, s]) => `${f}|${s}`))
    for (const f of APPLICATION_STATUSES)
      for (const s of APPLICATION_STEPS) {
        if (!ok.has(`${f}|${s}`)) expect(nextStatus(f, s)).toBeNull()
      }
    expect(Object.values(TRANSITIONS.approved)).toEqual([])
  })
})

describe('case clock', () => {
  test('stopped during 补正 it is never overdue, and resumes with the working days that were left', () => {
    // Mon 2026-11-16 10:00 + 5 working days → Mon 2026-11-23 end of day
    const c = startClock(ms('2026-11-16T10:00:00+08:00'), 5)
    expect(new Date(c.dueAtMs + 8 * 3600_000).toISOString().slice(0, 10)).toBe('2026-11-23')
    const stopped = stopClock(c, ms('2026-11-18T10:00:00+08:00')) // Wed: Thu, Fri, Mon left = 3
    expect(stopped.remainingWorkingDays).toBe(3)
    expect(isOverdue(stopped, ms('2026-12-30T10:00:00+08:00'))).toBe(false)
    const resumed = resumeClock(stopped, ms('2026-11-30T10:00:00+08:00')) // Mon → Tue, Wed, Thu
    expect(new Date(resumed.dueAtMs + 8 * 3600_000).toISOString().slice(0, 10)).toBe('2026-12-03')
    expect(isOverdue(resumed, ms('2026-12-04T09:00:00+08:00'))).toBe(true)
  })
})
