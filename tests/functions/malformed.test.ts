/**
 * The malformed-payload harness: for every action in the registry, at least 200 generated payloads that its
 * own schema rejects (wrong types per field from the zod shape, missing required fields, huge strings, deep
 * nesting, arrays for objects, prototype-pollution keys, Mongo operator objects in place of strings,
 * NaN/Infinity-like values, …) sent through the real SDK as a caller the role gate admits. Each must get a
 * typed error — never INTERNAL — and the database must be unchanged (a per-collection count + version
 * checksum from the emulator's store, before and after each action's batch).
 * Actions without input fields accept any object (unknown fields are ignored): they get 200 payloads of
 * hostile unknown fields and must answer without INTERNAL and without writing.
 */
import type { z } from 'zod'
import { registry } from '../../shared/actions/index'
import { allows, type ActionSpec, type Role } from '../../shared/actions/define'
import { ERROR_CODES } from '../../shared/errors'
import { startEmulator, type TestEmulator } from '../helpers/emulator'
import { writeSnapshot, describeChanges } from '../helpers/writeSnapshot'
import { createRandom as rng, pick, type Random as Rand } from '../../shared/random'

const PER_ACTION = 200

// ---- zod shape introspection (zod 4 internals: _zod.def) ----------------------------------------------
type Schema = z.ZodType & { _zod: { def: Record<string, any>; optin?: string } }
const def = (s: Schema) => s._zod.def
function core(s: Schema): Schema {
  let cur = s
  for (let i = 0; i < 10; i++) {
    const d = def(cur)
    if (['optional', 'nullable', 'default', 'readonly', 'catch', 'prefault', 'nonoptional'].includes(d.type))
      cur = d.innerType
    else if (d.type === 'pipe') cur = d.in
    else break
  }
  return cur
}
const shapeOf = (s: Schema): Record<string, Schema> | null =>
  def(core(s)).type === 'object' ? def(core(s)).shape : null
const isOptional = (s: Schema) => s._zod.optin === 'optional'
const accepts = (s: z.ZodType, v: unknown) => {
  try {
    return s.safeParse(v).success
  } catch {
    return false
  }
}
/** What actually travels: JSON (NaN/Infinity → null, undefined dropped). */
const wire = <T>(v: T): T => JSON.parse(JSON.stringify(v))

// ---- hostile values -------------------------------------------------------------------------------------
const deep = (depth: number, leaf: unknown = 'x'): unknown => {
  let v: unknown = leaf
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v }
  return v
}
const HUGE = 'x'.repeat(100_000)
const FIXED_BAD: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  -0.0001,
  1e308,
  -1e308,
  9007199254740993,
  'NaN',
  'Infinity',
  '-Infinity',
  'undefined',
  'null',
  '',
  ' ',
  '\u0000',
  '\u202e',
  '😀'.repeat(40),
  HUGE,
  '中'.repeat(5000),
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '../../etc/passwd',
  '${7*7}',
  '%00',
  [],
  [null],
  [1, 'a', {}],
  Array.from({ length: 3000 }, () => 'a'),
  {},
  { length: 1 },
  { $gt: '' },
  { $ne: null },
  { $regex: '.*' },
  { $where: 'sleep(1000)' },
  { $in: [] },
  { $exists: true },
  { $expr: { $eq: [1, 1] } },
  JSON.parse('{"__proto__":{"polluted":true}}'),
  { constructor: { prototype: { polluted: true } } },
  { toString: 'x', valueOf: 1 },
  deep(300),
  deep(50, { $gt: '' }),
  [[[[[]]]]],
  { $numberLong: '1' },
  { $date: { $numberLong: '0' } },
  { $oid: '0'.repeat(24) },
]
const KEYS = [
  '$gt',
  '$ne',
  '$where',
  '$regex',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '',
  'a',
  '0',
  'length',
  '$set',
]
const CHARS = [
  '$',
  '{',
  '}',
  '.',
  ' ',
  '\n',
  '\t',
  '/',
  '\\',
  '"',
  "'",
  '%',
  '中',
  '😀',
  '\u0000',
  'a',
  'Z',
  '9',
  '-',
  '_',
  ':',
]
function randomHostile(r: Rand, depth = 0): unknown {
  const k = Math.floor(r() * 9)
  if (k === 0 || depth > 4) return pick(r, FIXED_BAD.slice(0, 27))
  if (k === 1) return Array.from({ length: Math.floor(r() * 40) }, () => pick(r, CHARS)).join('')
  if (k === 2) return (r() - 0.5) * 10 ** Math.floor(r() * 30)
  if (k === 3) return Array.from({ length: Math.floor(r() * 4) }, () => randomHostile(r, depth + 1))
  if (k === 4) return wire(Object.fromEntries([[pick(r, KEYS), randomHostile(r, depth + 1)]]))
  if (k === 5) return JSON.parse(`{"__proto__":${JSON.stringify(randomHostile(r, depth + 1)) ?? 'null'}}`)
  if (k === 6) return { [pick(r, ['$gt', '$ne', '$lt', '$in', '$nin', '$regex'])]: pick(r, ['', null, [], '.*', 0]) }
  if (k === 7) return pick(r, [true, false, null, 0, -1, 1e21, 'NaN'])
  return deep(Math.floor(r() * 200) + 1, pick(r, ['x', { $gt: '' }, null]))
}

