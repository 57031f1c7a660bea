/**
 * Persons as columns: the batch path's pre-encoded facts, one typed array per fact.
 * Encoding preserves exactly what the single-person path distinguishes (unknown vs. "none" vs. a value).
 */
import { dateKey, NO_DATE } from './dates'
import { EDUCATIONS, EMPLOYMENT_STATUSES, HUKOU_TYPES, KEY_GROUPS, SEXES } from './facts'
import type { BoolFact, DateFact, EnumFact, Facts, NumFact, RegionFact } from './types'

/** Date columns: a date key, or one of these. */
export const D_MISSING = -2
export const D_NONE = -1
/** Year column sentinels. */
export const Y_MISSING = -2147483647
export const Y_NONE = -2147483648
/** Key-group column: bit i = KEY_GROUPS[i]; KG_KNOWN set when the list is known. */
export const KG_KNOWN = 1 << 15

export const DATE_FACTS: readonly DateFact[] = [
  'birthDate',
  'employmentStatusSince',
  'registeredUnemployedSince',
  'businessRegisteredAt',
  'skillCertificateAt',
  'trainingCompletedAt',
]
export const BOOL_FACTS: readonly BoolFact[] = [
  'registeredUnemployed',
  'involuntarilyUnemployed',
  'lowIncomeFamily',
  'worksOutsideProvince',
]
export const NUM_FACTS: readonly NumFact[] = ['socialInsuranceMonths', 'unemploymentInsuranceMonths', 'employeesHired']
export const REGION_FACTS: readonly RegionFact[] = ['hukouRegion', 'residenceRegion']
export const ENUM_VALUES: Record<EnumFact, readonly string[]> = {
  sex: SEXES,
  hukouType: HUKOU_TYPES,
  education: EDUCATIONS,
  employmentStatus: EMPLOYMENT_STATUSES,
}
export const ENUM_FACTS = Object.keys(ENUM_VALUES) as EnumFact[]

export interface Columns {
  /** Capacity (rows allocated). */
  capacity: number
  /** Rows filled. */
  n: number
  /** Date keys (dates.ts), D_MISSING or D_NONE. */
  dates: Record<DateFact, Int32Array>
  /** 0 unknown, 1 false, 2 true. */
  bools: Record<BoolFact, Uint8Array>
  /** NaN when unknown. */
  nums: Record<NumFact, Float64Array>
  /** The 6-digit code as a number, −1 when unknown. */
  regions: Record<RegionFact, Int32Array>
  /** 0 unknown, else 1 + index in ENUM_VALUES[fact]. */
  enums: Record<EnumFact, Uint8Array>
  graduationYear: Int32Array
  keyGroups: Uint16Array
}

function record<K extends string, V>(keys: readonly K[], make: () => V): Record<K, V> {
  const r = {} as Record<K, V>
  for (const k of keys) r[k] = make()
  return r
}

export function allocColumns(capacity: number): Columns {
  return {
    capacity,
    n: 0,
    dates: record(DATE_FACTS, () => new Int32Array(capacity)),
    bools: record(BOOL_FACTS, () => new Uint8Array(capacity)),
    nums: record(NUM_FACTS, () => new Float64Array(capacity)),
    regions: record(REGION_FACTS, () => new Int32Array(capacity)),
    enums: record(ENUM_FACTS, () => new Uint8Array(capacity)),
    graduationYear: new Int32Array(capacity),
    keyGroups: new Uint16Array(capacity),
  }
}

const enumIndex: Record<EnumFact, Map<string, number>> = record(ENUM_FACTS, () => new Map<string, number>())
for (const f of ENUM_FACTS) ENUM_VALUES[f].forEach((v, i) => enumIndex[f].set(v, i + 1))
const groupBit = new Map<string, number>(KEY_GROUPS.map((g, i) => [g, 1 << i]))

/** Write one person's facts at row i. */
export function encodeRow(c: Columns, i: number, f: Facts): void {
  for (const k of DATE_FACTS) {
    const v = f[k]
    if (v === null) c.dates[k][i] = D_NONE
    else if (typeof v !== 'string') c.dates[k][i] = D_MISSING
    else {
      const key = dateKey(v)
      c.dates[k][i] = key === NO_DATE ? D_MISSING : key
    }
  }
  for (const k of BOOL_FACTS) {
    const v = f[k]
    c.bools[k][i] = v === true ? 2 : v === false ? 1 : 0
  }
  for (const k of NUM_FACTS) {
    const v = f[k]
    c.nums[k][i] = typeof v === 'number' && Number.isFinite(v) ? v : NaN
  }
  for (const k of REGION_FACTS) {
    const v = f[k]
    c.regions[k][i] = typeof v === 'string' && /^\d{6}$/.test(v) ? Number(v) : -1
  }
  for (const k of ENUM_FACTS) {
    const v = f[k]
    c.enums[k][i] = typeof v === 'string' ? (enumIndex[k].get(v) ?? 0) : 0
  }
  const gy = f.graduationYear
  c.graduationYear[i] =
    gy === null
      ? Y_NONE
      : typeof gy === 'number' && Number.isInteger(gy)
        ? Math.min(Math.max(gy, Y_MISSING + 1), 2 ** 31 - 1)
        : Y_MISSING
  const kg = f.keyGroups
  if (Array.isArray(kg)) {
    let bits = KG_KNOWN
    for (const g of kg) bits |= (typeof g === 'string' ? groupBit.get(g) : 0) ?? 0
    c.keyGroups[i] = bits
  } else c.keyGroups[i] = 0
}

export function encodeFacts(list: readonly Facts[]): Columns {
  const c = allocColumns(list.length)
  for (let i = 0; i < list.length; i++) encodeRow(c, i, list[i])
  c.n = list.length
  return c
}
