/**
 * Canonical EJSON in and out, the way @cloudbase/database encodes values (`stringifyByEJSON`, relaxed: false).
 * Decoded values are plain JS (numbers, Dates, RegExps) for mingo; the store keeps relaxed EJSON text.
 */
import { BSONRegExp, EJSON } from 'bson'

export type Doc = Record<string, unknown>

const FLAG_MAP: Record<string, string> = { i: 'i', m: 'm', s: 's', u: 'u' }

function toJsRegExp(r: BSONRegExp): RegExp {
  const flags = [...new Set(r.options.split(''))].filter((f) => FLAG_MAP[f]).join('')
  return new RegExp(r.pattern, flags)
}

/** Replace BSON wrapper types mingo does not understand and resolve `$tcb_server_date`. */
function normalize(value: unknown, now: () => Date): unknown {
  if (value === null || typeof value !== 'object') return value
  if (value instanceof Date || value instanceof RegExp) return value
  if (value instanceof BSONRegExp) return toJsRegExp(value)
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = normalize(value[i], now)
    return value
  }
  const bsonType = (value as { _bsontype?: string })._bsontype
  if (bsonType) {
    if (bsonType === 'Long' || bsonType === 'Int32' || bsonType === 'Double' || bsonType === 'Decimal128')
      return Number(String(value))
    if (bsonType === 'ObjectId' || bsonType === 'ObjectID')
      return String((value as { toHexString(): string }).toHexString())
    return value
  }
  const obj = value as Doc
  const sd = obj.$tcb_server_date
  if (sd !== undefined && Object.keys(obj).length === 1) {
    const offset = Number((sd as { offset?: unknown } | null)?.offset ?? 0)
    return new Date(now().getTime() + (Number.isFinite(offset) ? offset : 0))
  }
  for (const k of Object.keys(obj)) obj[k] = normalize(obj[k], now)
  return obj
}

/** Keys that make EJSON.parse differ from JSON.parse (type wrappers, DBRef); query operators are not among them. */
const EJSON_MARKER =
  /"\$(?:date|number[A-Za-z]*|regularExpression|regex|options|oid|binary|uuid|timestamp|symbol|code|scope|minKey|maxKey|dbPointer|undefined|ref|id|db)"/

/** Decode a request value: an EJSON string or an already-parsed EJSON object. */
export function decodeValue(input: unknown, now: () => Date): unknown {
  if (input === undefined || input === null || input === '') return input === '' ? undefined : input
  let parsed: unknown
  if (typeof input === 'string') {
    // most requests carry no wrapped value: plain JSON.parse is then what EJSON.parse (relaxed) gives, faster
    parsed = EJSON_MARKER.test(input) ? EJSON.parse(input, { relaxed: true }) : JSON.parse(input)
  } else parsed = EJSON.deserialize(input as Doc, { relaxed: true })
  return normalize(parsed, now)
}

const INT32_MIN = -0x80000000
const INT32_MAX = 0x7fffffff
/** Another type than plain JSON, numbers and valid dates: hand the whole value to bson. */
const UNUSUAL = Symbol('unusual')

/** Canonical EJSON of a number, exactly as bson's EJSON.stringify (relaxed: false) writes it. */
function canonicalNumber(n: number): string {
  if (Number.isInteger(n) && !Object.is(n, -0)) {
    if (n >= INT32_MIN && n <= INT32_MAX) return `{"$numberInt":"${n}"}`
    if (n >= -0x8000000000000000 && n <= 0x7fffffffffffffff) return `{"$numberLong":"${n}"}`
  }
  return `{"$numberDouble":"${Object.is(n, -0) ? '-0.0' : String(n)}"}`
}

function canonical(v: unknown, out: string[]): void {
  if (v === null || v === undefined) {
    out.push('null')
    return
  }
  switch (typeof v) {
    case 'string':
      out.push(JSON.stringify(v))
      return
    case 'boolean':
      out.push(v ? 'true' : 'false')
      return
    case 'number':
      out.push(canonicalNumber(v))
      return
    case 'object':
      break
    default:
      throw UNUSUAL
  }
  if (Array.isArray(v)) {
    out.push('[')
    for (let i = 0; i < v.length; i++) {
      if (i) out.push(',')
      canonical(v[i], out)
    }
    out.push(']')
    return
  }
  if (v instanceof Date) {
    const t = v.getTime()
    if (Number.isNaN(t)) throw UNUSUAL
    out.push(`{"$date":{"$numberLong":"${t}"}}`)
    return
  }
  const proto = Object.getPrototypeOf(v)
  if ((proto !== Object.prototype && proto !== null) || (v as { _bsontype?: unknown })._bsontype !== undefined)
    throw UNUSUAL
  out.push('{')
  let first = true
  for (const k of Object.keys(v)) {
    const x = (v as Doc)[k]
    if (typeof x === 'function' || typeof x === 'symbol') throw UNUSUAL
    if (!first) out.push(',')
    first = false
    out.push(JSON.stringify(k), ':')
    canonical(x, out)
  }
  out.push('}')
}

/**
 * Canonical EJSON text for a reply (`list` items, insertedIds…): bson's `EJSON.stringify(v, {relaxed: false})`,
 * written directly for plain data (numbers, strings, dates, arrays, plain objects); anything else goes to bson.
 */
export function encodeReply(value: unknown): string {
  const out: string[] = []
  try {
    canonical(value, out)
    return out.join('')
  } catch (e) {
    if (e !== UNUSUAL) throw e
    return EJSON.stringify(value as Doc, { relaxed: false })
  }
}

/** Storage text (relaxed EJSON: dates as {$date}, numbers native). */
export function encodeStored(doc: Doc): string {
  return EJSON.stringify(doc, { relaxed: true })
}

function storedReviver(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value
  const obj = value as Doc
  const d = obj.$date
  if (d !== undefined) {
    if (typeof d === 'string') return new Date(d)
    const n = (d as { $numberLong?: string }).$numberLong
    return new Date(Number(n ?? d))
  }
  for (const k in obj) {
    // rare wrapper types ($numberDouble NaN, $regularExpression, …): let bson decode them
    if (k.charCodeAt(0) === 36 /* $ */)
      return normalize(EJSON.parse(JSON.stringify(obj), { relaxed: true }), () => new Date())
    break
  }
  return value
}

/** Decode stored text (fast path: JSON.parse with a reviver for dates). */
export function decodeStored(text: string): Doc {
  // most documents carry no wrapped value at all: skip the (slower) reviver for them
  return (text.includes('{"$') ? JSON.parse(text, storedReviver) : JSON.parse(text)) as Doc
}

/** Deep copy of a decoded document (no structuredClone: jest's jsdom environment lacks it). */
export function deepClone<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v
  if (v instanceof Date) return new Date(v.getTime()) as T
  if (v instanceof RegExp) return new RegExp(v.source, v.flags) as T
  if (Array.isArray(v)) return v.map(deepClone) as T
  if ((v as { _bsontype?: string })._bsontype) return v
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(v)) out[k] = deepClone((v as Record<string, unknown>)[k])
  return out as T
}
