/**
 * The single-person path: evaluate a rule for one set of facts as of a date, with a reason per condition,
 * the facts still missing, and (for an ineligible answer) what would change it where that is knowable.
 * The batch path (compile.ts) must give exactly the same status; both use the arithmetic in dates.ts.
 */
import { EDUCATION_LABELS, EMPLOYMENT_STATUS_LABELS, KEY_GROUP_LABELS, type KeyGroup } from '../domain/person'
import { dateKey, keyToDate, monthsBetween, MONTH, NO_DATE, yearOfKey } from './dates'
import { EDUCATIONS, FACTS } from './facts'
import {
  FALSE,
  TRUE,
  UNKNOWN,
  type BoolFact,
  type Change,
  type Condition,
  type DateFact,
  type EligibilityStatus,
  type Evaluation,
  type FactName,
  type Facts,
  type LeafCondition,
  type NumFact,
  type Reason,
  type Truth,
} from './types'

const ENUM_LABELS: Record<string, Record<string, string>> = {
  sex: { male: '男', female: '女' },
  hukouType: { urban: '城镇户口', rural: '农村户口' },
  education: EDUCATION_LABELS,
  employmentStatus: EMPLOYMENT_STATUS_LABELS,
}

const BOOL_TEXT: Record<BoolFact, [string, string]> = {
  registeredUnemployed: ['已办理失业登记', '未办理失业登记'],
  involuntarilyUnemployed: ['非因本人意愿中断就业', '属于本人意愿离职'],
  lowIncomeFamily: ['属于城乡低保家庭', '不属于城乡低保家庭'],
  worksOutsideProvince: ['在山东省外务工', '不在山东省外务工'],
}

const DATE_PHRASE: Record<DateFact, string> = {
  birthDate: '出生',
  employmentStatusSince: '处于当前就业状态',
  registeredUnemployedSince: '登记失业',
  businessRegisteredAt: '领取营业执照',
  skillCertificateAt: '取得职业技能证书',
  trainingCompletedAt: '培训结业',
}

const NUM_UNIT: Record<NumFact, string> = {
  socialInsuranceMonths: '个月',
  unemploymentInsuranceMonths: '个月',
  employeesHired: '人',
}

/** "6个月", "1年", "3年" */
export function monthsText(n: number): string {
  return n % 12 === 0 && n > 0 ? `${n / 12}年` : `${n}个月`
}

const isRegion = (v: unknown): v is string => typeof v === 'string' && /^\d{6}$/.test(v)

export function leafCode(c: LeafCondition): string {
  if (c.code) return c.code
  switch (c.op) {
    case 'age':
      return 'age'
    case 'region':
      return `region.${c.fact}`
    case 'in':
      return `in.${c.fact}`
    case 'educationAtLeast':
      return 'education'
    case 'keyGroup':
      return 'keyGroup'
    case 'is':
      return `is.${c.fact}`
    case 'atLeast':
      return `atLeast.${c.fact}`
    case 'monthsSince':
      return `monthsSince.${c.fact}`
    case 'graduatedWithin':
      return 'graduatedWithin'
  }
}

export function leafFact(c: LeafCondition): FactName {
  switch (c.op) {
    case 'age':
      return 'birthDate'
    case 'educationAtLeast':
      return 'education'
    case 'keyGroup':
      return 'keyGroups'
    case 'graduatedWithin':
      return 'graduationYear'
    default:
      return c.fact
  }
}

/** The requirement in Chinese, without the person's value. */
export function requirementText(c: Condition): string {
  if (c.text) return c.text
  switch (c.op) {
    case 'all':
      return '同时满足以下条件'
    case 'any':
      return '满足以下任一条件'
    case 'not':
      return '不属于以下情形'
    case 'age':
      if (c.min !== undefined && c.max !== undefined) return `年龄在${c.min}至${c.max}周岁之间`
      if (c.min !== undefined) return `年满${c.min}周岁`
      return `年龄不超过${c.max}周岁`
    case 'region':
      return `${FACTS[c.fact].label}在${c.place}`
    case 'in':
      return `${FACTS[c.fact].label}为${c.values.map((v) => ENUM_LABELS[c.fact]?.[v] ?? v).join('或')}`
    case 'educationAtLeast':
      return `学历为${EDUCATION_LABELS[c.level]}及以上`
    case 'keyGroup':
      return c.groups.length === 1
        ? `属于${KEY_GROUP_LABELS[c.groups[0]]}`
        : `属于以下人员之一：${c.groups.map((g) => KEY_GROUP_LABELS[g]).join('、')}`
    case 'is':
      return BOOL_TEXT[c.fact][c.value === false ? 1 : 0]
    case 'atLeast':
      return `${FACTS[c.fact].label}满${c.value}${NUM_UNIT[c.fact]}`
    case 'monthsSince': {
      const p = DATE_PHRASE[c.fact]
      if (c.min !== undefined && c.lessThan !== undefined)
        return `${p}满${monthsText(c.min)}且不满${monthsText(c.lessThan)}`
      if (c.min !== undefined) return `${p}满${monthsText(c.min)}`
      return `${p}不满${monthsText(c.lessThan ?? 0)}`
    }
    case 'graduatedWithin':
      return c.years === 0 ? '毕业年度内的毕业生' : `毕业${c.years}年内（含毕业当年）`
  }
}

