/**
 * The `database.*` actions of CloudBase's /admin protocol over the Store, with CloudBase's limits, replies and
 * error codes, and optimistic transactions (read versions checked at each write and at commit; a conflicting
 * transaction is ended here because the SDK's runTransaction retries without aborting).
 */
import { randomUUID } from 'node:crypto'
import { decodeStored, decodeValue, deepClone, encodeReply, type Doc } from './ejson'
import { EmulatorError, invalidParam } from './emulatorError'
import {
  applyNear,
  applyUpdate,
  compileQuery,
  extractNear,
  runPipeline,
  sortSkipLimitProject,
  pointOf,
  distanceM,
} from './queryEngine'
import type { Store } from './store'

export const GET_DEFAULT_LIMIT = 100
export const GET_MAX_LIMIT = 1000

interface TxState {
  id: string
  startedAt: number
  reads: Map<string, number>
  writes: Map<string, { coll: string; id: string; doc: Doc | null }>
}

export interface DatabaseServiceOptions {
  store: () => Store
  now: () => Date
  /** Transactions older than this are aborted (CloudBase ends idle transactions too). */
  transactionTimeoutMs?: number
  /**
   * Results of a query without orderBy come back shuffled (default true), as CloudBase promises no order for them:
   * code that relies on insertion order fails here too instead of only in production.
   */
  shuffleUnordered?: boolean
}

/** Fisher–Yates, in place. */
function shuffle<T>(xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    const t = xs[i]
    xs[i] = xs[j]
    xs[j] = t
  }
  return xs
}

export type Body = Record<string, unknown>

/** 32 random hex digits (randomUUID draws from a cached entropy pool: cheaper than randomBytes per call). */
const newId = (): string => randomUUID().replace(/-/g, '')
const txKey = (coll: string, id: string) => `${coll}\u0000${id}`
const isPlainObject = (v: unknown): v is Doc =>
  !!v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof RegExp)

function sameDoc(a: Doc, b: Doc): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

