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
import { compare, resolve } from 'mingo/util'
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
      near = { field: k, point, maxDistance: num(spec.$maxDistance ?? cond.$maxDistance), minDistance: num(spec.$minDistance ?? cond.$minDistance) }
    } else rest[k] = v
  }
  return { query: rest, near }
}

export function compileQuery(query: Doc): (doc: Doc) => boolean {
  if (!Object.keys(query).length) return () => true
  try {
    const q = new Query(query, baseOptions)
    return (doc) => q.test(doc)
  } catch (e) {
    throw invalidParam(`query: ${(e as Error).message}`)
  }
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

export function sortSkipLimitProject(docs: Doc[], opts: { order?: Doc; offset?: number; limit?: number; projection?: Doc }): Doc[] {
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
  if (opts.projection && Object.keys(opts.projection).length) pipeline.push({ $project: opts.projection })
  if (!pipeline.length) return docs
  try {
    return new Aggregator(pipeline as never, baseOptions).run(docs) as Doc[]
  } catch (e) {
    throw invalidParam((e as Error).message)
  }
}

const isSortScalar = (v: unknown) => v === null || v === undefined || typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || v instanceof Date

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
    return new Aggregator(stages as never, { ...baseOptions, collectionResolver: resolveCollection }).run(docs) as Doc[]
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
      mingoUpdate(doc, { [op]: fields } as never, [], undefined, { cloneMode: 'deep', queryOptions: baseOptions } as never)
    } catch (e) {
      throw invalidParam(`update ${op}: ${(e as Error).message}`)
    }
  }
}