// ---- a valid-looking base, so that one bad field is the only reason to refuse -------------------------
const STRING_TRIES = [
  'abcdefgh12',
  'o_demo_admin',
  '370102',
  '370100',
  '2027-06-01T09:00:00+08:00',
  '2027-06-01',
  '测试内容测试内容测试内容',
  'consultation',
  'a',
  'req-00000001',
  '13800000000',
]
const NUMBER_TRIES = [1, 5, 10, 100, 5000, 36.66, 117.07, 0]
function validValue(s: Schema, depth = 0): { ok: boolean; value?: unknown } {
  if (depth > 4) return { ok: false }
  const c = core(s)
  const d = def(c)
  const tries: unknown[] = []
  if (d.type === 'string') tries.push(...STRING_TRIES)
  else if (d.type === 'number' || d.type === 'int') tries.push(...NUMBER_TRIES)
  else if (d.type === 'boolean') tries.push(true, false)
  else if (d.type === 'enum') tries.push(...Object.values(d.entries as Record<string, unknown>))
  else if (d.type === 'literal') tries.push(...(d.values as unknown[]))
  else if (d.type === 'array') {
    const el = validValue(d.element, depth + 1)
    tries.push(el.ok ? [el.value] : [], [])
  } else if (d.type === 'object') {
    const obj: Record<string, unknown> = {}
    for (const [k, f] of Object.entries(d.shape as Record<string, Schema>)) {
      if (isOptional(f)) continue
      const v = validValue(f, depth + 1)
      if (!v.ok) return { ok: false }
      obj[k] = v.value
    }
    tries.push(obj)
  } else if (d.type === 'union')
    for (const o of d.options as Schema[]) {
      const v = validValue(o, depth + 1)
      if (v.ok) tries.push(v.value)
    }
  for (const t of tries) if (accepts(s, t)) return { ok: true, value: t }
  return { ok: false }
}

/** The same payload with top-level `__proto__` / `constructor` keys (built from JSON text: own keys, not prototypes). */
function withPollutionKeys(p: Record<string, unknown>): Record<string, unknown> {
  const body = JSON.stringify(p).slice(1, -1)
  return JSON.parse(
    `{"__proto__":{"polluted":true,"roles":["admin"]},"constructor":{"prototype":{"polluted":true}}${body ? ',' + body : ''}}`,
  )
}

