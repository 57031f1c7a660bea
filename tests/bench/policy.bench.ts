/**
 * npm run bench:policy [-- --persons N] [--jre-sample M]
 *
 * N persons (default 1,000,000) × every policy of the library, through the compiled columnar path
 * (shared/rules/compile.ts) on pre-encoded facts; then json-rules-engine on a sample of the same persons
 * (default 10,000) with the same rules translated idiomatically (dynamic facts for age and durations, custom
 * operators for region prefixes and key groups). Prints figures and, as the last line, one JSON object.
 */
import { Engine, type TopLevelCondition, type NestedCondition } from 'json-rules-engine'
import { allocColumns, bitTruth, encodeRow, type Condition, type Facts } from '../../shared/rules'
import { dateKey, monthsBetween, yearOfKey } from '../../shared/rules/dates'
import { EDUCATIONS } from '../../shared/rules/facts'
import { createRandom } from '../../shared/random'
import { syntheticFacts } from '../../shared/rules/synthetic'
import { POLICY_LIBRARY, compilePolicies, evaluatePolicy, policyStatus } from '../../shared/policies'

const arg = (name: string, def: number): number => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0
    ? Number(process.argv[i + 1])
    : Number(process.env[`BENCH_${name.toUpperCase().replace('-', '_')}`] ?? def)
}
const N = arg('persons', 1_000_000)
const SAMPLE = Math.min(N, arg('jre-sample', 10_000))
const AS_OF = '2026-06-01'
const policies = POLICY_LIBRARY
const P = policies.length
const ms = (t: number) => `${t.toFixed(1)} ms`

// ---- persons: generated in chunks straight into columns; the first SAMPLE kept as objects for the baseline
let t0 = performance.now()
const cols = allocColumns(N)
const sample: Facts[] = []
const rnd = createRandom(20261123)
for (let i = 0; i < N; i++) {
  const f = syntheticFacts(rnd)
  if (i < SAMPLE) sample.push(f)
  encodeRow(cols, i, f)
}
cols.n = N
console.log(
  `persons: ${N.toLocaleString()} generated and encoded in ${ms(performance.now() - t0)} (not part of the figure)`,
)

// ---- compiled path
t0 = performance.now()
const compiled = compilePolicies(policies, AS_OF)
const compileMs = performance.now() - t0
console.log(`compile: ${P} policies → ${compiled.leaves} distinct conditions in ${ms(compileMs)}`)
const words = (N + 31) >>> 5
const out = { rows: N, t: policies.map(() => new Int32Array(words)), f: policies.map(() => new Int32Array(words)) }
compiled.runBits(cols, 0, N, out) // warm-up
const runs: number[] = []
for (let r = 0; r < 7; r++) {
  t0 = performance.now()
  compiled.runBits(cols, 0, N, out)
  runs.push(performance.now() - t0)
}
runs.sort((a, b) => a - b)
const median = runs[3]
const nsPerPair = (median * 1e6) / (N * P)
console.log(
  `batch: ${(N * P).toLocaleString()} pairs, median of 7 runs ${ms(median)} (fastest ${ms(runs[0])}, slowest ${ms(runs[6])}) → ${nsPerPair.toFixed(2)} ns/pair (fastest run ${((runs[0] * 1e6) / (N * P)).toFixed(2)})`,
)
const popcount = (x: number) => {
  x -= (x >>> 1) & 0x55555555
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}
for (let p = 0; p < P; p++) {
  let e = 0,
    inel = 0
  for (let w = 0; w < words; w++) {
    e += popcount(out.t[p][w])
    inel += popcount(out.f[p][w])
  }
  console.log(
    `  ${policies[p].title.padEnd(26, '　')} eligible ${String(e).padStart(8)}  undetermined ${String(N - e - inel).padStart(8)}`,
  )
}
// the bench's answers are the single path's answers (spot check on the sample)
let spotMismatch = 0
for (let i = 0; i < Math.min(SAMPLE, 2000); i++)
  for (let p = 0; p < P; p++)
    if (['ineligible', 'undetermined', 'eligible'][bitTruth(out, p, i)] !== policyStatus(policies[p], sample[i], AS_OF))
      spotMismatch++
console.log(`spot check against the single-person path: ${spotMismatch} mismatches`)

// ---- explanation on demand for any pair
t0 = performance.now()
let explained = 0
for (let i = 0; i < 2000; i++)
  explained += evaluatePolicy(policies[i % P], sample[i % sample.length], AS_OF).reasons.length
const explainUs = ((performance.now() - t0) * 1000) / 2000
console.log(
  `explanation on demand: ${explainUs.toFixed(1)} µs per (person, policy) with reasons, missing facts and changes (${explained} reasons built)`,
)
const demo = evaluatePolicy(policies[0], sample[0], AS_OF)
console.log(
  `  e.g. ${policies[0].title}: ${demo.status}; ${demo.reasons.map((r) => `${r.passed ? '✓' : '✗'}${r.text}`).join('；')}`,
)