/** The three-valued truth of a leaf, without explanation (the explained path derives its truth from this). */
export function leafTruth(c: LeafCondition, f: Facts, asOf: number): Truth {
  switch (c.op) {
    case 'age': {
      const k = typeof f.birthDate === 'string' ? dateKey(f.birthDate) : NO_DATE
      if (k === NO_DATE) return UNKNOWN
      return (c.min === undefined || k + MONTH * 12 * c.min <= asOf) &&
        (c.max === undefined || k + MONTH * 12 * (c.max + 1) > asOf)
        ? TRUE
        : FALSE
    }
    case 'region': {
      const v = f[c.fact]
      if (!isRegion(v)) return UNKNOWN
      return c.prefixes.some((p) => v.startsWith(p)) ? TRUE : FALSE
    }
    case 'in': {
      const v = f[c.fact]
      if (typeof v !== 'string' || !Object.prototype.hasOwnProperty.call(ENUM_LABELS[c.fact], v)) return UNKNOWN
      return c.values.includes(v) ? TRUE : FALSE
    }
    case 'educationAtLeast': {
      const i = typeof f.education === 'string' ? EDUCATIONS.indexOf(f.education) : -1
      if (i < 0) return UNKNOWN
      return i >= EDUCATIONS.indexOf(c.level) ? TRUE : FALSE
    }
    case 'keyGroup': {
      const v = f.keyGroups
      if (!Array.isArray(v)) return UNKNOWN
      return c.groups.some((g) => v.includes(g)) ? TRUE : FALSE
    }
    case 'is': {
      const v = f[c.fact]
      if (typeof v !== 'boolean') return UNKNOWN
      return v === (c.value ?? true) ? TRUE : FALSE
    }
    case 'atLeast': {
      const v = f[c.fact]
      if (typeof v !== 'number' || !Number.isFinite(v)) return UNKNOWN
      return v >= c.value ? TRUE : FALSE
    }
    case 'monthsSince': {
      const v = f[c.fact]
      if (v === null) return FALSE
      const k = typeof v === 'string' ? dateKey(v) : NO_DATE
      if (k === NO_DATE) return UNKNOWN
      return (c.min === undefined || k + MONTH * c.min <= asOf) &&
        (c.lessThan === undefined || k + MONTH * c.lessThan > asOf)
        ? TRUE
        : FALSE
    }
    case 'graduatedWithin': {
      const v = f.graduationYear
      if (v === null) return FALSE
      if (typeof v !== 'number' || !Number.isInteger(v)) return UNKNOWN
      const y = yearOfKey(asOf)
      return v <= y && y - v <= c.years ? TRUE : FALSE
    }
  }
}

function nodeTruth(c: Condition, f: Facts, asOf: number): Truth {
  switch (c.op) {
    case 'all': {
      let t: Truth = TRUE
      for (const k of c.of) {
        const x = nodeTruth(k, f, asOf)
        if (x === FALSE) return FALSE
        if (x < t) t = x
      }
      return t
    }
    case 'any': {
      let t: Truth = FALSE
      for (const k of c.of) {
        const x = nodeTruth(k, f, asOf)
        if (x === TRUE) return TRUE
        if (x > t) t = x
      }
      return t
    }
    case 'not':
      return (TRUE - nodeTruth(c.of, f, asOf)) as Truth
    default:
      return leafTruth(c, f, asOf)
  }
}

interface LeafOutcome {
  truth: Truth
  actual?: string
  /** For a failed leaf: what would change it (null = not knowable). */
  change: Change | null
}

function evalLeaf(c: LeafCondition, f: Facts, asOf: number): LeafOutcome {
  const o = explainLeaf(c, f, asOf)
  // one source of truth: the explanation never disagrees with leafTruth (which the batch path mirrors)
  const truth = leafTruth(c, f, asOf)
  return truth === o.truth ? o : { truth, actual: o.actual, change: truth === FALSE ? o.change : null }
}

