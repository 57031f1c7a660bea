/** The batch path must give exactly the single-person status: 100,000 random persons × the whole library. */
import {
  compileRules,
  encodeFacts,
  evaluate,
  FALSE,
  TRUE,
  UNKNOWN,
  D_MISSING,
  D_NONE,
  KG_KNOWN,
  Y_MISSING,
  Y_NONE,
  type Condition,
  type Facts,
} from '../../shared/rules'
import { ENCODING_LITERALS } from '../../shared/rules/compile'
import { createRandom } from '../../shared/random'
import { syntheticFacts } from '../../shared/rules/synthetic'
import { POLICY_LIBRARY, compilePolicies, evaluatePolicy, policyStatus } from '../../shared/policies'

const STATUS = ['ineligible', 'undetermined', 'eligible'] as const

function persons(n: number, seed: number, missing: number): Facts[] {
  const r = createRandom(seed)
  return Array.from({ length: n }, () => syntheticFacts(r, { missing }))
}

describe('batch path equals single path', () => {
  it("the kernels' literal encodings match their sources", () => {
    expect(ENCODING_LITERALS).toEqual({
      F: FALSE,
      U: UNKNOWN,
      T: TRUE,
      DM: D_MISSING,
      DN: D_NONE,
      KGK: KG_KNOWN,
      YM: Y_MISSING,
      YN: Y_NONE,
    })
  })

  it.each([
    ['2026-06-01', 100_000],
    ['2021-06-01', 10_000],
    ['2027-02-28', 10_000],
  ])('as of %s: given %d random persons and every policy, then every status is identical', (asOf, n) => {
    const people = persons(n, asOf.length * 7919 + Number(asOf.slice(0, 4)), 0.08)
    const cols = encodeFacts(people)
    const out = compilePolicies(POLICY_LIBRARY, asOf).run(cols)
    let mismatches = 0
    const seen = new Set<string>()
    for (let p = 0; p < POLICY_LIBRARY.length; p++) {
      for (let i = 0; i < people.length; i++) {
        // the full explained evaluation on a share of them, the same path without explanation on all
        const single =
          i < 3000
            ? evaluatePolicy(POLICY_LIBRARY[p], people[i], asOf).status
            : policyStatus(POLICY_LIBRARY[p], people[i], asOf)
        seen.add(single)
        if (STATUS[out[p][i]] !== single) mismatches++
      }
    }
    expect(mismatches).toBe(0)
    // the sample really exercises all three answers
    expect([...seen].sort()).toEqual(['eligible', 'ineligible', 'undetermined'])
  })

  it('given random rules (all/any/not over every kind of condition) and odd facts, then statuses are identical', () => {
    const r = createRandom(42)
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]
    const leaf = (): Condition => {
      switch (Math.floor(r() * 9)) {
        case 0:
          return {
            op: 'age',
            min: r() < 0.7 ? Math.floor(r() * 50) : undefined,
            max: r() < 0.5 ? 20 + Math.floor(r() * 50) : undefined,
          }
        case 1:
          return {
            op: 'region',
            fact: pick(['hukouRegion', 'residenceRegion'] as const),
            prefixes: [pick(['37', '3701', '370102', '11', '32'])],
            place: '某地',
          }
        case 2:
          return { op: 'in', fact: 'employmentStatus', values: [pick(['employed', 'unemployed', 'flexible'])] }
        case 3:
          return { op: 'educationAtLeast', level: pick(['junior', 'college', 'bachelor'] as const) }
        case 4:
          return { op: 'keyGroup', groups: [pick(['veteran', 'disabled', 'recentGraduate'] as const)] }
        case 5:
          return { op: 'is', fact: pick(['registeredUnemployed', 'lowIncomeFamily'] as const), value: r() < 0.7 }
        case 6:
          return { op: 'atLeast', fact: 'socialInsuranceMonths', value: Math.floor(r() * 100) }
        case 7:
          return {
            op: 'monthsSince',
            fact: pick(['businessRegisteredAt', 'registeredUnemployedSince', 'birthDate'] as const),
            min: r() < 0.6 ? Math.floor(r() * 24) : undefined,
            lessThan: r() < 0.6 ? 12 + Math.floor(r() * 48) : undefined,
          }
        default:
          return { op: 'graduatedWithin', years: Math.floor(r() * 4) }
      }
    }
    const tree = (d: number): Condition => {
      const x = r()
      if (d > 2 || x < 0.4) return leaf()
      if (x < 0.55) return { op: 'not', of: tree(d + 1) }
      return { op: x < 0.8 ? 'all' : 'any', of: Array.from({ length: Math.floor(r() * 4) }, () => tree(d + 1)) }
    }
    const rules = Array.from({ length: 40 }, () => tree(0))
    const people = persons(3000, 7, 0.2)
    // odd values the engine must treat the same way on both paths
    people.push(
      { birthDate: '2026-02-30' },
      { graduationYear: 2.5 },
      { keyGroups: ['nope' as never] },
      { hukouRegion: '37' },
      { employmentStatus: 'toString' as never },
      { socialInsuranceMonths: NaN },
      { graduationYear: 1e12 },
    )
    const out = compileRules(rules, '2026-03-31').run(encodeFacts(people))
    const mismatches: string[] = []
    for (let k = 0; k < rules.length; k++)
      for (let i = 0; i < people.length; i++) {
        const single = evaluate(rules[k], people[i], '2026-03-31').status
        if (STATUS[out[k][i]] !== single)
          mismatches.push(`rule ${k} person ${i}: batch ${STATUS[out[k][i]]}, single ${single}`)
      }
    expect(mismatches.slice(0, 5)).toEqual([])
  })

  it('evaluates a sub-range of rows into the right offsets', () => {
    const people = persons(5000, 3, 0.05)
    const compiled = compilePolicies(POLICY_LIBRARY, '2026-06-01')
    const cols = encodeFacts(people)
    const whole = compiled.run(cols)
    const part = compiled.run(cols, 1000, 3500)
    for (let p = 0; p < POLICY_LIBRARY.length; p++)
      expect(Array.from(part[p])).toEqual(Array.from(whole[p].subarray(1000, 3500)))
  })
})
