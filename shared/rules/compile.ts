/**
 * The batch path: compile rules once (for one as-of date) into kernels over the columns of columns.ts.
 * Persons are processed in chunks; each distinct leaf condition is evaluated once per chunk into a truth
 * buffer shared by every rule that uses it (tight loops over typed arrays), and all/any/not combine buffers
 * with Kleene logic (FALSE 0 < UNKNOWN 1 < TRUE 2: AND = min, OR = max, NOT = 2 − x).
 * It gives exactly the status of the single-person path (evaluate.ts); tests/unit/rules.batch.test.ts checks it.
 * No code generation (the mini-program forbids eval), so it also runs in the app.
 */
import { dateKey, MONTH, NO_DATE, yearOfKey } from './dates'
import { EDUCATIONS, KEY_GROUPS } from './facts'
import { ENUM_VALUES, type Columns } from './columns'
import type { Condition, LeafCondition } from './types'

// Literal copies of the encodings, so that the inner loops read no imported bindings (which a CommonJS
// bundle turns into property loads): checked against their sources in tests/unit/rules.batch.test.ts.
const F = 0 // FALSE
const U = 1 // UNKNOWN
const T = 2 // TRUE
const DM = -2 // D_MISSING
const DN = -1 // D_NONE
const KGK = 32768 // KG_KNOWN
const YM = -2147483647 // Y_MISSING
const YN = -2147483648 // Y_NONE
export const ENCODING_LITERALS = { F, U, T, DM, DN, KGK, YM, YN }

export const CHUNK = 2048

/**
 * A leaf kernel fills two bit planes for persons [s, s + len): bit j of word w in `t` is set when person
 * s + 32w + j satisfies the condition, in `f` when it is known not to; neither = unknown.
 */
type Kernel = (c: Columns, s: number, len: number, t: Int32Array, f: Int32Array) => void

// Each kernel is its own function literal (no shared classifier callback), so every inner loop stays
// monomorphic and is optimised on its own; the mini-program forbids code generation, hence the repetition.
// `duplicates` lists these near-copies (and the and/or/not word loops of runBits): they are deliberate, the
// batch benchmark's speed rests on them; fold them into a shared helper only with `npm run bench:policy` figures.
// Bits are computed branch-free (comparisons as 0/1 combined with & and |); small-domain columns (enums,
// booleans, key groups) go through two lookup tables of true/false bits per encoded value.
function tables(size: number, classify: (v: number) => number): { tT: Uint8Array; tF: Uint8Array } {
  const tT = new Uint8Array(size)
  const tF = new Uint8Array(size)
  for (let v = 0; v < size; v++) {
    const x = classify(v)
    tT[v] = x === T ? 1 : 0
    tF[v] = x === F ? 1 : 0
  }
  return { tT, tF }
}

function tableKernel(pick: (c: Columns) => Uint8Array | Uint16Array, tT: Uint8Array, tF: Uint8Array): Kernel {
  return (c, s, len, t, f) => {
    const col = pick(c)
    const words = (len + 31) >>> 5
    for (let w = 0; w < words; w++) {
      const base = s + (w << 5)
      const n = Math.min(32, len - (w << 5))
      let tw = 0
      let fw = 0
      for (let j = 0; j < n; j++) {
        const v = col[base + j]
        tw |= tT[v] << j
        fw |= tF[v] << j
      }
      t[w] = tw
      f[w] = fw
    }
  }
}