function explainLeaf(c: LeafCondition, f: Facts, asOf: number): LeafOutcome {
  const code = leafCode(c)
  const hinted = (): Change | null => (c.hint ? { code, text: c.hint } : null)
  switch (c.op) {
    case 'age': {
      const k = typeof f.birthDate === 'string' ? dateKey(f.birthDate) : NO_DATE
      if (k === NO_DATE) return { truth: UNKNOWN, change: null }
      const okMin = c.min === undefined || k + MONTH * 12 * c.min <= asOf
      const okMax = c.max === undefined || k + MONTH * 12 * (c.max + 1) > asOf
      const age = Math.floor(monthsBetween(k, asOf) / 12)
      const actual = `现年${Math.max(age, 0)}周岁`
      if (okMin && okMax) return { truth: TRUE, actual, change: null }
      if (!okMin && c.min !== undefined) {
        const from = keyToDate(k + MONTH * 12 * c.min)
        return { truth: FALSE, actual, change: { code, text: `年满${c.min}周岁后可申请（${from}起）`, from } }
      }
      return { truth: FALSE, actual, change: hinted() }
    }
    case 'region': {
      const v = f[c.fact]
      if (!isRegion(v)) return { truth: UNKNOWN, change: null }
      return c.prefixes.some((p) => v.startsWith(p))
        ? { truth: TRUE, change: null }
        : { truth: FALSE, change: hinted() }
    }
    case 'in': {
      const v = f[c.fact]
      const labels = ENUM_LABELS[c.fact]
      if (typeof v !== 'string' || !Object.prototype.hasOwnProperty.call(labels, v))
        return { truth: UNKNOWN, change: null }
      const actual = `目前：${labels[v]}`
      return c.values.includes(v) ? { truth: TRUE, actual, change: null } : { truth: FALSE, actual, change: hinted() }
    }
    case 'educationAtLeast': {
      const v = f.education
      const i = typeof v === 'string' ? EDUCATIONS.indexOf(v) : -1
      if (i < 0 || !v) return { truth: UNKNOWN, change: null }
      const actual = `目前：${EDUCATION_LABELS[v]}`
      return i >= EDUCATIONS.indexOf(c.level)
        ? { truth: TRUE, actual, change: null }
        : { truth: FALSE, actual, change: hinted() }
    }
    case 'keyGroup': {
      const v = f.keyGroups
      if (!Array.isArray(v)) return { truth: UNKNOWN, change: null }
      const mine = (v as KeyGroup[]).filter(
        (g) => typeof g === 'string' && Object.prototype.hasOwnProperty.call(KEY_GROUP_LABELS, g),
      )
      const actual = mine.length ? `您属于：${mine.map((g) => KEY_GROUP_LABELS[g]).join('、')}` : '您不属于所列人员'
      return c.groups.some((g) => mine.includes(g))
        ? { truth: TRUE, actual, change: null }
        : { truth: FALSE, actual, change: hinted() }
    }
    case 'is': {
      const v = f[c.fact]
      if (typeof v !== 'boolean') return { truth: UNKNOWN, change: null }
      return v === (c.value ?? true) ? { truth: TRUE, change: null } : { truth: FALSE, change: hinted() }
    }
    case 'atLeast': {
      const v = f[c.fact]
      if (typeof v !== 'number' || !Number.isFinite(v)) return { truth: UNKNOWN, change: null }
      const unit = NUM_UNIT[c.fact]
      const actual = `目前${v}${unit}`
      if (v >= c.value) return { truth: TRUE, actual, change: null }
      return {
        truth: FALSE,
        actual,
        change: c.hint
          ? { code, text: c.hint }
          : { code, text: `${FACTS[c.fact].label}再增加${Math.ceil(c.value - v)}${unit}后可申请` },
      }
    }
    case 'monthsSince': {
      const v = f[c.fact]
      if (v === null) return { truth: FALSE, actual: `无${FACTS[c.fact].label}`, change: hinted() }
      const k = typeof v === 'string' ? dateKey(v) : NO_DATE
      if (k === NO_DATE) return { truth: UNKNOWN, change: null }
      const okMin = c.min === undefined || k + MONTH * c.min <= asOf
      const okMax = c.lessThan === undefined || k + MONTH * c.lessThan > asOf
      const actual = `${FACTS[c.fact].label}：${keyToDate(k)}`
      if (okMin && okMax) return { truth: TRUE, actual, change: null }
      if (!okMin && c.min !== undefined) {
        const from = keyToDate(k + MONTH * c.min)
        return {
          truth: FALSE,
          actual,
          change: { code, text: `${DATE_PHRASE[c.fact]}满${monthsText(c.min)}后可申请（${from}起）`, from },
        }
      }
      return { truth: FALSE, actual, change: hinted() }
    }
    case 'graduatedWithin': {
      const v = f.graduationYear
      if (v === null) return { truth: FALSE, actual: '无毕业年份', change: hinted() }
      if (typeof v !== 'number' || !Number.isInteger(v)) return { truth: UNKNOWN, change: null }
      const y = yearOfKey(asOf)
      const actual = `${v}年毕业`
      if (v <= y && y - v <= c.years) return { truth: TRUE, actual, change: null }
      if (v > y)
        return { truth: FALSE, actual, change: { code, text: `毕业当年起可申请（${v}-01-01起）`, from: `${v}-01-01` } }
      return { truth: FALSE, actual, change: hinted() }
    }
  }
}