/** ≥ PER_ACTION distinct payloads that `input` rejects (or, for field-less inputs, hostile unknown fields). */
const cache = new Map<z.ZodType, { payloads: Record<string, unknown>[]; fieldless: boolean }>()
export function malformedPayloads(
  input: z.ZodType,
  seed: number,
): { payloads: Record<string, unknown>[]; fieldless: boolean } {
  const hit = cache.get(input)
  if (hit) return hit
  const made = generate(input, seed)
  cache.set(input, made)
  return made
}
function generate(input: z.ZodType, seed: number): { payloads: Record<string, unknown>[]; fieldless: boolean } {
  const r = rng(seed)
  const shape = shapeOf(input as Schema) ?? {}
  const fields = Object.keys(shape)
  const base: Record<string, unknown> = {}
  for (const [k, f] of Object.entries(shape)) {
    if (isOptional(f)) continue
    const v = validValue(f)
    if (v.ok) base[k] = v.value
  }
  const out: Record<string, unknown>[] = []
  const seen = new Set<string>()
  const add = (p: Record<string, unknown>, mustFail: boolean) => {
    const w = wire(p)
    const key = JSON.stringify(w).slice(0, 2000) + JSON.stringify(w).length
    if (seen.has(key)) return
    if (mustFail && accepts(input, w)) return
    seen.add(key)
    out.push(w)
  }
  if (!fields.length) {
    for (let i = 0; out.length < PER_ACTION && i < PER_ACTION * 20; i++) {
      const text = `{${Array.from({ length: 1 + Math.floor(r() * 3) }, () => `${JSON.stringify(pick(r, KEYS) + (r() < 0.3 ? String(i) : ''))}:${JSON.stringify(randomHostile(r)) ?? 'null'}`).join(',')}}`
      add(JSON.parse(text), false)
    }
    return { payloads: out, fieldless: true }
  }
  // missing required fields
  for (const k of Object.keys(base)) {
    const { [k]: _drop, ...rest } = base
    add(rest, true)
  }
  add({}, true)
  // per field: every fixed bad value on the valid base and alone, arrays and objects, nested fields;
  // taken round-robin across fields so that a big schema gets the same spread within the quota
  const perField = fields.map((k) => {
    const list: Record<string, unknown>[] = []
    const inner = shapeOf(shape[k])
    FIXED_BAD.forEach((v, i) => {
      list.push({ ...base, [k]: v })
      if (i % 4 === 1) list.push(withPollutionKeys({ ...base, [k]: v }))
      if (i % 3 === 0) list.push({ [k]: v })
      if (inner)
        for (const ik of Object.keys(inner).slice(0, 3))
          list.push({ ...base, [k]: { ...(base[k] as object), [ik]: v } })
    })
    return list
  })
  for (let i = 0; out.length < PER_ACTION && perField.some((l) => i < l.length); i++) {
    for (const l of perField) if (i < l.length && out.length < PER_ACTION) add(l[i], true)
  }
  // random hostile values in one or more fields, until the quota is met
  for (let i = 0; out.length < PER_ACTION && i < PER_ACTION * 50; i++) {
    const p: Record<string, unknown> = { ...base }
    const n = 1 + Math.floor(r() * Math.min(3, fields.length))
    for (let j = 0; j < n; j++) p[pick(r, fields)] = randomHostile(r)
    add(p, true)
  }
  return { payloads: out, fieldless: false }
}

// ---- the emulator ---------------------------------------------------------------------------------------
const CALLERS: { openid: string; roles: Role[] }[] = [
  { openid: 'o_demo_admin', roles: ['resident', 'admin'] },
  { openid: 'o_demo_handler', roles: ['resident', 'handler'] },
  { openid: 'o_demo_grid', roles: ['resident', 'grid'] },
  { openid: 'o_demo_resident', roles: ['resident'] },
]
let emu: TestEmulator
/** Pinned with the seed (a Wednesday 10:00 China time, a working day): nothing here follows the real date or hour. */
const NOW = '2026-12-02T10:00:00+08:00'
beforeAll(async () => {
  emu = await startEmulator({ now: NOW })
}, 120_000)
afterAll(async () => {
  await emu?.stop()
})