function leafKernel(l: LeafCondition, at: number): Kernel {
  switch (l.op) {
    case 'age': {
      const loK = l.min === undefined ? 2 ** 31 - 1 : at - MONTH * 12 * l.min // birth ≤ loK
      const hiK = l.max === undefined ? -(2 ** 31) : at - MONTH * 12 * (l.max + 1) // birth > hiK
      return (c, s, len, t, f) => {
        const col = c.dates.birthDate
        const words = (len + 31) >>> 5
        for (let w = 0; w < words; w++) {
          const base = s + (w << 5)
          const n = Math.min(32, len - (w << 5))
          let tw = 0
          let fw = 0
          for (let j = 0; j < n; j++) {
            const v = col[base + j]
            tw |= (+(v >= 0) & +(v <= loK) & +(v > hiK)) << j
            fw |= (+(v >= 0) & (+(v > loK) | +(v <= hiK))) << j
          }
          t[w] = tw
          f[w] = fw
        }
      }
    }
    case 'monthsSince': {
      const fact = l.fact
      const loK = l.min === undefined ? 2 ** 31 - 1 : at - MONTH * l.min
      const hiK = l.lessThan === undefined ? -(2 ** 31) : at - MONTH * l.lessThan
      return (c, s, len, t, f) => {
        const col = c.dates[fact]
        const words = (len + 31) >>> 5
        for (let w = 0; w < words; w++) {
          const base = s + (w << 5)
          const n = Math.min(32, len - (w << 5))
          let tw = 0
          let fw = 0
          for (let j = 0; j < n; j++) {
            const v = col[base + j]
            tw |= (+(v >= 0) & +(v <= loK) & +(v > hiK)) << j
            fw |= (+(v === DN) | (+(v >= 0) & (+(v > loK) | +(v <= hiK)))) << j
          }
          t[w] = tw
          f[w] = fw
        }
      }
    }
    case 'region': {
      const ranges: number[] = []
      for (const p of l.prefixes) {
        if (!/^\d{1,6}$/.test(p)) continue
        const scale = 10 ** (6 - p.length)
        ranges.push(Number(p) * scale, (Number(p) + 1) * scale)
      }
      const fact = l.fact
      if (ranges.length <= 2) {
        const r0 = ranges[0] ?? 0
        const r1 = ranges[1] ?? 0
        return (c, s, len, t, f) => {
          const col = c.regions[fact]
          const words = (len + 31) >>> 5
          for (let w = 0; w < words; w++) {
            const base = s + (w << 5)
            const n = Math.min(32, len - (w << 5))
            let tw = 0
            let fw = 0
            for (let j = 0; j < n; j++) {
              const v = col[base + j]
              tw |= (+(v >= r0) & +(v < r1)) << j
              fw |= (+(v >= 0) & (+(v < r0) | +(v >= r1))) << j
            }
            t[w] = tw
            f[w] = fw
          }
        }
      }
      return (c, s, len, t, f) => {
        const col = c.regions[fact]
        const words = (len + 31) >>> 5
        for (let w = 0; w < words; w++) {
          const base = s + (w << 5)
          const n = Math.min(32, len - (w << 5))
          let tw = 0
          let fw = 0
          for (let j = 0; j < n; j++) {
            const v = col[base + j]
            let hit = 0
            for (let r = 0; r < ranges.length; r += 2) hit |= +(v >= ranges[r]) & +(v < ranges[r + 1])
            tw |= hit << j
            fw |= (+(v >= 0) & (hit ^ 1)) << j
          }
          t[w] = tw
          f[w] = fw
        }
      }
    }
    case 'in': {
      const allowed = new Set(l.values)
      const values = ENUM_VALUES[l.fact]
      const fact = l.fact
      const { tT, tF } = tables(256, (v) => (v === 0 || v > values.length ? U : allowed.has(values[v - 1]) ? T : F))
      return tableKernel((c) => c.enums[fact], tT, tF)
    }
    case 'educationAtLeast': {
      const min = EDUCATIONS.indexOf(l.level) + 1
      const { tT, tF } = tables(256, (v) => (v === 0 || v > EDUCATIONS.length ? U : v >= min ? T : F))
      return tableKernel((c) => c.enums.education, tT, tF)
    }
    case 'keyGroup': {
      let mask = 0
      KEY_GROUPS.forEach((g, i) => {
        if (l.groups.includes(g)) mask |= 1 << i
      })
      const { tT, tF } = tables(65536, (v) => ((v & KGK) === 0 ? U : v & mask ? T : F))
      return tableKernel((c) => c.keyGroups, tT, tF)
    }
    case 'is': {
      const want = l.value === false ? 1 : 2
      const fact = l.fact
      const { tT, tF } = tables(256, (v) => (v === 0 || v > 2 ? U : v === want ? T : F))
      return tableKernel((c) => c.bools[fact], tT, tF)
    }
    case 'atLeast': {
      const min = l.value
      const fact = l.fact
      return (c, s, len, t, f) => {
        const col = c.nums[fact]
        const words = (len + 31) >>> 5
        for (let w = 0; w < words; w++) {
          const base = s + (w << 5)
          const n = Math.min(32, len - (w << 5))
          let tw = 0
          let fw = 0
          for (let j = 0; j < n; j++) {
            const v = col[base + j]
            tw |= +(v >= min) << j
            fw |= +(v < min) << j
          }
          t[w] = tw
          f[w] = fw
        }
      }
    }
    case 'graduatedWithin': {
      const y = yearOfKey(at)
      const lo = y - l.years
      return (c, s, len, t, f) => {
        const col = c.graduationYear
        const words = (len + 31) >>> 5
        for (let w = 0; w < words; w++) {
          const base = s + (w << 5)
          const n = Math.min(32, len - (w << 5))
          let tw = 0
          let fw = 0
          for (let j = 0; j < n; j++) {
            const v = col[base + j]
            tw |= (+(v <= y) & +(v >= lo)) << j
            fw |= (+(v === YN) | (+(v !== YM) & (+(v > y) | +(v < lo)))) << j
          }
          t[w] = tw
          f[w] = fw
        }
      }
    }
  }
}