export function createDatabaseService(opts: DatabaseServiceOptions) {
  const transactions = new Map<string, TxState>()
  const timeoutMs = opts.transactionTimeoutMs ?? 30_000
  const now = opts.now
  const shuffleUnordered = opts.shuffleUnordered !== false
  const unordered = (order: Doc | undefined, query: Doc) =>
    shuffleUnordered && !(order && Object.keys(order).length) && !extractNear(query).near

  const sweeper = setInterval(() => {
    const t = Date.now()
    for (const [id, tx] of transactions) if (t - tx.startedAt > timeoutMs) transactions.delete(id)
  }, 1000)
  sweeper.unref()

  const collName = (body: Body): string => {
    const name = body.collectionName
    if (typeof name !== 'string' || !name) throw invalidParam('collectionName 不能为空')
    return name
  }

  const decodeQuery = (raw: unknown): Doc => {
    const q = decodeValue(raw, now)
    if (q === undefined || q === null) return {}
    if (!isPlainObject(q)) throw invalidParam('query 必须是对象')
    return q
  }

  const decodeObject = (raw: unknown, what: string): Doc | undefined => {
    const v = decodeValue(raw, now)
    if (v === undefined || v === null) return undefined
    if (!isPlainObject(v)) throw invalidParam(`${what} 必须是对象`)
    return v
  }

  /**
   * Matching documents (decoded). Without an order (and without geoNear), or when the index walk already
   * yields the order, the scan stops once `stopAfter` matches are found; otherwise every match is collected for
   * sorting.
   */
  function findDocs(coll: string, query: Doc, order?: Doc, stopAfter = Infinity): Doc[] {
    const store = opts.store()
    const { query: rest, near } = extractNear(query)
    const test = compileQuery(rest)
    const sorted = !!order && Object.keys(order).length > 0
    const { rows, ordered: inOrder } = store.candidates(coll, rest, sorted && !near ? order : undefined)
    const ordered = sorted || !!near
    // rows already in the query's order (an index-ordered walk): stop at the limit as a database does
    const limit = ordered && !inOrder ? Infinity : stopAfter
    let docs: Doc[] = []
    if (limit > 0) {
      for (const row of rows) {
        const doc = decodeStored(row.doc)
        if (test(doc)) {
          docs.push(doc)
          if (docs.length >= limit) break
        }
      }
    }
    if (near) docs = applyNear(docs, near, !!order && Object.keys(order).length > 0)
    return docs
  }

  /**
   * A `$lookup` whose sub-pipeline starts with a `$match` and refers to no outer document (no `let`, no
   * localField/foreignField) is the same subquery for every input document: run it once through the indexes, as
   * a database does, instead of handing mingo every document of the joined collection. Its result joins every
   * input document (`$addFields` of a literal), exactly what mingo's `$lookup` would have computed.
   */
  function uncorrelatedLookup(stage: Doc): Doc | null {
    const l = stage.$lookup as Doc | undefined
    if (!isPlainObject(l) || typeof l.from !== 'string' || typeof l.as !== 'string') return null
    if (l.let !== undefined || l.localField !== undefined || l.foreignField !== undefined) return null
    const pipeline = l.pipeline
    if (!Array.isArray(pipeline) || !pipeline.length) return null
    const first = pipeline[0] as Doc
    if (!isPlainObject(first) || !isPlainObject(first.$match) || Object.keys(first).length !== 1) return null
    const store = opts.store()
    if (!store.hasCollection(l.from)) return { $addFields: { [l.as]: { $literal: [] } } }
    const matched = findDocs(l.from, first.$match as Doc)
    const joined = runPipeline(matched, pipeline.slice(1) as Doc[], (name) =>
      store.hasCollection(name) ? store.all(name) : [],
    )
    return { $addFields: { [l.as]: { $literal: joined } } }
  }

  function tx(body: Body): TxState | null {
    const id = body.transactionId
    if (id === undefined || id === null || id === '') return null
    const state = transactions.get(String(id))
    if (!state) throw new EmulatorError('DATABASE_TRANSACTION_FAIL', '事务不存在、已结束或已超时')
    if (Date.now() - state.startedAt > timeoutMs) {
      transactions.delete(state.id)
      throw new EmulatorError('DATABASE_TRANSACTION_FAIL', '事务已超时')
    }
    return state
  }

  const conflict = (state: TxState): never => {
    transactions.delete(state.id)
    throw new EmulatorError('DATABASE_TRANSACTION_CONFLICT', '事务冲突，请重试')
  }

  /** Read one document inside a transaction, recording (and checking) the version it saw. */
  function txRead(state: TxState, coll: string, id: string): Doc | null {
    const key = txKey(coll, id)
    const written = state.writes.get(key)
    if (written) return written.doc ? deepClone(written.doc) : null
    const row = opts.store().get(coll, id)
    const v = row?.v ?? 0
    const seen = state.reads.get(key)
    if (seen === undefined) state.reads.set(key, v)
    else if (seen !== v) conflict(state)
    return row ? decodeStored(row.doc) : null
  }

  function txWrite(state: TxState, coll: string, id: string, doc: Doc | null): void {
    const key = txKey(coll, id)
    if (!state.writes.has(key)) {
      // a write depends on the version it replaces: record it, and fail now if it already moved
      const current = opts.store().get(coll, id)?.v ?? 0
      const seen = state.reads.get(key)
      if (seen === undefined) state.reads.set(key, current)
      else if (seen !== current) conflict(state)
    }
    state.writes.set(key, { coll, id, doc })
  }

  function docIdOf(body: Body): string {
    const q = decodeQuery(body.query)
    const id = q._id
    if (typeof id !== 'string' && typeof id !== 'number') throw invalidParam('docId 不能为空')
    return String(id)
  }

  function prepareInsert(raw: unknown): Doc {
    const doc = decodeObject(raw, 'data')
    if (!doc) throw invalidParam('data 必须是非空对象')
    if (doc._id === undefined || doc._id === null || doc._id === '') doc._id = newId()
    else if (typeof doc._id !== 'string' && typeof doc._id !== 'number') throw invalidParam('_id 必须是字符串')
    doc._id = String(doc._id)
    return doc
  }

  /** Apply a modifyDocument's data to a document: update operators (merge) or replacement (set). */
  function modified(before: Doc | null, id: string, data: Doc, merge: boolean): Doc {
    if (!merge) {
      const { _id: _ignored, ...rest } = data
      return { _id: id, ...rest }
    }
    const doc: Doc = before ? deepClone(before) : { _id: id }
    const ops: Doc = {}
    const plain: Doc = {}
    for (const [k, v] of Object.entries(data)) (k.startsWith('$') ? ops : plain)[k] = v
    if (Object.keys(plain).length) ops.$set = { ...(ops.$set as Doc | undefined), ...plain }
    if (ops.$set && '_id' in (ops.$set as Doc)) throw invalidParam('不能更新_id的值')
    applyUpdate(doc, ops)
    doc._id = id
    return doc
  }

  const handlers: Record<string, (body: Body) => unknown> = {
    'database.addCollection': (body) => {
      const name = collName(body)
      const store = opts.store()
      if (store.hasCollection(name)) throw new EmulatorError('DATABASE_COLLECTION_ALREADY_EXIST', `集合已存在：${name}`)
      store.createCollection(name)
      return {}
    },

    'database.getDocument': (body) => {
      const coll = collName(body)
      const store = opts.store()
      store.meta(coll)
      const state = tx(body)
      const projection = decodeObject(body.projection, 'projection')
      if (state) {
        if (body.queryType === 'WHERE') throw invalidParam('事务中只能使用 doc 操作')
        const doc = txRead(state, coll, docIdOf(body))
        const list = doc ? sortSkipLimitProject([doc], { projection }) : []
        return { data: { list: list.map(encodeReply), limit: 1, offset: 0 } }
      }
      const query = decodeQuery(body.query)
      const order = decodeObject(body.order, 'order')
      const offset = Math.max(0, Number(body.offset ?? 0) || 0)
      let limit = body.limit === undefined || body.limit === null ? GET_DEFAULT_LIMIT : Number(body.limit)
      if (!Number.isFinite(limit) || limit < 0) throw invalidParam('limit 不合法')
      if (limit === 0) limit = GET_DEFAULT_LIMIT
      limit = Math.min(limit, GET_MAX_LIMIT)
      const docs = findDocs(coll, query, order, offset + limit)
      const list = sortSkipLimitProject(docs, { order, offset, limit, projection })
      if (list.length > 1 && unordered(order, query)) shuffle(list)
      return { data: { list: list.map(encodeReply), limit, offset } }
    },

    'database.calculateDocument': (body) => {
      const coll = collName(body)
      const store = opts.store()
      store.meta(coll)
      const query = decodeQuery(body.query)
      const exact = extractNear(query).near ? null : store.countExact(coll, query)
      return { data: { total: exact ?? findDocs(coll, query).length } }
    },

    'database.insertDocument': (body) => {
      const coll = collName(body)
      const store = opts.store()
      store.meta(coll)
      const raw = Array.isArray(body.data) ? body.data : [body.data]
      if (!raw.length) throw invalidParam('data 不能为空')
      const docs = raw.map(prepareInsert)
      const state = tx(body)
      if (state) {
        for (const doc of docs) {
          if (txRead(state, coll, doc._id as string))
            throw new EmulatorError('DATABASE_DUPLICATE_WRITE', `_id 重复：${String(doc._id)}`)
          txWrite(state, coll, doc._id as string, doc)
        }
      } else {
        // ordered, as MongoDB's insertMany (CloudBase's backend): each document on its own, the first duplicate
        // stops the batch with DATABASE_DUPLICATE_WRITE and the documents before it stay inserted
        for (const doc of docs) store.db.transaction(() => store.put(coll, doc._id as string, doc, false))()
      }
      return { data: { insertedIds: docs.map((d) => d._id) } }
    },

    'database.modifyDocument': (body) => modify(body, false),
    'database.modifyAndReturnDoc': (body) => modify(body, true),

    'database.removeDocument': (body) => {
      const coll = collName(body)
      const store = opts.store()
      store.meta(coll)
      const state = tx(body)
      if (state) {
        const id = docIdOf(body)
        const doc = txRead(state, coll, id)
        if (doc) txWrite(state, coll, id, null)
        return { data: { deleted: doc ? 1 : 0 } }
      }
      const query = decodeQuery(body.query)
      const multi = body.queryType === 'DOC' ? false : body.multi !== false
      const targets = findDocs(coll, query, undefined, multi ? Infinity : 1)
      store.db.transaction(() => {
        for (const d of targets) store.put(coll, String(d._id), null, true)
      })()
      return { data: { deleted: targets.length } }
    },

    'database.aggregateDocuments': (body) => {
      const coll = collName(body)
      const store = opts.store()
      store.meta(coll)
      if (!Array.isArray(body.stages)) throw invalidParam('stages 必须是数组')
      const stages: Doc[] = (body.stages as { stageKey?: unknown; stageValue?: unknown }[]).map((s) => {
        if (!s || typeof s.stageKey !== 'string' || !s.stageKey.startsWith('$')) throw invalidParam('stageKey 不合法')
        const value = typeof s.stageValue === 'string' ? decodeValue(s.stageValue, now) : s.stageValue
        return { [s.stageKey]: value }
      })
      let docs: Doc[]
      let rest = stages
      const first = stages[0]
      if (first && '$geoNear' in first) {
        docs = geoNearStage(coll, first.$geoNear as Doc)
        rest = stages.slice(1)
      } else if (first && '$match' in first && isPlainObject(first.$match)) {
        docs = findDocs(coll, first.$match as Doc)
        rest = stages.slice(1)
      } else {
        docs = findDocs(coll, {})
      }
      rest = rest.map((stage) => uncorrelatedLookup(stage) ?? stage)
      const list = runPipeline(docs, rest, (name) => (store.hasCollection(name) ? store.all(name) : []))
      return { data: { list: list.map(encodeReply) } }
    },

    'database.startTransaction': () => {
      const id = `tx_${newId()}`
      transactions.set(id, { id, startedAt: Date.now(), reads: new Map(), writes: new Map() })
      return { transactionId: id }
    },

    'database.commitTransaction': (body) => {
      const state = tx(body)
      if (!state) throw invalidParam('transactionId 不能为空')
      const store = opts.store()
      store.db.transaction(() => {
        for (const [key, v] of state.reads) {
          const [coll, id] = key.split('\u0000')
          if ((store.get(coll, id)?.v ?? 0) !== v) conflict(state)
        }
        for (const w of state.writes.values()) {
          const existed = !!store.get(w.coll, w.id)
          if (w.doc === null && !existed) continue
          store.put(w.coll, w.id, w.doc, existed)
        }
      })()
      transactions.delete(state.id)
      return {}
    },

    'database.abortTransaction': (body) => {
      const id = String(body.transactionId ?? '')
      transactions.delete(id)
      return {}
    },
  }

  function modify(body: Body, returnDoc: boolean): unknown {
    const coll = collName(body)
    const store = opts.store()
    store.meta(coll)
    const data = decodeObject(body.data, 'data')
    if (!data) throw invalidParam('data 必须是非空对象')
    const merge = body.merge !== false
    const upsert = body.upsert === true
    const state = tx(body)
    if (state) {
      const id = docIdOf(body)
      const before = txRead(state, coll, id)
      if (!before && !upsert) return { data: { updated: 0, upsert_id: null } }
      const after = modified(before, id, data, merge)
      txWrite(state, coll, id, after)
      return { data: { updated: before ? 1 : 0, upsert_id: before ? null : id } }
    }
    const query = decodeQuery(body.query)
    const multi = body.queryType === 'DOC' ? false : body.multi === true
    let updated = 0
    let upsertId: string | null = null
    let lastDoc: Doc | null = null
    store.db.transaction(() => {
      const targets = findDocs(coll, query, undefined, multi ? Infinity : 1)
      for (const before of targets) {
        const id = String(before._id)
        const after = modified(before, id, data, merge)
        lastDoc = after
        if (sameDoc(before, after)) continue
        store.put(coll, id, after, true)
        updated++
      }
      if (!targets.length && upsert) {
        const id = typeof query._id === 'string' ? query._id : newId()
        const seed: Doc = {}
        for (const [k, v] of Object.entries(query))
          if (!k.startsWith('$') && !isPlainObject(v) && !k.includes('.')) seed[k] = v
        const base = merge ? { ...seed, _id: id } : null
        const doc = modified(base, id, data, merge)
        if (merge && data.$setOnInsert) Object.assign(doc, data.$setOnInsert)
        store.put(coll, id, doc, false)
        upsertId = id
        lastDoc = doc
      }
    })()
    if (returnDoc) return { data: { updated, doc: lastDoc ? encodeReply(lastDoc) : null } }
    return { data: { updated, upsert_id: upsertId } }
  }

  function geoNearStage(coll: string, spec: Doc): Doc[] {
    const point = pointOf(spec.near)
    if (!point) throw invalidParam('geoNear.near 需要 Point')
    const distanceField = typeof spec.distanceField === 'string' ? spec.distanceField : undefined
    const key = typeof spec.key === 'string' ? spec.key : undefined
    const multiplier = typeof spec.distanceMultiplier === 'number' ? spec.distanceMultiplier : 1
    const query = isPlainObject(spec.query) ? spec.query : {}
    const docs = findDocs(coll, query)
    const out: { d: number; doc: Doc }[] = []
    for (const doc of docs) {
      let p: ReturnType<typeof pointOf> = null
      if (key)
        p = pointOf(
          key.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Doc)[k] : undefined), doc),
        )
      else for (const v of Object.values(doc)) if ((p = pointOf(v))) break
      if (!p) continue
      const d = distanceM(p, point)
      if (typeof spec.maxDistance === 'number' && d > spec.maxDistance) continue
      if (typeof spec.minDistance === 'number' && d < spec.minDistance) continue
      out.push({ d, doc })
    }
    out.sort((a, b) => a.d - b.d)
    return out.map(({ d, doc }) => (distanceField ? { ...doc, [distanceField]: d * multiplier } : doc))
  }

  return {
    actions: Object.keys(handlers),
    handles: (action: string) => Object.prototype.hasOwnProperty.call(handlers, action),
    handle(action: string, body: Body): unknown {
      return handlers[action](body)
    },
    /** Forget every open transaction (reset). */
    reset(): void {
      transactions.clear()
    },
    openTransactions: () => transactions.size,
    stop(): void {
      clearInterval(sweeper)
    },
  }
}

export type DatabaseService = ReturnType<typeof createDatabaseService>