const snapshot = () => writeSnapshot(emu)
const diff = describeChanges

const actions = Object.entries(registry).flatMap(([fn, mod]) =>
  Object.entries(mod.actions as Record<string, ActionSpec>).map(([action, spec], i) => ({
    fn,
    action,
    spec,
    seed: 1000 * fn.length + i,
  })),
)

test('the generator gives every action at least 200 payloads that its schema rejects', () => {
  const short = actions
    .map((a) => ({ key: `${a.fn}.${a.action}`, ...malformedPayloads(a.spec.input, a.seed) }))
    .filter(
      (g) =>
        g.payloads.length < PER_ACTION ||
        (!g.fieldless &&
          g.payloads.some((p) => accepts(actions.find((a) => `${a.fn}.${a.action}` === g.key)!.spec.input, p))),
    )
    .map((g) => `${g.key}: ${g.payloads.length}`)
  expect(short).toEqual([])
})

test.each(actions.map((a) => [`${a.fn}.${a.action}`, a] as const))(
  '%s: malformed payloads get a typed error, never INTERNAL, and change nothing',
  async (_k, a) => {
    const caller = CALLERS.find((c) => allows(a.spec.access, c.roles) === 'ok')
    if (!caller) throw new Error(`no demo identity may call ${a.fn}.${a.action}`)
    const { payloads, fieldless } = malformedPayloads(a.spec.input, a.seed)
    // warm the function (first load) before the snapshot
    await emu.call(caller.openid, a.fn, { action: '__warmup__' })
    const before = snapshot()
    const problems: string[] = []
    const codes: Record<string, number> = {}
    for (let i = 0; i < payloads.length; i += 25) {
      const chunk = payloads.slice(i, i + 25)
      const results = await Promise.all(
        chunk.map((p) =>
          emu.call(caller.openid, a.fn, { ...p, action: a.action }).catch((e: Error) => ({ transport: e.message })),
        ),
      )
      results.forEach((res: any, j) => {
        const code = res?.ok === true ? 'ok' : res?.ok === false ? res.error?.code : 'not an envelope'
        codes[code] = (codes[code] ?? 0) + 1
        const bad =
          code === 'INTERNAL' ||
          code === 'not an envelope' ||
          (code !== 'ok' && !(ERROR_CODES as readonly string[]).includes(code)) ||
          (!fieldless && code === 'ok')
        if (bad && problems.length < 5)
          problems.push(`${code} for ${JSON.stringify(chunk[j]).slice(0, 160)} → ${JSON.stringify(res).slice(0, 160)}`)
      })
    }
    // A fieldless action ignores unknown fields (docs/contract.md), so its "malformed" calls are valid calls: the only
    // writes they may leave are the trail every valid call leaves (its audit entry and rate-limit counter, which for
    // a resident's own calls lives on the user record: see _core/rateLimit.ts identifyAndCount).
    const trail = fieldless ? /^(audit_logs|rate_limits|users):/ : /^$/
    const changed = diff(before, snapshot()).filter((c) => !trail.test(c))
    expect({ problems, changed }).toEqual({ problems: [], changed: [] })
    expect(Object.values(codes).reduce((x, y) => x + y, 0)).toBeGreaterThanOrEqual(PER_ACTION)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  },
  60_000,
)

// ---- hostile but valid: inputs the schema accepts that reach the use case --------------------------------
/**
 * From each action's registry example: every string field (top level and nested, optional ones included) set to
 * regex metacharacters, to its maximum length in metacharacters and in Chinese; every `cursor` forged (a decodable
 * cursor pointing far away, with operators, prototype keys or deep nesting; undecodable bytes of the maximum
 * length); every array filled to its maximum length; every number at its bounds. Only payloads the action's own
 * schema accepts are kept: each of them gets past validation to the use case.
 */
