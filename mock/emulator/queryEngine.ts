/**
 * Mongo query semantics over decoded documents (mingo), plus the geo operators CloudBase offers
 * ($nearSphere / $near via geoNear, $geoWithin, $geoIntersects on GeoJSON points).
 */
import { Aggregator, Context, Query, update as mingoUpdate } from 'mingo'
import * as accumulatorOps from 'mingo/operators/accumulator'
import * as expressionOps from 'mingo/operators/expression'
import * as pipelineOps from 'mingo/operators/pipeline'
import * as projectionOps from 'mingo/operators/projection'
import * as queryOps from 'mingo/operators/query'
import { initOptions } from 'mingo/core'
import { compare, resolve } from 'mingo/util'
import path from 'node:path'
import type { Doc } from './ejson'
import { invalidParam } from './emulatorError'

const EARTH_RADIUS_M = 6378100

export type LngLat = [number, number]

/** The coordinates of a GeoJSON point (or legacy [lng, lat] pair), else null. */
export function pointOf(v: unknown): LngLat | null {
  if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'number') return [v[0], v[1]]
  if (v && typeof v === 'object') {
    const o = v as { type?: unknown; coordinates?: unknown }
    if (o.type === 'Point' && Array.isArray(o.coordinates)) {
      const [lng, lat] = o.coordinates as unknown[]
      if (typeof lng === 'number' && typeof lat === 'number') return [lng, lat]
    }
  }
  return null
}

/** Great-circle distance in metres (the sphere MongoDB uses for 2dsphere). */
export function distanceM(a: LngLat, b: LngLat): number {
  const rad = Math.PI / 180
  const dLat = (b[1] - a[1]) * rad
  const dLng = (b[0] - a[0]) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

function inRing(p: LngLat, ring: LngLat[]): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]
    const [xj, yj] = ring[j]
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

function inPolygon(p: LngLat, rings: LngLat[][]): boolean {
  if (!rings.length || !inRing(p, rings[0])) return false
  return !rings.slice(1).some((hole) => inRing(p, hole))
}

/** Does point p fall in the geometry of a $geoWithin / $geoIntersects operand? */
function pointInShape(p: LngLat, shape: Doc): boolean {
  const geometry = (shape.$geometry ?? shape) as { type?: string; coordinates?: unknown }
  if (shape.$centerSphere) {
    const [center, radius] = shape.$centerSphere as [LngLat, number]
    return distanceM(p, center) <= radius * EARTH_RADIUS_M
  }
  if (shape.$box) {
    const [[x1, y1], [x2, y2]] = shape.$box as [LngLat, LngLat]
    return p[0] >= Math.min(x1, x2) && p[0] <= Math.max(x1, x2) && p[1] >= Math.min(y1, y2) && p[1] <= Math.max(y1, y2)
  }
  if (geometry.type === 'Polygon') return inPolygon(p, geometry.coordinates as LngLat[][])
  if (geometry.type === 'MultiPolygon') return (geometry.coordinates as LngLat[][][]).some((poly) => inPolygon(p, poly))
  if (geometry.type === 'Point') {
    const q = pointOf(geometry)
    return !!q && q[0] === p[0] && q[1] === p[1]
  }
  throw invalidParam(`unsupported geometry ${String(geometry.type)}`)
}

const geoOp = (selector: string, value: unknown) => (obj: Doc) => {
  const p = pointOf(resolve(obj, selector))
  return !!p && pointInShape(p, value as Doc)
}

export const queryContext = Context.init({
  pipeline: pipelineOps,
  accumulator: accumulatorOps,
  expression: expressionOps,
  projection: projectionOps,
  query: { ...queryOps, $geoWithin: geoOp, $geoIntersects: geoOp } as never,
})

const baseOptions = { context: queryContext, useStrictMode: true }

/**
 * mingo's public `Query` / `Aggregator` constructors copy every operator table of the context on each call
 * (`initOptions` → `Context.from` → `addOperators`, about 10% of a function test run). The options are built
 * once here and handed to mingo's implementation classes, which take ready options (mingo 6; falls back to the
 * public classes if a future mingo moves them).
 */
const readyOptions = initOptions(baseOptions)
type Tester = { test(doc: unknown): boolean }
type Runner = { run(docs: unknown[]): unknown[] }
let QueryImpl: (new (condition: unknown, options: unknown) => Tester) | null = null
let AggregatorImpl: (new (pipeline: unknown, options: unknown) => Runner) | null = null
try {
  const dir = path.dirname(require.resolve('mingo'))
  /* eslint-disable @typescript-eslint/no-require-imports */
  const qi = require(path.join(dir, 'query', '_internal.js')) as { QueryImpl?: typeof QueryImpl }
  const ai = require(path.join(dir, 'aggregator', '_internal.js')) as { AggregatorImpl?: typeof AggregatorImpl }
  /* eslint-enable @typescript-eslint/no-require-imports */
  if (typeof qi.QueryImpl === 'function' && typeof ai.AggregatorImpl === 'function') {
    QueryImpl = qi.QueryImpl
    AggregatorImpl = ai.AggregatorImpl
  }
} catch {
  QueryImpl = AggregatorImpl = null
}

