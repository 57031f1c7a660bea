/**
 * Seeding with a template cache: the seeded database of a given configuration (seed sources, database.json,
 * options, day) is built once into os.tmpdir()/zhijiu-emulator-templates/<hash>.sqlite and copied per
 * emulator start, so a test file starts in milliseconds instead of seeding again.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { deepClone, type Doc } from './ejson'
import { Store, type IndexDecl } from './store'
import { cstDateOf } from '../../shared/calendar/chinaTime'

export interface SeedConfig {
  persons?: number
  seed?: number
  now?: Date
}

type SeedAll = (
  writer: { insertMany(c: string, docs: Record<string, unknown>[]): void },
  options: SeedConfig,
) => Promise<unknown>

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name)
    if (d.isDirectory()) return d.name === 'node_modules' || d.name.startsWith('.') ? [] : listFiles(p)
    return [p]
  })
}

/** Hash of everything that shapes the seeded database. */
export function seedKey(root: string, config: SeedConfig | null): string {
  const h = createHash('sha256')
  h.update('v1\n')
  const declaredFile = path.join(root, 'cloudfunctions', 'database.json')
  if (fs.existsSync(declaredFile)) h.update(fs.readFileSync(declaredFile))
  // the seeds import shared/ and function code (ids, hashing, clocks): any change there may change the data
  for (const dir of ['mock/seed', 'mock/emulator', 'shared', 'cloudfunctions'].map((d) =>
    path.join(root, ...d.split('/')),
  )) {
    for (const f of listFiles(dir)
      .filter((x) => /\.(ts|js|json)$/.test(x))
      .sort()) {
      h.update(f)
      h.update(fs.readFileSync(f))
    }
  }
  // the seed's notion of now: the given one, else today (China time) so dates stay fresh
  const day = cstDateOf(Date.now())
  h.update(JSON.stringify({ config: config ? { ...config, now: config.now?.toISOString() } : null, day }))
  return h.digest('hex').slice(0, 24)
}

export function seedModulePath(root: string): string | null {
  const p = path.join(root, 'mock', 'seed', 'index.ts')
  return fs.existsSync(p) ? p : null
}

/** Run the project's seed into a store (no-op without mock/seed/index.ts). */
export async function seedInto(store: Store, root: string, config: SeedConfig): Promise<void> {
  const modPath = seedModulePath(root)
  if (!modPath) return
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(modPath) as { seedAll?: SeedAll }
  if (typeof mod.seedAll !== 'function') return
  const writer = {
    insertMany(collection: string, docs: Record<string, unknown>[]): void {
      if (!store.hasCollection(collection)) store.createCollection(collection)
      store.db.transaction(() => {
        for (const doc of docs) {
          const id = doc._id
          if (typeof id !== 'string' || !id) throw new Error(`seed: ${collection} document without a string _id`)
          store.put(collection, id, deepClone(doc) as Doc, !!store.get(collection, id))
        }
      })()
    },
  }
  await mod.seedAll(writer, config)
}

/**
 * Make `file` a seeded database: copy the cached template, building it first when missing.
 * Returns true when a template was used or built.
 */
export async function materializeSeeded(
  file: string,
  root: string,
  declared: Record<string, IndexDecl[]>,
  config: SeedConfig,
): Promise<void> {
  const dir = path.join(os.tmpdir(), 'zhijiu-emulator-templates')
  fs.mkdirSync(dir, { recursive: true })
  const template = path.join(dir, `${seedKey(root, config)}.sqlite`)
  for (let attempt = 0; ; attempt++) {
    if (!fs.existsSync(template)) {
      const building = path.join(dir, `build-${process.pid}-${Date.now()}.sqlite`)
      const store = new Store(building, declared)
      // a template under construction needs no durability (it is discarded unless complete): no fsyncs, the
      // rollback journal in memory (the WAL is turned off at the end anyway)
      store.db.pragma('journal_mode = MEMORY')
      store.db.pragma('synchronous = OFF')
      try {
        await seedInto(store, root, { ...config, now: config.now ?? new Date() })
        store.db.pragma('wal_checkpoint(TRUNCATE)')
        store.db.pragma('journal_mode = DELETE')
      } finally {
        store.close()
      }
      for (const ext of ['-wal', '-shm']) fs.rmSync(building + ext, { force: true })
      fs.renameSync(building, template)
      pruneTemplates(dir)
    }
    removeDatabaseFiles(file)
    try {
      // copy-on-write where the file system can (instant), a plain copy elsewhere
      fs.copyFileSync(template, file, fs.constants.COPYFILE_FICLONE)
    } catch (e) {
      if ((e as { code?: string }).code === 'ENOENT' && attempt < 2) continue // pruned meanwhile: build again
      throw e
    }
    try {
      const t = new Date()
      fs.utimesSync(template, t, t)
    } catch {
      /* a concurrent prune */
    }
    return
  }
}

/** Keep the template cache small: drop templates unused for an hour beyond the 20 most recent. */
function pruneTemplates(dir: string): void {
  try {
    for (const f of fs.readdirSync(dir)) {
      // leftovers of builds that crashed
      if (f.startsWith('build-') && Date.now() - fs.statSync(path.join(dir, f)).mtimeMs > 3600_000)
        fs.rmSync(path.join(dir, f), { force: true })
    }
    const files = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.sqlite') && !f.startsWith('build-'))
      .map((f) => ({ f, t: fs.statSync(path.join(dir, f)).mtimeMs }))
      .sort((a, b) => b.t - a.t)
    for (const { f, t } of files.slice(20)) if (Date.now() - t > 3600_000) fs.rmSync(path.join(dir, f), { force: true })
  } catch {
    /* best effort */
  }
}

export function removeDatabaseFiles(file: string): void {
  for (const ext of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + ext, { force: true })
}