const REGEX_META = [
  '.*',
  '^$',
  '(a+)+$',
  '[',
  '\\',
  '.*.*.*.*.*.*.*.*=.*',
  '$where',
  '|',
  '?*+{}()',
  '[^]*\\d{1,99999}',
]
const META_RUN = '.*+?^${}()|[]\\/'
const encode = (v: unknown) => Buffer.from(JSON.stringify(v), 'utf8').toString('base64url')
const deepCursor = (): string => {
  let v: unknown = { ms: 0, id: 'a' }
  for (let i = 0; i < 60; i++) v = { a: v }
  return encode(v)
}
const FORGED_CURSORS = [
  encode({ ms: 1e308, id: 'zzzzzzzz', i: 'zzzzzzzz', o: 1e9, offset: 1e9, skip: 1e9, page: 1e9 }),
  encode({ ms: -1, id: { $gt: '' }, i: { $ne: null } }),
  encode({ ms: '.*', id: '.*', i: '.*', k: '.*' }),
  encode({ ms: 1, id: 'a', __proto__: { polluted: true } }),
  encode(JSON.parse('{"__proto__":{"polluted":true},"ms":1,"id":"a"}')),
  encode([1e308, 'zzzz']),
  encode(null),
  encode('.*'),
  deepCursor(),
  'A'.repeat(512),
  '.*'.repeat(256),
]

type Step = string | number
const typeOf = (s: Schema) => def(core(s)).type as string
const checksOf = (s: Schema): Record<string, any>[] =>
  ((def(core(s)).checks as { _zod: { def: Record<string, any> } }[] | undefined) ?? []).map((c) => c._zod.def)
const maxLengthOf = (s: Schema): number | undefined => checksOf(s).find((c) => c.check === 'max_length')?.maximum
/** Every leaf path of an object schema (array elements at index 0), with its schema. */
function leaves(s: Schema, prefix: Step[] = [], depth = 0): { path: Step[]; schema: Schema }[] {
  if (depth > 4) return []
  const t = typeOf(s)
  if (t === 'object')
    return Object.entries(def(core(s)).shape as Record<string, Schema>).flatMap(([k, f]) => [
      ...(['object', 'array'].includes(typeOf(f)) ? [{ path: [...prefix, k], schema: f }] : []),
      ...leaves(f, [...prefix, k], depth + 1),
    ])
  if (t === 'array') return leaves(def(core(s)).element, [...prefix, 0], depth + 1)
  return prefix.length ? [{ path: prefix, schema: s }] : []
}
function setAt(base: Record<string, unknown>, path: Step[], value: unknown): Record<string, unknown> {
  const out = structuredClone(base)
  let cur: any = out
  path.forEach((step, i) => {
    if (i === path.length - 1) cur[step] = value
    else {
      if (cur[step] === null || typeof cur[step] !== 'object') cur[step] = typeof path[i + 1] === 'number' ? [] : {}
      cur = cur[step]
    }
  })
  return out
}
const getAt = (base: unknown, path: Step[]): unknown =>
  path.reduce<any>((cur, step) => (cur !== null && typeof cur === 'object' ? cur[step] : undefined), base)

function valuesFor(path: Step[], s: Schema, example: Record<string, unknown>): unknown[] {
  const t = typeOf(s)
  const name = String(path[path.length - 1])
  if (t === 'string') {
    const max = Math.min(maxLengthOf(s) ?? 2000, 5000)
    const run = (unit: string) => unit.repeat(Math.ceil(max / unit.length)).slice(0, max)
    return [
      ...(name === 'cursor' ? FORGED_CURSORS : []),
      ...REGEX_META,
      run(META_RUN),
      run('焊工.*('),
      run('中'),
      run('.'),
      run('a.b:c-d_'),
      ' '.repeat(max - 1) + '$',
    ]
  }
  if (t === 'number' || t === 'int') {
    const bounds = checksOf(s)
      .filter((c) => c.check === 'less_than' || c.check === 'greater_than')
      .map((c) => c.value as number)
    return [...bounds, ...bounds.map((b) => b - 1), ...bounds.map((b) => b + 1)]
  }
  if (t === 'array') {
    const max = maxLengthOf(s)
    if (max === undefined) return []
    const given = getAt(example, path)
    const el = Array.isArray(given) && given.length ? given[0] : validValue(def(core(s)).element).value
    if (el === undefined) return []
    const elMax = typeOf(def(core(s)).element) === 'string' ? maxLengthOf(def(core(s)).element) : undefined
    return [
      Array.from({ length: max }, () => el),
      Array.from({ length: max }, (_v, i) => (typeof el === 'string' ? `${el}.${i}` : el)),
      ...(elMax ? [Array.from({ length: max }, () => '.*'.repeat(elMax).slice(0, elMax))] : []),
    ]
  }
  return []
}

