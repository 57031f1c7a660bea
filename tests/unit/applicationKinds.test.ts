/** The application kinds as data, the pure transition table and the case clock. */
import { APPLICATION_KINDS, kindOf } from '../../shared/application/kinds'
import { factsReadBy } from '../../shared/application/derive'
import { APPLICATION_STATUSES, APPLICATION_STEPS, nextStatus, TRANSITIONS } from '../../shared/application/status'
import { isOverdue, resumeClock, startClock, stopClock } from '../../shared/calendar/caseClock'
import { POLICY_LIBRARY } from '../../shared/policies'
import { FACTS } from '../../shared/rules/facts'
import { ONLINE_POLICY_IDS } from '../../shared/application/onlineKinds'
import { ANSWER_PATTERNS } from '../../shared/application/answerPatterns'

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

  test('every question declares whether its answer is free text people read or a personal / structured value', () => {
    const all = APPLICATION_KINDS.flatMap((k) => k.questions.map((q) => ({ at: `${k.kind}.${q.key}`, q })))
    const lacking = all.filter(({ q }) => !['freeText', 'personal', 'structured'].includes(q.content as string))
    expect(lacking.map((x) => x.at)).toEqual([])
    // only typed text can be free text; a typed text value that is not free text has a shape
    expect(all.filter(({ q }) => q.content === 'freeText' && q.type !== 'text').map((x) => x.at)).toEqual([])
    expect(all.filter(({ q }) => q.type === 'text' && q.content !== 'freeText' && !q.pattern).map((x) => x.at)).toEqual(
      [],
    )
    // names and identifying numbers are never sent to WeChat's content check
    const personal = all.filter(({ q }) =>
      ['name', 'bankAccount', 'certificateNo', 'creditCode', 'hiredNames', 'guarantorName'].includes(q.key),
    )
    expect(personal.length).toBeGreaterThan(15)
    expect(personal.filter(({ q }) => q.content !== 'personal').map((x) => x.at)).toEqual([])
    // the words staff read are checked
    const words = all.filter(({ q }) => ['courseName', 'loanPurpose', 'businessName', 'employerName'].includes(q.key))
    expect(words.filter(({ q }) => q.content !== 'freeText').map((x) => x.at)).toEqual([])
  })

  test('the shapes of typed values take real values and refuse prose', () => {
    const P = ANSWER_PATTERNS
    expect(
      ['6222020000000000000', '6222 0200 0000 0000 123', '3701-0200-0000-1234'].every((v) => P.bankAccount.re.test(v)),
    ).toBe(true)
    expect(['违规测试 请联系我', '62220', 'abc12345678'].some((v) => P.bankAccount.re.test(v))).toBe(false)
    expect(['ZS2026001', 'S000037000002245000123', '2026-0001'].every((v) => P.certificateNo.re.test(v))).toBe(true)
    expect(P.certificateNo.re.test('请加微信领取补贴')).toBe(false)
    expect(P.creditCode.re.test('91370102MA3C4D5E6F')).toBe(true)
    expect(P.creditCode.re.test('9137010')).toBe(false)
    expect(['张三', '欧阳娜娜', '买买提·艾力', 'Anna Li'].every((v) => P.personName.re.test(v))).toBe(true)
    expect(P.personName.re.test('张三13912345678')).toBe(false)
    expect(P.personNames.re.test('张三、李四，王五')).toBe(true)
    expect(P.personNames.re.test('张三、加群123')).toBe(false)
    expect(P.regionCode.re.test('370102')).toBe(true)
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