// ---- json-rules-engine baseline on the same rules and persons
const at = dateKey(AS_OF)
function toJre(c: Condition): NestedCondition {
  switch (c.op) {
    case 'all':
      return { all: c.of.map(toJre) }
    case 'any':
      return { any: c.of.map(toJre) }
    case 'not':
      return { not: toJre(c.of) }
    case 'age': {
      const xs: NestedCondition[] = []
      if (c.min !== undefined) xs.push({ fact: 'ageYears', operator: 'greaterThanInclusive', value: c.min })
      if (c.max !== undefined) xs.push({ fact: 'ageYears', operator: 'lessThanInclusive', value: c.max })
      return { all: xs }
    }
    case 'region':
      return { fact: c.fact, operator: 'startsWithAny', value: c.prefixes }
    case 'in':
      return { fact: c.fact, operator: 'in', value: c.values }
    case 'educationAtLeast':
      return { fact: 'educationRank', operator: 'greaterThanInclusive', value: EDUCATIONS.indexOf(c.level) }
    case 'keyGroup':
      return { fact: 'keyGroups', operator: 'intersects', value: c.groups }
    case 'is':
      return { fact: c.fact, operator: 'equal', value: c.value ?? true }
    case 'atLeast':
      return { fact: c.fact, operator: 'greaterThanInclusive', value: c.value }
    case 'monthsSince': {
      const xs: NestedCondition[] = []
      if (c.min !== undefined)
        xs.push({ fact: 'monthsSince', params: { of: c.fact }, operator: 'greaterThanInclusive', value: c.min })
      if (c.lessThan !== undefined)
        xs.push({ fact: 'monthsSince', params: { of: c.fact }, operator: 'lessThan', value: c.lessThan })
      return { all: xs }
    }
    case 'graduatedWithin':
      return {
        all: [
          { fact: 'yearsSinceGraduation', operator: 'greaterThanInclusive', value: 0 },
          { fact: 'yearsSinceGraduation', operator: 'lessThanInclusive', value: c.years },
        ],
      }
  }
}
const engine = new Engine([], { allowUndefinedFacts: true })
engine.addOperator(
  'startsWithAny',
  (v: unknown, prefixes: string[]) => typeof v === 'string' && prefixes.some((p) => v.startsWith(p)),
)
engine.addOperator(
  'intersects',
  (v: unknown, groups: string[]) => Array.isArray(v) && groups.some((g) => v.includes(g)),
)
engine.addFact('ageYears', async (_p, almanac) => {
  const b = (await almanac.factValue<string | null>('birthDate')) as string | null | undefined
  const k = typeof b === 'string' ? dateKey(b) : -1
  return k < 0 ? NaN : Math.floor(monthsBetween(k, at) / 12)
})
engine.addFact('monthsSince', async (p: Record<string, unknown>, almanac) => {
  const v = (await almanac.factValue<string | null>(String(p.of))) as string | null | undefined
  const k = typeof v === 'string' ? dateKey(v) : -1
  return k < 0 ? NaN : monthsBetween(k, at)
})
engine.addFact('educationRank', async (_p, almanac) =>
  EDUCATIONS.indexOf((await almanac.factValue<string>('education')) as never),
)
engine.addFact('yearsSinceGraduation', async (_p, almanac) => {
  const y = (await almanac.factValue<number | null>('graduationYear')) as number | null | undefined
  return typeof y === 'number' ? yearOfKey(at) - y : NaN
})
policies.forEach((p, i) => {
  const inForceNow = AS_OF >= p.effectiveFrom && (!p.effectiveTo || AS_OF <= p.effectiveTo)
  const root = toJre(p.rule) as TopLevelCondition
  engine.addRule({
    name: p.id,
    priority: 1,
    conditions: inForceNow ? root : { all: [{ fact: 'never', operator: 'equal', value: true }] },
    event: { type: 'eligible', params: { i } },
  })
})

async function jre(): Promise<{ nsPerPair: number; agree: number; compared: number }> {
  for (let i = 0; i < Math.min(500, sample.length); i++) await engine.run(sample[i] as Record<string, unknown>)
  const results: Set<number>[] = []
  const t = performance.now()
  for (let i = 0; i < sample.length; i++) {
    const r = await engine.run(sample[i] as Record<string, unknown>)
    results.push(new Set(r.events.map((e) => (e.params as { i: number }).i)))
  }
  const elapsed = performance.now() - t
  // sanity: where our answer is known (not undetermined), the two engines agree
  let agree = 0,
    compared = 0
  for (let i = 0; i < sample.length; i++)
    for (let p = 0; p < P; p++) {
      const s = policyStatus(policies[p], sample[i], AS_OF)
      if (s === 'undetermined') continue
      compared++
      if ((s === 'eligible') === results[i].has(p)) agree++
    }
  return { nsPerPair: (elapsed * 1e6) / (sample.length * P), agree, compared }
}

jre().then(({ nsPerPair: jreNs, agree, compared }) => {
  console.log(
    `json-rules-engine: ${SAMPLE.toLocaleString()} persons × ${P} rules → ${(jreNs / 1000).toFixed(2)} µs/pair; agrees with the engine on ${agree}/${compared} determined pairs`,
  )
  const ratio = jreNs / nsPerPair
  console.log(`ratio: ${ratio.toFixed(0)}× (target ≥ 500×); ns/pair ${nsPerPair.toFixed(2)} (target ≤ 20)`)
  console.log(
    JSON.stringify({
      bench: 'policy',
      persons: N,
      policies: P,
      ns_per_pair: Number(nsPerPair.toFixed(3)),
      jre_ns_per_pair: Number(jreNs.toFixed(1)),
      ratio: Number(ratio.toFixed(1)),
    }),
  )
})