function newQuery(condition: Doc): Tester {
  const Impl = QueryImpl
  return Impl ? new Impl(condition, readyOptions) : new Query(condition, baseOptions)
}

function newAggregator(pipeline: Doc[], extra?: { collectionResolver: (name: string) => Doc[] }): Runner {
  const Impl = AggregatorImpl
  if (Impl) return new Impl(pipeline, extra ? Object.freeze({ ...readyOptions, ...extra }) : readyOptions)
  return new Aggregator(pipeline as never, { ...baseOptions, ...extra } as never)
}

/**
 * A canonical text of a query for the compiled-query cache (dates, regexps and numbers kept apart from
 * strings), or null when the query holds something else (functions, BSON wrappers: not cached).
 */
function cacheKey(v: unknown): string | null {
  if (v === null) return 'null'
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v)
    case 'number':
      return Object.is(v, -0) ? '-0' : Number.isNaN(v) ? 'NaN' : String(v)
    case 'boolean':
      return v ? 'true' : 'false'
    case 'undefined':
      return 'undefined'
    case 'object': {
      if (v instanceof Date) return `D(${v.getTime()})`
      if (v instanceof RegExp) return `R(${JSON.stringify(v.source)},${v.flags})`
      if (Array.isArray(v)) {
        const parts: string[] = []
        for (const x of v) {
          const k = cacheKey(x)
          if (k === null) return null
          parts.push(k)
        }
        return `[${parts.join(',')}]`
      }
      if (Object.getPrototypeOf(v) !== Object.prototype) return null
      const parts: string[] = []
      for (const key of Object.keys(v)) {
        const k = cacheKey((v as Doc)[key])
        if (k === null) return null
        parts.push(`${JSON.stringify(key)}:${k}`)
      }
      return `{${parts.join(',')}}`
    }
    default:
      return null
  }
}

const QUERY_CACHE_SIZE = 2000
const compiled = new Map<string, Tester>()

export interface NearSpec {
  field: string
  point: LngLat
  maxDistance?: number
  minDistance?: number
}

/** Take a top-level `{field: {$nearSphere|$near: …}}` out of the query (it orders results; mingo lacks it). */
export function extractNear(query: Doc): { query: Doc; near: NearSpec | null } {
  let near: NearSpec | null = null
  const rest: Doc = {}
  for (const [k, v] of Object.entries(query)) {
    const cond = v as Doc | null
    if (!k.startsWith('$') && cond && typeof cond === 'object' && ('$nearSphere' in cond || '$near' in cond)) {
      const spec = (cond.$nearSphere ?? cond.$near) as Doc
      const geometry = (spec.$geometry ?? spec) as unknown
      const point = pointOf(geometry)
      if (!point) throw invalidParam('geoNear 需要 Point')
      const num = (x: unknown) => (typeof x === 'number' ? x : undefined)
      near = {
        field: k,
        point,
        maxDistance: num(spec.$maxDistance ?? cond.$maxDistance),
        minDistance: num(spec.$minDistance ?? cond.$minDistance),
      }
    } else rest[k] = v
  }
  return { query: rest, near }
}

/**
 * A predicate for a query. Compiled queries are cached by their canonical text (least recently used out): a
 * compiled mingo query is immutable (it clones its condition) and `$$NOW` is taken per evaluation.
 */
export function compileQuery(query: Doc): (doc: Doc) => boolean {
  if (!Object.keys(query).length) return () => true
  const key = cacheKey(query)
  let q = key === null ? undefined : compiled.get(key)
  if (q) {
    compiled.delete(key as string)
    compiled.set(key as string, q)
  } else {
    try {
      q = newQuery(query)
    } catch (e) {
      throw invalidParam(`query: ${(e as Error).message}`)
    }
    if (key !== null) {
      compiled.set(key, q)
      if (compiled.size > QUERY_CACHE_SIZE) compiled.delete(compiled.keys().next().value as string)
    }
  }
  const tester = q
  return (doc) => tester.test(doc)
}

/** Filter by distance and order nearest first (the documents keep their fields). */
export function applyNear(docs: Doc[], near: NearSpec, keepOrder: boolean): Doc[] {
  const withD: { d: number; doc: Doc }[] = []
  for (const doc of docs) {
    const p = pointOf(resolve(doc, near.field))
    if (!p) continue
    const d = distanceM(p, near.point)
    if (near.maxDistance !== undefined && d > near.maxDistance) continue
    if (near.minDistance !== undefined && d < near.minDistance) continue
    withD.push({ d, doc })
  }
  if (!keepOrder) withD.sort((a, b) => a.d - b.d)
  return withD.map((x) => x.doc)
}

