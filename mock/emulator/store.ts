/**
 * The emulator's embedded database: better-sqlite3 in WAL mode, one table per collection
 * (`_id TEXT PRIMARY KEY, v INTEGER, doc TEXT`), where `v` is a per-document version for optimistic
 * transactions. Declared indexes (cloudfunctions/database.json) are real: one side table per index with one
 * entry per indexed value (array fields: one per element), answering equality / $in / range queries on the
 * leading key without a collection scan. Unique indexes raise DATABASE_DUPLICATE_WRITE.
 */
import Database from 'better-sqlite3'
import { decodeStored, encodeStored, type Doc } from './ejson'
import { EmulatorError, invalidParam } from './emulatorError'

export interface IndexDecl {
  name: string
  keys: Record<string, 1 | -1 | '2dsphere'>
  unique?: boolean
}

interface IndexMeta {
  decl: IndexDecl
  table: string
  fields: string[]
  /** fields split at dots, once */
  paths: string[][]
  leading: string
  geo: boolean
}

interface CollectionMeta {
  name: string
  table: string
  indexes: IndexMeta[]
  /** prepared statements of the write path, made on first use (the tables must exist first) */
  writes?: WriteStatements
}

interface WriteStatements {
  insertDoc: Database.Statement
  updateDoc: Database.Statement
  deleteDoc: Database.Statement
  /** per index (same order as indexes; null for geo) */
  insertEntry: (Database.Statement | null)[]
  deleteEntries: Database.Statement[]
}

export interface StoredRow {
  _id: string
  v: number
  doc: string
}

export interface PlanInfo {
  collection: string
  plan: 'id' | 'index' | 'scan'
  index?: string
  examined: number
}

const q = (ident: string) => `"${ident.replace(/"/g, '""')}"`
/** Version of the index side-table layout (stored with each collection's spec; a change rebuilds indexes). */
const INDEX_LAYOUT = 3
const COLLECTION_NAME = /^[A-Za-z0-9_\-.]{1,64}$/

/** Sortable key of one value: (type bracket, value), Mongo's type order. */
type Key = [number, number | string | null]

function keyOf(v: unknown): Key | null {
  if (v === null || v === undefined) return [1, null]
  switch (typeof v) {
    case 'number':
      return Number.isNaN(v) ? [2, null] : [2, v]
    case 'string':
      return [3, v]
    case 'boolean':
      return [8, v ? 1 : 0]
    default:
      if (v instanceof Date) return [9, v.getTime()]
      if (v instanceof RegExp) return [11, String(v)]
      if (Array.isArray(v)) return [5, JSON.stringify(v)]
      return [4, JSON.stringify(v)]
  }
}

/** Values at a dotted path; arrays along the way and at the leaf are expanded (multikey). */
export function valuesAt(doc: unknown, path: string[]): unknown[] {
  if (!path.length) return Array.isArray(doc) ? (doc.length ? doc : [[]]) : [doc]
  if (Array.isArray(doc)) return doc.flatMap((d) => valuesAt(d, path))
  if (doc === null || typeof doc !== 'object' || doc instanceof Date) return [undefined]
  return valuesAt((doc as Doc)[path[0]], path.slice(1))
}

let lastVersion = Date.now() * 1000
/** Monotonic document versions (never reused, also across restarts in practice). */
export const nextVersion = (): number => ++lastVersion

export class Store {
  readonly db: Database.Database
  private readonly collections = new Map<string, CollectionMeta>()
  private readonly statements = new Map<string, Database.Statement>()
  readonly plans: PlanInfo[] = []
  readonly planCounts = { id: 0, index: 0, scan: 0 }