/** Bit planes of one node for the current chunk. */
interface Planes {
  t: Int32Array
  f: Int32Array
}

/** A node of the compiled program: which planes hold its truth for the current chunk. */
type Step =
  | { kind: 'leaf'; kernel: Kernel; out: Planes }
  | { kind: 'and' | 'or'; args: Planes[]; out: Planes }
  | { kind: 'not'; arg: Planes; out: Planes }
  | { kind: 'const'; value: number; out: Planes }

const WORDS = CHUNK >>> 5

const leafKey = (l: LeafCondition): string => {
  const { code: _c, text: _t, hint: _h, ...rest } = l
  return JSON.stringify(rest)
}

/** Per rule, bit planes over the evaluated rows: bit i of t = row i eligible, of f = ineligible, neither = undetermined. */
export interface BitResult {
  rows: number
  t: Int32Array[]
  f: Int32Array[]
}

export interface CompiledRules {
  /** The as-of date the rules were compiled for (YYYY-MM-DD). */
  asOf: string
  rules: number
  /** Distinct leaf conditions over all rules (each evaluated once per chunk). */
  leaves: number
  /** Evaluate rows [from, to) into bit planes (allocated when not given; word w covers rows from + 32w …). */
  runBits(cols: Columns, from?: number, to?: number, out?: BitResult): BitResult
  /**
   * Evaluate rows [from, to) of the columns; out[r][i − from] receives rule r's truth for row i
   * (0 ineligible, 1 undetermined, 2 eligible). Allocates the outputs when not given.
   */
  run(cols: Columns, from?: number, to?: number, out?: Uint8Array[]): Uint8Array[]
}

/** Truth of row i (relative to the evaluated range) of rule r: 0 ineligible, 1 undetermined, 2 eligible. */
export function bitTruth(res: BitResult, r: number, i: number): 0 | 1 | 2 {
  const w = i >>> 5
  const b = 1 << (i & 31)
  return res.t[r][w] & b ? 2 : res.f[r][w] & b ? 0 : 1
}

/**
 * Compile rules for an as-of date. `false` stands for a rule that is known not to hold for anyone
 * (e.g. a policy not in force on that date).
 */