interface NodeOutcome {
  truth: Truth
  reason: Reason
  missing: FactName[]
  /** For a FALSE node: changes that would make it hold; null when not knowable. */
  changes: Change[] | null
}

const stateOf = (t: Truth): Reason['state'] => (t === TRUE ? 'passed' : t === FALSE ? 'failed' : 'missing')

function evalNode(c: Condition, f: Facts, asOf: number): NodeOutcome {
  if (c.op === 'all' || c.op === 'any') {
    const kids = c.of.map((k) => evalNode(k, f, asOf))
    let truth: Truth = c.op === 'all' ? TRUE : FALSE
    for (const k of kids) truth = (c.op === 'all' ? Math.min(truth, k.truth) : Math.max(truth, k.truth)) as Truth
    const code = c.code ?? c.op
    let changes: Change[] | null = null
    if (truth === FALSE) {
      if (c.op === 'all') {
        changes = []
        for (const k of kids) {
          if (k.truth !== FALSE) continue
          if (!k.changes) {
            changes = null
            break
          }
          changes.push(...k.changes)
        }
      } else {
        // any: one branch suffices; prefer the smallest knowable one
        for (const k of kids) if (k.changes && (!changes || k.changes.length < changes.length)) changes = k.changes
      }
    }
    return {
      truth,
      reason: {
        code,
        passed: truth === TRUE,
        state: stateOf(truth),
        text: requirementText(c),
        children: kids.map((k) => k.reason),
      },
      missing: truth === UNKNOWN ? uniq(kids.filter((k) => k.truth === UNKNOWN).flatMap((k) => k.missing)) : [],
      changes,
    }
  }
  if (c.op === 'not') {
    const k = evalNode(c.of, f, asOf)
    const truth = (TRUE - k.truth) as Truth
    return {
      truth,
      reason: {
        code: c.code ?? 'not',
        passed: truth === TRUE,
        state: stateOf(truth),
        text: requirementText(c),
        children: [k.reason],
      },
      missing: truth === UNKNOWN ? k.missing : [],
      changes: null,
    }
  }
  const o = evalLeaf(c, f, asOf)
  const fact = leafFact(c)
  const base = requirementText(c)
  const text =
    o.truth === UNKNOWN ? `${base}（尚缺：${FACTS[fact].label}）` : o.actual ? `${base}（${o.actual}）` : base
  return {
    truth: o.truth,
    reason: { code: leafCode(c), passed: o.truth === TRUE, state: stateOf(o.truth), text },
    missing: o.truth === UNKNOWN ? [fact] : [],
    changes: o.truth === FALSE ? (o.change ? [o.change] : null) : null,
  }
}

const uniq = <T>(xs: T[]): T[] => [...new Set(xs)]

export const statusOf = (t: Truth): EligibilityStatus =>
  t === TRUE ? 'eligible' : t === FALSE ? 'ineligible' : 'undetermined'

/** Just the three-valued answer (no explanation). */
export function truthOf(rule: Condition, facts: Facts, asOf: string | number): Truth {
  return nodeTruth(rule, facts, typeof asOf === 'number' ? asOf : dateKey(asOf))
}

/**
 * Evaluate a rule as of a date (YYYY-MM-DD). Reasons are the root's conditions (the root `all` is flattened).
 * For an ineligible answer, `changes` lists what would change it when every failing condition has a knowable
 * change; when all of them are a matter of time, the rule is re-evaluated on the latest of those dates and
 * `eligibleFrom` is set only if it then holds.
 */
export function evaluate(rule: Condition, facts: Facts, asOf: string): Evaluation {
  const at = dateKey(asOf)
  if (at === NO_DATE) throw new Error(`invalid as-of date: ${asOf}`)
  const out = evalNode(rule, facts, at)
  const reasons = rule.op === 'all' && !rule.text ? (out.reason.children ?? []) : [out.reason]
  const status = statusOf(out.truth)
  const result: Evaluation = { status, reasons, missing: out.missing, changes: [] }
  if (status === 'ineligible' && out.changes && out.changes.length) {
    const timed = out.changes.filter((c) => c.from)
    if (timed.length === out.changes.length) {
      const from = timed
        .map((c) => c.from as string)
        .sort()
        .at(-1) as string
      if (evalNode(rule, facts, dateKey(from)).truth === TRUE) {
        result.changes = out.changes
        result.eligibleFrom = from
      }
    } else {
      result.changes = out.changes
    }
  }
  return result
}
