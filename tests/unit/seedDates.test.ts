/**
 * The seed built at several dates (month ends, year end, mid-2027, 2028 leap day): the date-dependent demo facts
 * keep what the suites and the demo rely on, whatever day the seed is built, so no test depends on the real date.
 */
import { demoIdentityCards, demoPersons, DEMO_PERSON_IDS, recentGraduationYear } from '../../mock/seed/base/demo'
import { idNumberProblem } from '../../shared/idNumber'
import { evaluate } from '../../shared/rules/evaluate'
import { factsOf } from '../../shared/rules/facts'
import { jobSeekingSubsidy } from '../../shared/policies/jobSeekingSubsidy.policy'

const DATES = [
  '2026-01-31T23:30:00+08:00',
  '2026-02-28T12:00:00+08:00',
  '2026-06-30T23:59:00+08:00',
  '2026-07-01T00:01:00+08:00',
  '2026-12-31T23:59:00+08:00',
  '2027-01-01T00:00:00+08:00',
  '2027-02-28T23:59:00+08:00',
  '2027-07-01T09:00:00+08:00',
  '2027-07-15T10:00:00+08:00',
  '2028-02-29T10:00:00+08:00',
  '2028-12-31T10:00:00+08:00',
  '2027-12-31T23:30:00+08:00',
  '2028-12-31T23:30:00+08:00',
]
const cst = (iso: string) => iso.slice(0, 10)

test.each(DATES)(
  'built at %s, the graduation year is the last summer’s and every birth date is a real past date',
  (iso) => {
    const nowMs = Date.parse(iso)
    const grad = recentGraduationYear(nowMs)
    const y = Number(cst(iso).slice(0, 4))
    expect(grad).toBe(cst(iso).slice(5) >= '07-01' ? y : y - 1)
    for (const p of demoPersons(nowMs)) {
      const b = (p as { birthDate?: string }).birthDate
      expect(b && !Number.isNaN(Date.parse(b)) && b < cst(iso)).toBe(true)
    }
    const resident = demoPersons(nowMs).find((p) => p._id === DEMO_PERSON_IDS.resident) as unknown as {
      graduationYear: number
    }
    expect(resident.graduationYear).toBe(grad)
  },
)

test.each(DATES)(
  'built at %s and checked the same day, the demo resident is a graduate of the graduation year for 求职创业补贴 once they state a hardship',
  (iso) => {
    const nowMs = Date.parse(iso)
    const resident = demoPersons(nowMs).find((p) => p._id === DEMO_PERSON_IDS.resident) as unknown as Record<
      string,
      unknown
    >
    const inGraduationYear = cst(iso).slice(5) >= '07-01'
    const r = evaluate(jobSeekingSubsidy.rule, { ...factsOf(resident), lowIncomeFamily: true }, cst(iso))
    expect(r.status).toBe(inGraduationYear ? 'eligible' : 'ineligible')
  },
)

test.each(DATES)(
  'built at %s, every demo identity card is a valid ID number as of that day whose birth date is the person’s, one card per person',
  (iso) => {
    const nowMs = Date.parse(iso)
    const cards = demoIdentityCards(nowMs)
    const persons = demoPersons(nowMs) as unknown as { _id: string; birthDate: string }[]
    const problems = Object.values(cards)
      .map((c) => ({ c, p: persons.find((x) => x._id === c.personId) }))
      .filter(
        ({ c, p }) =>
          !p ||
          idNumberProblem(c.idNumber, cst(iso)) !== null ||
          `${c.idNumber.slice(6, 10)}-${c.idNumber.slice(10, 12)}-${c.idNumber.slice(12, 14)}` !== p.birthDate,
      )
      .map(({ c }) => c.personId)
    expect(problems).toEqual([])
    expect(Object.keys(cards).length).toBeGreaterThan(0)
    expect(new Set(Object.values(cards).map((c) => c.idNumber)).size).toBe(Object.keys(cards).length)
  },
)