export function compileRules(rules: readonly (Condition | false)[], asOf: string): CompiledRules {
  const at = dateKey(asOf)
  if (at === NO_DATE) throw new Error(`invalid as-of date: ${asOf}`)
  const steps: Step[] = []
  const leafPlanes = new Map<string, Planes>()
  const newPlanes = (): Planes => ({ t: new Int32Array(WORDS), f: new Int32Array(WORDS) })
  const constant = (value: number): Planes => {
    const out = newPlanes()
    steps.push({ kind: 'const', value, out })
    return out
  }

  const build = (c: Condition): Planes => {
    switch (c.op) {
      case 'all':
      case 'any': {
        if (c.of.length === 0) return constant(c.op === 'all' ? T : F)
        const args = c.of.map(build)
        if (args.length === 1) return args[0]
        const out = newPlanes()
        steps.push({ kind: c.op === 'all' ? 'and' : 'or', args, out })
        return out
      }
      case 'not': {
        const arg = build(c.of)
        const out = newPlanes()
        steps.push({ kind: 'not', arg, out })
        return out
      }
      default: {
        const key = leafKey(c)
        const known = leafPlanes.get(key)
        if (known) return known
        const out = newPlanes()
        leafPlanes.set(key, out)
        steps.push({ kind: 'leaf', kernel: leafKernel(c, at), out })
        return out
      }
    }
  }

  const roots = rules.map((r) => (r === false ? constant(F) : build(r)))

  const runBits = (cols: Columns, from = 0, to = cols.n, given?: BitResult): BitResult => {
    const rows = to - from
    const total = (rows + 31) >>> 5
    const res = given ?? { rows, t: roots.map(() => new Int32Array(total)), f: roots.map(() => new Int32Array(total)) }
    for (let s = from; s < to; s += CHUNK) {
      const len = Math.min(CHUNK, to - s)
      const words = (len + 31) >>> 5
      for (const st of steps) {
        const o = st.out
        switch (st.kind) {
          case 'leaf':
            st.kernel(cols, s, len, o.t, o.f)
            break
          case 'const':
            o.t.fill(st.value === T ? -1 : 0, 0, words)
            o.f.fill(st.value === F ? -1 : 0, 0, words)
            break
          case 'not': {
            const a = st.arg
            for (let w = 0; w < words; w++) {
              o.t[w] = a.f[w]
              o.f[w] = a.t[w]
            }
            break
          }
          // 'and' and 'or' stay two written-out loops (not one loop with a combining callback): a call per word
          // would put the hot path back through a megamorphic site (see the kernels' note above).
          case 'and': {
            const a0 = st.args[0]
            for (let w = 0; w < words; w++) {
              o.t[w] = a0.t[w]
              o.f[w] = a0.f[w]
            }
            for (let j = 1; j < st.args.length; j++) {
              const a = st.args[j]
              for (let w = 0; w < words; w++) {
                o.t[w] &= a.t[w]
                o.f[w] |= a.f[w]
              }
            }
            break
          }
          case 'or': {
            const a0 = st.args[0]
            for (let w = 0; w < words; w++) {
              o.t[w] = a0.t[w]
              o.f[w] = a0.f[w]
            }
            for (let j = 1; j < st.args.length; j++) {
              const a = st.args[j]
              for (let w = 0; w < words; w++) {
                o.t[w] |= a.t[w]
                o.f[w] &= a.f[w]
              }
            }
            break
          }
        }
      }
      const off = (s - from) >>> 5
      // bits past the end of the last chunk stay clear
      const tail = len & 31
      const lastMask = tail === 0 ? -1 : (1 << tail) - 1
      for (let r = 0; r < roots.length; r++) {
        const src = roots[r]
        res.t[r].set(src.t.subarray(0, words), off)
        res.f[r].set(src.f.subarray(0, words), off)
        if (tail) {
          res.t[r][off + words - 1] &= lastMask
          res.f[r][off + words - 1] &= lastMask
        }
      }
    }
    return res
  }

  return {
    asOf,
    rules: rules.length,
    leaves: leafPlanes.size,
    runBits,
    run(cols, from = 0, to = cols.n, out) {
      const rows = to - from
      const bits = runBits(cols, from, to)
      const res = out ?? roots.map(() => new Uint8Array(rows))
      for (let r = 0; r < roots.length; r++) {
        const t = bits.t[r]
        const f = bits.f[r]
        const o = res[r]
        for (let i = 0; i < rows; i++) {
          const b = 1 << (i & 31)
          o[i] = t[i >>> 5] & b ? 2 : f[i >>> 5] & b ? 0 : 1
        }
      }
      return res
    },
  }
}
