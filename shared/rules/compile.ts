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
import { D_MISSING, D_NONE, ENUM_VALUES, KG_KNOWN, Y_MISSING, Y_NONE, type Columns } from './columns'
import { FALSE, TRUE, UNKNOWN, type Condition, type LeafCondition } from './types'

export const CHUNK = 2048

type Kernel = (c: Columns, start: number, len: number, out: Uint8Array) => void

function leafKernel(l: LeafCondition, at: number): Kernel {
  switch (l.op) {
    case 'age': {
      const loK = l.min === undefined ? 2 ** 31 - 1 : at - MONTH * 12 * l.min // birth ≤ loK
      const hiK = l.max === undefined ? -(2 ** 31) : at - MONTH * 12 * (l.max + 1) // birth > hiK
      return (c, s, len, out) => {
        const col = c.dates.birthDate
        for (let i = 0; i < len; i++) {
          const k = col[s + i]
          out[i] = k < 0 ? UNKNOWN : k <= loK && k > hiK ? TRUE : FALSE
        }
      }
    }
    case 'monthsSince': {
      const fact = l.fact
      const loK = l.min === undefined ? 2 ** 31 - 1 : at - MONTH * l.min
      const hiK = l.lessThan === undefined ? -(2 ** 31) : at - MONTH * l.lessThan
      return (c, s, len, out) => {
        const col = c.dates[fact]
        for (let i = 0; i < len; i++) {
          const k = col[s + i]
          out[i] = k === D_MISSING ? UNKNOWN : k === D_NONE ? FALSE : k <= loK && k > hiK ? TRUE : FALSE
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
      const r0 = ranges[0] ?? 0
      const r1 = ranges[1] ?? 0
      if (ranges.length <= 2) {
        return (c, s, len, out) => {
          const col = c.regions[fact]
          for (let i = 0; i < len; i++) {
            const v = col[s + i]
            out[i] = v < 0 ? UNKNOWN : v >= r0 && v < r1 ? TRUE : FALSE
          }
        }
      }
      return (c, s, len, out) => {
        const col = c.regions[fact]
        for (let i = 0; i < len; i++) {
          const v = col[s + i]
          if (v < 0) { out[i] = UNKNOWN; continue }
          let t: number = FALSE
          for (let j = 0; j < ranges.length; j += 2) if (v >= ranges[j] && v < ranges[j + 1]) { t = TRUE; break }
          out[i] = t
        }
      }
    }
    case 'in': {
      let mask = 0
      ENUM_VALUES[l.fact].forEach((v, i) => { if (l.values.includes(v)) mask |= 1 << (i + 1) })
      const fact = l.fact
      return (c, s, len, out) => {
        const col = c.enums[fact]
        for (let i = 0; i < len; i++) {
          const v = col[s + i]
          out[i] = v === 0 ? UNKNOWN : (mask >> v) & 1 ? TRUE : FALSE
        }
      }
    }
    case 'educationAtLeast': {
      const min = EDUCATIONS.indexOf(l.level) + 1
      return (c, s, len, out) => {
        const col = c.enums.education
        for (let i = 0; i < len; i++) {
          const v = col[s + i]
          out[i] = v === 0 ? UNKNOWN : v >= min ? TRUE : FALSE
        }
      }
    }
    case 'keyGroup': {
      let mask = 0
      KEY_GROUPS.forEach((g, i) => { if (l.groups.includes(g)) mask |= 1 << i })
      return (c, s, len, out) => {
        const col = c.keyGroups
        for (let i = 0; i < len; i++) {
          const v = col[s + i]
          out[i] = (v & KG_KNOWN) === 0 ? UNKNOWN : v & mask ? TRUE : FALSE
        }
      }
    }
    case 'is': {
      const want = l.value === false ? 1 : 2
      const fact = l.fact
      return (c, s, len, out) => {
        const col = c.bools[fact]
        for (let i = 0; i < len; i++) {
          const v = col[s + i]
          out[i] = v === 0 ? UNKNOWN : v === want ? TRUE : FALSE
        }
      }
    }
    case 'atLeast': {
      const min = l.value
      const fact = l.fact
      return (c, s, len, out) => {
        const col = c.nums[fact]
        for (let i = 0; i < len; i++) {
          const v = col[s + i]
          out[i] = v !== v ? UNKNOWN : v >= min ? TRUE : FALSE
        }
      }
    }
    case 'graduatedWithin': {
      const y = yearOfKey(at)
      const lo = y - l.years
      return (c, s, len, out) => {
        const col = c.graduationYear
        for (let i = 0; i < len; i++) {
          const v = col[s + i]
          out[i] = v === Y_MISSING ? UNKNOWN : v === Y_NONE ? FALSE : v <= y && v >= lo ? TRUE : FALSE
        }
      }
    }
  }
}

/** A node of the compiled program: which buffer holds its truth for the current chunk. */
type Step =
  | { kind: 'leaf'; kernel: Kernel; buf: Uint8Array }
  | { kind: 'and' | 'or'; args: Uint8Array[]; buf: Uint8Array }
  | { kind: 'not'; arg: Uint8Array; buf: Uint8Array }
  | { kind: 'const'; value: number; buf: Uint8Array }

const leafKey = (l: LeafCondition): string => {
  const { code: _c, text: _t, hint: _h, ...rest } = l
  return JSON.stringify(rest)
}

export interface CompiledRules {
  /** The as-of date the rules were compiled for (YYYY-MM-DD). */
  asOf: string
  rules: number
  /** Distinct leaf conditions over all rules (each evaluated once per chunk). */
  leaves: number
  /**
   * Evaluate rows [from, to) of the columns; out[r][i − from] receives rule r's truth for row i
   * (0 ineligible, 1 undetermined, 2 eligible). Allocates the outputs when not given.
   */
  run(cols: Columns, from?: number, to?: number, out?: Uint8Array[]): Uint8Array[]
}

/**
 * Compile rules for an as-of date. `false` stands for a rule that is known not to hold for anyone
 * (e.g. a policy not in force on that date).
 */
export function compileRules(rules: readonly (Condition | false)[], asOf: string): CompiledRules {
  const at = dateKey(asOf)
  if (at === NO_DATE) throw new Error(`invalid as-of date: ${asOf}`)
  const steps: Step[] = []
  const leafBufs = new Map<string, Uint8Array>()
  const newBuf = () => new Uint8Array(CHUNK)

  const build = (c: Condition): Uint8Array => {
    switch (c.op) {
      case 'all':
      case 'any': {
        if (c.of.length === 0) {
          const buf = newBuf()
          steps.push({ kind: 'const', value: c.op === 'all' ? TRUE : FALSE, buf })
          return buf
        }
        const args = c.of.map(build)
        if (args.length === 1) return args[0]
        const buf = newBuf()
        steps.push({ kind: c.op === 'all' ? 'and' : 'or', args, buf })
        return buf
      }
      case 'not': {
        const arg = build(c.of)
        const buf = newBuf()
        steps.push({ kind: 'not', arg, buf })
        return buf
      }
      default: {
        const key = leafKey(c)
        const known = leafBufs.get(key)
        if (known) return known
        const buf = newBuf()
        leafBufs.set(key, buf)
        steps.push({ kind: 'leaf', kernel: leafKernel(c, at), buf })
        return buf
      }
    }
  }

  const roots = rules.map((r) => {
    if (r === false) {
      const buf = newBuf()
      steps.push({ kind: 'const', value: FALSE, buf })
      return buf
    }
    return build(r)
  })

  return {
    asOf,
    rules: rules.length,
    leaves: leafBufs.size,
    run(cols, from = 0, to = cols.n, out) {
      const total = to - from
      const res = out ?? roots.map(() => new Uint8Array(total))
      for (let s = from; s < to; s += CHUNK) {
        const len = Math.min(CHUNK, to - s)
        for (const st of steps) {
          const b = st.buf
          switch (st.kind) {
            case 'leaf':
              st.kernel(cols, s, len, b)
              break
            case 'const':
              b.fill(st.value, 0, len)
              break
            case 'not':
              for (let i = 0; i < len; i++) b[i] = 2 - st.arg[i]
              break
            case 'and': {
              const a0 = st.args[0]
              for (let i = 0; i < len; i++) b[i] = a0[i]
              for (let j = 1; j < st.args.length; j++) {
                const a = st.args[j]
                for (let i = 0; i < len; i++) if (a[i] < b[i]) b[i] = a[i]
              }
              break
            }
            case 'or': {
              const a0 = st.args[0]
              for (let i = 0; i < len; i++) b[i] = a0[i]
              for (let j = 1; j < st.args.length; j++) {
                const a = st.args[j]
                for (let i = 0; i < len; i++) if (a[i] > b[i]) b[i] = a[i]
              }
              break
            }
          }
        }
        const off = s - from
        for (let r = 0; r < roots.length; r++) res[r].set(roots[r].subarray(0, len), off)
      }
      return res
    },
  }
}