export function sortSkipLimitProject(
  docs: Doc[],
  opts: { order?: Doc; offset?: number; limit?: number; projection?: Doc },
): Doc[] {
  const pipeline: Doc[] = []
  const sorted = opts.order && Object.keys(opts.order).length ? fastSort(docs, opts.order) : null
  if (sorted) docs = sorted
  if (opts.order && Object.keys(opts.order).length && !sorted) {
    pipeline.push({ $sort: opts.order })
    if (opts.offset) pipeline.push({ $skip: opts.offset })
    if (opts.limit !== undefined) pipeline.push({ $limit: opts.limit })
  } else if (opts.offset || opts.limit !== undefined) {
    docs = docs.slice(opts.offset ?? 0, opts.limit === undefined ? undefined : (opts.offset ?? 0) + opts.limit)
  }
  if (opts.projection && Object.keys(opts.projection).length) {
    const fast = pipeline.length ? null : simpleProjection(opts.projection)
    if (fast) return docs.map(fast)
    pipeline.push({ $project: opts.projection })
  }
  if (!pipeline.length) return docs
  try {
    return newAggregator(pipeline).run(docs) as Doc[]
  } catch (e) {
    throw invalidParam((e as Error).message)
  }
}

/**
 * `field()` projections of top-level keys with 0/1/true/false (the usual case) without a mingo pipeline,
 * reproducing mingo's $project exactly (key order, `_id` appended last unless projected or excluded, its
 * quirk for `{a: 1, _id: 0}` on a document without `a`); null for anything else (dot paths, operators,
 * expressions, mixed inclusion and exclusion — mingo then answers or throws as before).
 */
function simpleProjection(projection: Doc): ((doc: Doc) => Doc) | null {
  const included: string[] = []
  const excluded: string[] = []
  let inclusions = false
  let exclusions = false
  for (const [k, v] of Object.entries(projection)) {
    if (k.includes('.') || k.startsWith('$') || !(v === 0 || v === 1 || v === true || v === false)) return null
    ;(v ? included : excluded).push(k)
    if (k !== '_id') v ? (inclusions = true) : (exclusions = true)
  }
  if (inclusions && exclusions) return null
  const has = (o: Doc, k: string) => Object.prototype.hasOwnProperty.call(o, k)
  const idExcluded = excluded.includes('_id')
  const idImplicit = !idExcluded && !included.includes('_id')
  return (o) => {
    let out: Doc = {}
    for (const k of included) if (has(o, k) && o[k] !== undefined) out[k] = o[k]
    if (excluded.length === 1 && idExcluded) {
      if (!Object.keys(out).length) out = { ...o }
    } else if (excluded.length) out = { ...o, ...out }
    for (const k of excluded) delete out[k]
    if (idImplicit && has(o, '_id')) out._id = o._id
    return out
  }
}

const isSortScalar = (v: unknown) =>
  v === null ||
  v === undefined ||
  typeof v === 'number' ||
  typeof v === 'string' ||
  typeof v === 'boolean' ||
  v instanceof Date

/**
 * Sort by scalar keys without building a mingo pipeline (the common case, ~50x cheaper); null when a key
 * holds an array or object somewhere (then mingo's $sort applies Mongo's rules for those).
 */
function fastSort(docs: Doc[], order: Doc): Doc[] | null {
  const keys = Object.entries(order).map(([k, d]) => [k, Number(d) < 0 ? -1 : 1] as const)
  const rows: { doc: Doc; vals: unknown[] }[] = []
  for (const doc of docs) {
    const vals = keys.map(([k]) => (k.includes('.') ? resolve(doc, k) : doc[k]))
    if (!vals.every(isSortScalar)) return null
    rows.push({ doc, vals: vals.map((v) => (v === undefined ? null : v)) })
  }
  rows.sort((a, b) => {
    for (let i = 0; i < keys.length; i++) {
      const c = compare(a.vals[i], b.vals[i])
      if (c) return c * keys[i][1]
    }
    return 0
  })
  return rows.map((r) => r.doc)
}

export function runPipeline(docs: Doc[], stages: Doc[], resolveCollection: (name: string) => Doc[]): Doc[] {
  if (!stages.length) return docs
  try {
    return newAggregator(stages, { collectionResolver: resolveCollection }).run(docs) as Doc[]
  } catch (e) {
    throw invalidParam(`aggregate: ${(e as Error).message}`)
  }
}

/** Apply Mongo update operators in place; throws INVALID_PARAM on malformed updates. */
export function applyUpdate(doc: Doc, updateSpec: Doc): void {
  for (const [op, fields] of Object.entries(updateSpec)) {
    if (!op.startsWith('$')) throw invalidParam(`unknown update ${op}`)
    if (op === '$setOnInsert') continue
    try {
      mingoUpdate(doc, { [op]: fields } as never, [], undefined, {
        cloneMode: 'deep',
        queryOptions: baseOptions,
      } as never)
    } catch (e) {
      throw invalidParam(`update ${op}: ${(e as Error).message}`)
    }
  }
}