const MAX_VALID_PER_ACTION = 60
const validCache = new Map<string, Record<string, unknown>[]>()
export function hostileValidPayloads(key: string, spec: ActionSpec): Record<string, unknown>[] {
  const hit = validCache.get(key)
  if (hit) return hit
  const example = wire(spec.example ?? {}) as Record<string, unknown>
  const out: Record<string, unknown>[] = []
  const seen = new Set<string>()
  const perLeaf = leaves(spec.input as Schema).map(({ path, schema }) =>
    valuesFor(path, schema, example).map((v) => wire(setAt(example, path, v))),
  )
  // round-robin across fields, so that every field gets its hostile values within the cap
  for (let i = 0; out.length < MAX_VALID_PER_ACTION && perLeaf.some((l) => i < l.length); i++)
    for (const l of perLeaf) {
      if (i >= l.length || out.length >= MAX_VALID_PER_ACTION) continue
      const text = JSON.stringify(l[i])
      if (seen.has(text) || !accepts(spec.input, l[i])) continue
      seen.add(text)
      out.push(l[i])
    }
  validCache.set(key, out)
  return out
}

const HOSTILE_CALLERS: { label: string; openid: string | null; roles: Role[] | null }[] = [
  { label: 'anonymous', openid: null, roles: null },
  { label: 'resident', openid: 'o_demo_resident', roles: ['resident'] },
  { label: 'staff', openid: 'o_demo_admin', roles: ['resident', 'admin'] },
]
/**
 * What a use-case refusal may leave behind, by design: its audit entry (actions that audit every attempt), rate-limit
 * counters (on the user record for a resident: _core/rateLimit.ts), the idempotency claim that stores the refusal for
 * a replay of the same requestId (_core/idempotency.ts), and the real-name binding's attempt log (its failure limit).
 */
const REFUSAL_TRAIL = /^(audit_logs|rate_limits|users|idempotency|bind_attempts):/

test('the hostile-but-valid generator reaches into every action: regex metacharacters, maximum lengths, forged cursors, full arrays', () => {
  const made = actions.map((a) => ({ key: `${a.fn}.${a.action}`, spec: a.spec }))
  // free text: a string field without a format (ids, codes, dates and months have theirs and refuse metacharacters)
  const freeText = (l: { schema: Schema }) =>
    typeOf(l.schema) === 'string' && !checksOf(l.schema).some((c) => c.check === 'string_format')
  const withText = made.filter((a) => leaves(a.spec.input as Schema).some(freeText))
  const empty = withText.filter((a) => hostileValidPayloads(a.key, a.spec).length === 0).map((a) => a.key)
  expect(empty).toEqual([])
  const invalid = made.flatMap((a) =>
    hostileValidPayloads(a.key, a.spec)
      .filter((p) => !accepts(a.spec.input, p))
      .map(() => a.key),
  )
  expect(invalid).toEqual([])
  const all = made.flatMap((a) => hostileValidPayloads(a.key, a.spec).map((p) => JSON.stringify(p)))
  expect(all.some((p) => p.includes('(a+)+$'))).toBe(true)
  expect(
    made.some((a) => hostileValidPayloads(a.key, a.spec).some((p) => FORGED_CURSORS.includes(p.cursor as string))),
  ).toBe(true)
  // e.g. the job search keyword: metacharacters and its maximum length in metacharacters
  const keywords = hostileValidPayloads('job.search', registry.job.actions.search as ActionSpec).map((p) => p.keyword)
  expect(keywords).toEqual(expect.arrayContaining(['.*', '(a+)+$']))
  expect(
    keywords.some(
      (k) =>
        typeof k === 'string' &&
        k.length === maxLengthOf(shapeOf(registry.job.actions.search.input as Schema)!.keyword) &&
        k.includes('*'),
    ),
  ).toBe(true)
})