  constructor(
    readonly file: string,
    private readonly declared: Record<string, IndexDecl[]>,
  ) {
    this.db = new Database(file)
    this.db.pragma('journal_mode = WAL')
    // WAL + NORMAL: every commit is in the WAL file (the OS's page cache) before it is acknowledged, so it
    // survives kill -9 of the emulator; only a power cut could lose the last commits.
    this.db.pragma('synchronous = NORMAL')
    this.db.pragma('cache_size = -65536')
    this.db.pragma('temp_store = MEMORY')
    this.db.exec('CREATE TABLE IF NOT EXISTS _collections (name TEXT PRIMARY KEY, indexes TEXT NOT NULL)')
    for (const row of this.db.prepare('SELECT name FROM _collections').all() as { name: string }[]) this.load(row.name)
    for (const name of Object.keys(declared)) this.createCollection(name)
  }

  close(): void {
    this.statements.clear()
    if (this.db.open) this.db.close()
  }

  stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql)
    if (!s) {
      s = this.db.prepare(sql)
      this.statements.set(sql, s)
    }
    return s
  }

  private load(name: string): CollectionMeta {
    const decls = this.declared[name] ?? []
    const meta: CollectionMeta = {
      name,
      table: `c:${name}`,
      indexes: decls.map((decl) => {
        const fields = Object.keys(decl.keys)
        return {
          decl,
          table: `x:${name}:${decl.name}`,
          fields,
          paths: fields.map((f) => f.split('.')),
          leading: fields[0],
          geo: Object.values(decl.keys).includes('2dsphere'),
        }
      }),
    }
    this.collections.set(name, meta)
    return meta
  }

  hasCollection(name: string): boolean {
    return this.collections.has(name)
  }

  listCollections(): string[] {
    return [...this.collections.keys()].sort()
  }

  /** Create a collection (and its declared indexes, backfilled); false when it existed with the same indexes. */
  createCollection(name: string): boolean {
    if (!COLLECTION_NAME.test(name)) throw invalidParam(`集合名称不合法：${name}`)
    const decls = this.declared[name] ?? []
    // the stored spec carries the side-table layout version: a change rebuilds the indexes at the next start
    const spec = JSON.stringify({ layout: INDEX_LAYOUT, decls })
    const existing = this.db.prepare('SELECT indexes FROM _collections WHERE name = ?').get(name) as
      { indexes: string } | undefined
    if (existing && existing.indexes === spec && this.collections.has(name)) return false
    const run = this.db.transaction(() => {
      this.db.exec(
        `CREATE TABLE IF NOT EXISTS ${q(`c:${name}`)} (_id TEXT PRIMARY KEY, v INTEGER NOT NULL, doc TEXT NOT NULL)`,
      )
      const meta = this.load(name)
      for (const ix of meta.indexes) {
        this.db.exec(`DROP TABLE IF EXISTS ${q(ix.table)}`)
        // t, v: the leading key's (type bracket, value), one row per value (multikey); t1, v1, …: the further
        // keys of a compound index when single-valued in the document (NULL t<i>: an array, i.e. unknown)
        const more = ix.fields
          .slice(1)
          .map((_f, i) => `, t${i + 1} INTEGER, v${i + 1}`)
          .join('')
        this.db.exec(`CREATE TABLE ${q(ix.table)} (t INTEGER NOT NULL, v, id TEXT NOT NULL, u TEXT${more})`)
        const moreCols = ix.fields
          .slice(1)
          .map((_f, i) => `, t${i + 1}, v${i + 1}`)
          .join('')
        this.db.exec(`CREATE INDEX ${q(`${ix.table}:tv`)} ON ${q(ix.table)} (t, v${moreCols})`)
        this.db.exec(`CREATE INDEX ${q(`${ix.table}:id`)} ON ${q(ix.table)} (id)`)
        // entries with an unknown further key, found by seek: while a lead value has none, queries use the strict form
        if (ix.fields.length > 1)
          this.db.exec(`CREATE INDEX ${q(`${ix.table}:unknown`)} ON ${q(ix.table)} (t, v) WHERE ${unknownTerm(ix)}`)
        if (ix.decl.unique) this.db.exec(`CREATE UNIQUE INDEX ${q(`${ix.table}:u`)} ON ${q(ix.table)} (u)`)
      }
      this.db.prepare('INSERT OR REPLACE INTO _collections (name, indexes) VALUES (?, ?)').run(name, spec)
      if (existing && meta.indexes.length) {
        for (const row of this.db.prepare(`SELECT _id, doc FROM ${q(meta.table)}`).all() as StoredRow[]) {
          this.indexDoc(meta, row._id, decodeStored(row.doc))
        }
      }
    })
    run()
    return !existing
  }

  meta(name: string): CollectionMeta {
    const m = this.collections.get(name)
    if (!m) throw new EmulatorError('DATABASE_COLLECTION_NOT_EXIST', `集合不存在：${name}`)
    return m
  }

  get(coll: string, id: string): StoredRow | undefined {
    const meta = this.meta(coll)
    return this.stmt(`SELECT _id, v, doc FROM ${q(meta.table)} WHERE _id = ?`).get(id) as StoredRow | undefined
  }

  private writes(meta: CollectionMeta): WriteStatements {
    if (!meta.writes) {
      meta.writes = {
        insertDoc: this.stmt(`INSERT INTO ${q(meta.table)} (_id, v, doc) VALUES (?, ?, ?)`),
        updateDoc: this.stmt(`UPDATE ${q(meta.table)} SET v = ?, doc = ? WHERE _id = ?`),
        deleteDoc: this.stmt(`DELETE FROM ${q(meta.table)} WHERE _id = ?`),
        insertEntry: meta.indexes.map((ix) => {
          if (ix.geo) return null
          const more = ix.fields
            .slice(1)
            .map((_f, i) => `, t${i + 1}, v${i + 1}`)
            .join('')
          return this.stmt(
            `INSERT INTO ${q(ix.table)} (t, v, id, u${more}) VALUES (?, ?, ?, ?${more.replace(/, [tv]\d+/g, ', ?')})`,
          )
        }),
        deleteEntries: meta.indexes.map((ix) => this.stmt(`DELETE FROM ${q(ix.table)} WHERE id = ?`)),
      }
    }
    return meta.writes
  }

  /** Write (insert, replace, or delete with null) one document, maintaining its index entries. */
  put(coll: string, id: string, doc: Doc | null, existed: boolean): number {
    const meta = this.meta(coll)
    const w = this.writes(meta)
    const v = nextVersion()
    if (existed) for (const del of w.deleteEntries) del.run(id)
    if (doc === null) {
      w.deleteDoc.run(id)
      return v
    }
    const text = encodeStored(doc)
    try {
      if (existed) w.updateDoc.run(v, text, id)
      else w.insertDoc.run(id, v, text)
    } catch (e) {
      if ((e as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT'))
        throw new EmulatorError('DATABASE_DUPLICATE_WRITE', `_id 重复：${id}`)
      throw e
    }
    this.indexDoc(meta, id, doc)
    return v
  }

  private indexDoc(meta: CollectionMeta, id: string, doc: Doc): void {
    const w = this.writes(meta)
    for (let i = 0; i < meta.indexes.length; i++) {
      const ix = meta.indexes[i]
      const insert = w.insertEntry[i]
      if (ix.geo || !insert) continue
      const values = valuesAt(doc, ix.paths[0])
      const seen = values.length > 1 ? new Set<string>() : null
      const restKeys = ix.paths.slice(1).map((p) => valuesAt(doc, p).map((x) => keyOf(x)))
      const rest = ix.decl.unique ? restKeys : null
      // further keys: (t, v) when single-valued, (NULL, NULL) when an array gives several (unknown to queries)
      const more: unknown[] = []
      for (const ks of restKeys) {
        const k = ks.length === 1 ? ks[0] : null
        more.push(k ? k[0] : null, k ? k[1] : null)
      }
      for (const value of values) {
        const key = keyOf(value)
        if (!key) continue
        if (seen) {
          const sig = `${key[0]}:${typeof key[1]}:${String(key[1])}`
          if (seen.has(sig)) continue
          seen.add(sig)
        }
        const u = rest ? JSON.stringify([key, ...rest]) : null
        try {
          insert.run(key[0], key[1], id, u, ...more)
        } catch (e) {
          if ((e as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) {
            throw new EmulatorError('DATABASE_DUPLICATE_WRITE', `唯一索引 ${ix.decl.name} 重复`)
          }
          throw e
        }
      }
    }
  }

  /** Candidate rows for a query: by _id, by an index on a leading key, or a full scan. */
  /**
   * Candidate rows for a query, lazily (the caller may stop early; `plan.examined` counts what it read).
   * By _id, by an index on a leading key, or a full scan, always in insertion order.
   */
  candidates(coll: string, query: Doc, order?: Doc): { rows: Iterable<StoredRow>; plan: PlanInfo; ordered?: boolean } {
    const meta = this.meta(coll)
    const conds = conjuncts(query)
    const idCond = conds.find(([f]) => f === '_id')
    if (idCond) {
      const ids = equalityValues(idCond[1])
      if (ids && ids.every((x) => typeof x === 'string')) {
        const rows =
          ids.length === 1
            ? [
                this.stmt(`SELECT _id, v, doc FROM ${q(meta.table)} WHERE _id = ?`).get(ids[0]) as
                  StoredRow | undefined,
              ].filter((r): r is StoredRow => !!r)
            : (this.stmt(
                `SELECT _id, v, doc FROM ${q(meta.table)} WHERE _id IN (${ids.map(() => '?').join(',')}) ORDER BY rowid`,
              ).all(...(ids as string[])) as StoredRow[])
        const plan = this.record({ collection: coll, plan: 'id', examined: 0 })
        return { rows: counted(rows, plan), plan }
      }
    }
    const best = this.plan(meta, conds)
    if (best) {
      const where = this.exactWhere(best)
      // an order an index can serve: the best plan's index first, then any other index the query can use
      if (order) {
        for (const ix of [best.ix, ...meta.indexes.filter((i) => i !== best.ix && !i.geo)]) {
          const p = ix === best.ix ? best : this.plan(meta, conds, ix)
          const walk = p ? this.orderedWalk(meta, p, ix === best.ix ? where : this.exactWhere(p), conds, order) : null
          if (p && walk) {
            const plan = this.record({ collection: coll, plan: 'index', index: ix.decl.name, examined: 0 })
            return { rows: counted(walk, plan), plan, ordered: true }
          }
        }
      }
      const sql = `SELECT _id, v, doc FROM ${q(meta.table)} WHERE _id IN (SELECT id FROM ${q(best.ix.table)} WHERE ${where.where}) ORDER BY rowid`
      const plan = this.record({ collection: coll, plan: 'index', index: best.ix.decl.name, examined: 0 })
      return { rows: counted(this.stmt(sql).iterate(...where.params) as Iterable<StoredRow>, plan), plan }
    }
    const plan = this.record({ collection: coll, plan: 'scan', examined: 0 })
    return {
      rows: counted(
        this.stmt(`SELECT _id, v, doc FROM ${q(meta.table)} ORDER BY rowid`).iterate() as Iterable<StoredRow>,
        plan,
      ),
      plan,
    }
  }

  /**
   * The best index for AND-ed conditions: a condition on its leading key (equality before $in before range),
   * then conditions on its further keys narrow the entries too (compound indexes; an entry whose further key
   * was an array stays a candidate). `covered`: every condition is expressed in `where`; `exactFurther`
   * tells whether any candidate entry had an array in a constrained further key.
   */
  private plan(meta: CollectionMeta, conds: [string, unknown][], only?: IndexMeta): IndexPlan | null {
    let best: ReturnType<Store['plan']> = null
    for (const ix of only ? [only] : meta.indexes) {
      if (ix.geo) continue
      let lead: { where: string; params: unknown[]; rank: number; at: number } | null = null
      conds.forEach(([field, cond], at) => {
        if (field !== ix.leading) return
        const p = indexPredicate(cond)
        if (p && (!lead || p.rank < lead.rank)) lead = { ...p, at }
      })
      if (!lead) continue
      const l = lead as { where: string; params: unknown[]; rank: number; at: number }
      const parts = [`(${l.where})`]
      const params = [...l.params]
      const strict = [`(${l.where})`]
      const strictParams = [...l.params]
      const used = new Set([l.at])
      const further = new Set<number>()
      conds.forEach(([field, cond], at) => {
        const i = ix.fields.indexOf(field)
        if (i < 1) return
        const p = indexPredicate(cond, String(i))
        if (!p) return
        parts.push(`(t${i} IS NULL OR (${p.where}))`)
        params.push(...p.params)
        strict.push(`(${p.where})`)
        strictParams.push(...p.params)
        used.add(at)
        further.add(i)
      })
      const score = l.rank * 10 - further.size
      if (!best || score < best.score) {
        best = {
          ix,
          where: parts.join(' AND '),
          params,
          score,
          covered: used.size === conds.length,
          further: [...further],
          strict: { where: strict.join(' AND '), params: strictParams },
        }
      }
    }
    return best
  }

  /**
   * The index predicate to run: the strict one (every further key compared, so SQLite seeks the whole compound
   * key) when no entry under the plan's lead values has an unknown further key (one seek on the partial index),
   * else the loose one that keeps unknown entries as candidates.
   */
  private exactWhere(best: IndexPlan): { where: string; params: unknown[]; strict: boolean } {
    if (!best.further.length) return { where: best.where, params: best.params, strict: true }
    // a candidate entry (loose match) with an unknown constrained key; the partial index's own term lets SQLite seek it
    const constrained = best.further.map((i) => `t${i} IS NULL`).join(' OR ')
    const probe = (hint: string) =>
      this.stmt(
        `SELECT 1 FROM ${q(best.ix.table)}${hint} WHERE ${unknownTerm(best.ix)} AND ${best.where} AND (${constrained}) LIMIT 1`,
      ).get(...best.params)
    let unknown: unknown
    try {
      unknown = probe(` INDEXED BY ${q(`${best.ix.table}:unknown`)}`)
    } catch {
      unknown = probe('') // a predicate the partial index cannot serve (e.g. an empty $in)
    }
    return unknown ? { where: best.where, params: best.params, strict: false } : { ...best.strict, strict: true }
  }

  /**
   * Candidates already in the query's order, as a database walks a compound index (Mongo's index-ordered scan
   * with a limit): when the sort is one field (then optionally `_id`) that is the next key of the plan's index after
   * keys all held to one value by equality, the index entries are read in that key's order and the caller stops
   * at its limit instead of decoding and sorting every candidate. Only for numbers and null/missing in that key
   * under the prefix (other types, or an array, fall back to the sort). null when the plan cannot serve the order.
   */
  private orderedWalk(
    meta: CollectionMeta,
    best: IndexPlan,
    where: { where: string; params: unknown[]; strict: boolean },
    conds: [string, unknown][],
    order: Doc,
  ): Iterable<StoredRow> | null {
    if (!where.strict) return null
    const keys = Object.entries(order)
    if (keys.length < 1 || keys.length > 2) return null
    const [field, dirRaw] = keys[0]
    const dir = Number(dirRaw) < 0 ? 'DESC' : 'ASC'
    if (keys.length === 2 && keys[1][0] !== '_id') return null
    const idDir = keys.length === 2 ? (Number(keys[1][1]) < 0 ? 'DESC' : 'ASC') : 'ASC'
    const j = best.ix.fields.indexOf(field)
    if (j < 0) return null
    // every key before the sort key held to one value (equality), so the entries under it are in the key's order;
    // one key held to a few values ($in) is walked value by value and the walks merged (Mongo's SORT_MERGE)
    let spread: { at: number; values: unknown[] } | null = null
    for (let i = 0; i < j; i++) {
      const f = best.ix.fields[i]
      const held = conds.map((c, at) => ({ c, at })).filter(({ c }) => c[0] === f)
      const values = held.length === 1 ? equalityValues(held[0].c[1]) : null
      if (!values || values.length === 0) return null
      if (values.length > 1) {
        if (spread || values.length > MAX_MERGED_WALKS) return null
        spread = { at: held[0].at, values }
      }
    }
    if (spread) {
      const { at, values } = spread
      const walks: Iterator<StoredRow & { st: number; sv: unknown }>[] = []
      for (const value of values) {
        const one = conds.map((c, k) => (k === at ? ([c[0], value] as [string, unknown]) : c))
        const plan = this.plan(meta, one, best.ix)
        if (!plan) return null
        const walk = this.orderedWalk(meta, plan, this.exactWhere(plan), one, order)
        if (!walk) return null
        walks.push((walk as Iterable<StoredRow & { st: number; sv: unknown }>)[Symbol.iterator]())
      }
      return mergeWalks(walks, dir === 'DESC' ? -1 : 1, idDir === 'DESC' ? -1 : 1)
    }
    const t = j === 0 ? 't' : `t${j}`
    const v = j === 0 ? 'v' : `v${j}`
    const odd = this.stmt(
      `SELECT 1 FROM ${q(best.ix.table)} WHERE (${where.where}) AND (${t} IS NULL OR ${t} NOT IN (1, 2)) LIMIT 1`,
    ).get(...where.params)
    if (odd) return null
    const sql =
      `SELECT d._id AS _id, d.v AS v, d.doc AS doc, s.st AS st, s.sv AS sv FROM (SELECT id, ${t} AS st, ${v} AS sv FROM ${q(best.ix.table)} ` +
      `WHERE ${where.where}) s JOIN ${q(meta.table)} d ON d._id = s.id ORDER BY s.st ${dir}, s.sv ${dir}, s.id ${idDir}`
    // a statement of its own: merged walks iterate the same SQL side by side (a cached statement would be busy)
    const rows = this.db.prepare(sql).iterate(...where.params) as Iterable<StoredRow>
    return (function* () {
      const seen = new Set<string>()
      for (const r of rows) {
        if (seen.has(r._id)) continue // a multikey lead: the first entry is the one that sorts the document
        seen.add(r._id)
        yield r
      }
    })()
  }

  /**
   * The number of matching documents when the index alone answers it exactly (no document decoded): `{}`,
   * `_id` equality / $in, or a query on one field that leads an index with equality, $in, or a single range
   * bound (multikey-safe: an array matches when one element does, as in Mongo). null otherwise.
   */
  countExact(coll: string, query: Doc): number | null {
    const meta = this.meta(coll)
    const keys = Object.keys(query)
    if (!keys.length) return this.count(coll)
    if (keys.some((k) => k.startsWith('$'))) return null
    if (keys.length > 1) return this.countCompound(meta, query)
    const [field] = keys
    const cond = query[field]
    if (field === '_id') {
      const ids = equalityValues(cond)
      if (!ids || !ids.every((x) => typeof x === 'string')) return null
      const unique = [...new Set(ids as string[])]
      if (!unique.length) return 0
      this.record({ collection: coll, plan: 'id', examined: 0 })
      return (
        this.stmt(`SELECT COUNT(*) AS n FROM ${q(meta.table)} WHERE _id IN (${unique.map(() => '?').join(',')})`).get(
          ...unique,
        ) as { n: number }
      ).n
    }
    const ix = meta.indexes.find((i) => i.leading === field && !i.geo)
    if (!ix) return null
    // one operator only ($eq, $in, or one range bound): others would be ignored by the index predicate, and two
    // bounds on an array field may be met by different elements in Mongo
    if (isOperatorObject(cond) && Object.keys(cond).length !== 1) return null
    const pred = indexPredicate(cond)
    if (!pred) return null
    this.record({ collection: coll, plan: 'index', index: ix.decl.name, examined: 0 })
    return (
      this.stmt(`SELECT COUNT(DISTINCT id) AS n FROM ${q(ix.table)} WHERE ${pred.where}`).get(...pred.params) as {
        n: number
      }
    ).n
  }

  /**
   * Exact count for conditions on several keys of one compound index: the leading key with one operator
   * (equality, $in or one range bound), the others anything the index expresses, and no matching entry
   * holding an array in a constrained further key (then null: decode as usual).
   */
  private countCompound(meta: CollectionMeta, query: Doc): number | null {
    const conds = Object.entries(query)
    for (const [, cond] of conds)
      if (isOperatorObject(cond) && Object.keys(cond).length !== 1 && !isRange(cond)) return null
    const best = this.plan(meta, conds)
    if (!best || !best.covered) return null
    const leadCond = query[best.ix.leading]
    if (isOperatorObject(leadCond) && Object.keys(leadCond).length !== 1) return null
    const where = this.exactWhere(best)
    if (!where.strict) return null
    this.record({ collection: meta.name, plan: 'index', index: best.ix.decl.name, examined: 0 })
    // one lead value: a document has at most one entry under it (indexDoc keeps each lead value once), so no DISTINCT
    const single = equalityValues(leadCond)?.length === 1
    return (
      this.stmt(
        `SELECT ${single ? 'COUNT(*)' : 'COUNT(DISTINCT id)'} AS n FROM ${q(best.ix.table)} WHERE ${where.where}`,
      ).get(...where.params) as { n: number }
    ).n
  }

  /** Every document of a collection (for $lookup). */
  all(coll: string): Doc[] {
    const meta = this.meta(coll)
    return (this.stmt(`SELECT doc FROM ${q(meta.table)}`).all() as { doc: string }[]).map((r) => decodeStored(r.doc))
  }

  count(coll: string): number {
    const meta = this.meta(coll)
    return (this.stmt(`SELECT COUNT(*) AS n FROM ${q(meta.table)}`).get() as { n: number }).n
  }

  record(p: PlanInfo): PlanInfo {
    this.planCounts[p.plan]++
    this.plans.push(p)
    if (this.plans.length > 100) this.plans.shift()
    return p
  }
}

interface IndexPlan {
  ix: IndexMeta
  /** Loose: an entry with an unknown (NULL) further key stays a candidate. */
  where: string
  params: unknown[]
  score: number
  covered: boolean
  further: number[]
  /** Every constrained further key compared: exact when no candidate entry has an unknown further key. */
  strict: { where: string; params: unknown[] }
}

/** The partial index's condition: some further key of a compound index is unknown (written the same way everywhere). */
function unknownTerm(ix: IndexMeta): string {
  return `(${ix.fields
    .slice(1)
    .map((_f, i) => `t${i + 1} IS NULL`)
    .join(' OR ')})`
}

function* counted(rows: Iterable<StoredRow>, plan: PlanInfo): Generator<StoredRow> {
  for (const row of rows) {
    plan.examined++
    yield row
  }
}

const isOperatorObject = (v: unknown): v is Doc =>
  !!v &&
  typeof v === 'object' &&
  !Array.isArray(v) &&
  !(v instanceof Date) &&
  !(v instanceof RegExp) &&
  Object.keys(v).length > 0 &&
  Object.keys(v).every((k) => k.startsWith('$'))

/** The AND-ed (field, condition) pairs at the top of a query (including top-level $and). */
function conjuncts(query: Doc): [string, unknown][] {
  const out: [string, unknown][] = []
  for (const [k, v] of Object.entries(query)) {
    if (k === '$and' && Array.isArray(v)) for (const sub of v) out.push(...conjuncts(sub as Doc))
    else if (!k.startsWith('$')) out.push([k, v])
  }
  return out
}

const isScalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v) || v instanceof Date

/** Values the field must equal (one for eq, several for $in), or null. */
function equalityValues(cond: unknown): unknown[] | null {
  if (isScalar(cond)) return [cond]
  if (isOperatorObject(cond)) {
    if ('$eq' in cond && isScalar(cond.$eq)) return [cond.$eq]
    if ('$in' in cond && Array.isArray(cond.$in) && cond.$in.every(isScalar)) return cond.$in
  }
  return null
}

const RANGE_OPS = ['$gt', '$gte', '$lt', '$lte']
/** An operator object of range bounds only (one or several). */
const isRange = (cond: Doc) => Object.keys(cond).every((k) => RANGE_OPS.includes(k))

/** SQL over an index entry's (t<col>, v<col>) for a condition, or null when the index cannot express it. */
function indexPredicate(cond: unknown, col = ''): { where: string; params: unknown[]; rank: number } | null {
  const t = `t${col}`
  const vc = `v${col}`
  const eq = equalityValues(cond)
  if (eq) {
    if (!eq.length) return { where: '0', params: [], rank: 0 }
    const parts: string[] = []
    const params: unknown[] = []
    for (const v of eq) {
      const k = keyOf(v) as Key
      if (k[1] === null) (parts.push(`(${t} = ?)`), params.push(k[0]))
      else (parts.push(`(${t} = ? AND ${vc} = ?)`), params.push(k[0], k[1]))
    }
    return { where: parts.join(' OR '), params, rank: eq.length === 1 ? 1 : 2 }
  }
  if (!isOperatorObject(cond)) return null
  const bounds: [string, unknown][] = []
  for (const op of ['$gt', '$gte', '$lt', '$lte']) if (op in cond) bounds.push([op, cond[op]])
  if (!bounds.length) return null
  let bracket: number | null = null
  const parts: string[] = []
  const params: unknown[] = []
  for (const [op, v] of bounds) {
    if (!isScalar(v) || v === null || typeof v === 'boolean') return null
    const k = keyOf(v) as Key
    if (bracket !== null && bracket !== k[0]) return null
    bracket = k[0]
    parts.push(`${vc} ${({ $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' } as Record<string, string>)[op]} ?`)
    params.push(k[1])
  }
  return { where: `${t} = ? AND ${parts.join(' AND ')}`, params: [bracket, ...params], rank: 3 }
}

/** At most this many values of one $in key are walked side by side for an index-ordered scan. */
const MAX_MERGED_WALKS = 8

/** Merges index walks that are each in (st, sv, _id) order into one, dropping a document met twice. */
function* mergeWalks(
  walks: Iterator<StoredRow & { st: number; sv: unknown }>[],
  dir: 1 | -1,
  idDir: 1 | -1,
): Generator<StoredRow> {
  const heads = walks.map((w) => w.next())
  try {
    const seen = new Set<string>()
    const cmp = (a: StoredRow & { st: number; sv: unknown }, b: StoredRow & { st: number; sv: unknown }) => {
      if (a.st !== b.st) return (a.st - b.st) * dir
      const av = a.sv as number | null
      const bv = b.sv as number | null
      if (av !== bv) return ((av ?? 0) < (bv ?? 0) ? -1 : 1) * dir
      return (a._id < b._id ? -1 : a._id > b._id ? 1 : 0) * idDir
    }
    for (;;) {
      let best = -1
      for (let i = 0; i < heads.length; i++) {
        const h = heads[i]
        if (h.done) continue
        if (
          best < 0 ||
          cmp(h.value, (heads[best] as IteratorYieldResult<StoredRow & { st: number; sv: unknown }>).value) < 0
        )
          best = i
      }
      if (best < 0) return
      const row = (heads[best] as IteratorYieldResult<StoredRow & { st: number; sv: unknown }>).value
      heads[best] = walks[best].next()
      if (seen.has(row._id)) continue
      seen.add(row._id)
      yield row
    }
  } finally {
    // stopped early (the caller has its page): close every walk, or the connection stays busy
    for (const w of walks) w.return?.()
  }
}