test.each(actions.map((a) => [`${a.fn}.${a.action}`, a] as const))(
  '%s: hostile-but-valid payloads as anonymous, resident and staff: never INTERNAL, past the schema, refusals change nothing',
  async (key, a) => {
    const payloads = hostileValidPayloads(key, a.spec)
    const problems: string[] = []
    let wrote = false
    await emu.call(null, a.fn, { action: '__warmup__' })
    for (const c of HOSTILE_CALLERS) {
      const gate = allows(a.spec.access, c.roles)
      // the role gate does not read the payload (the authz harness sends every kind to every cell): a few suffice
      for (const p of gate === 'ok' ? payloads : payloads.slice(0, 3)) {
        const before = snapshot()
        const res: any = await emu
          .call(c.openid, a.fn, { ...p, action: a.action })
          .catch((e: Error) => ({ transport: e.message }))
        const changed = diff(before, snapshot())
        const code = res?.ok === true ? 'ok' : res?.ok === false ? res.error?.code : 'not an envelope'
        const stage = res?.ok === false ? res.error?.details?.stage : undefined
        const what = `${c.label} ${JSON.stringify(p).slice(0, 140)} → ${JSON.stringify(res).slice(0, 160)}`
        if (
          code === 'INTERNAL' ||
          code === 'not an envelope' ||
          (code !== 'ok' && !(ERROR_CODES as readonly string[]).includes(code))
        )
          problems.push(`${code}: ${what}`)
        else if (gate !== 'ok' && (code !== gate || stage !== 'access'))
          problems.push(`want ${gate} from the gate: ${what}`)
        else if (gate === 'ok' && stage === 'input') problems.push(`refused by the schema it passes here: ${what}`)
        if (code === 'ok') wrote ||= changed.length > 0
        else {
          const left = stage === 'access' ? changed : changed.filter((x) => !REFUSAL_TRAIL.test(x))
          if (left.length) problems.push(`refusal wrote ${left.join('; ')}: ${what}`)
        }
        if (code === 'RATE_LIMITED') wrote = true
      }
    }
    // successful writes (or spent rate limits) must not leak into the next action's batch
    if (wrote) await emu.reset()
    expect(problems.slice(0, 5)).toEqual([])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  },
  120_000,
)

// ---- a first call with bad input leaves no user ---------------------------------------------------------
test.each(
  actions
    .filter((a) => !malformedPayloads(a.spec.input, a.seed).fieldless)
    .map((a) => [`${a.fn}.${a.action}`, a] as const),
)(
  '%s: an openid never seen before sending bad input is refused and no user document is created (role-gated actions included)',
  async (_k, a) => {
    const openid = `o_first_bad_${a.fn}_${a.action}`
    const payload = malformedPayloads(a.spec.input, a.seed).payloads[0]
    const before = snapshot()
    const res: any = await emu.call(openid, a.fn, { ...payload, action: a.action })
    const want = allows(a.spec.access, ['resident']) === 'ok' ? 'VALIDATION_FAILED' : 'FORBIDDEN'
    const users = await emu.sdk().database().collection('users').where({ _id: openid }).count()
    expect({ code: res?.error?.code, users: users.total, changed: diff(before, snapshot()) }).toEqual({
      code: want,
      users: 0,
      changed: [],
    })
  },
)
