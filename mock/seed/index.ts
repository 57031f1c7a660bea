/**
 * The seed: base data (regions, departments, grids and their workers, persons, the demo identities), then each
 * module's seed (`mock/seed/<module>.seed.ts`, default export a ModuleSeed) when the file exists.
 * Deterministic for a given seed and now. Used by the emulator (reset / first start) and by mock/seed/generate.ts.
 */
import type { ModuleSeed, SeedContext, SeedOptions, SeedWriter } from './types'
import { DISTRICTS, regionDocs } from './base/divisions'
import { buildDepartments } from './base/departments'
import { buildGrids } from './base/grids'
import { demoPersons, demoUsers, DEMO_GRIDS, DEMO_OPENIDS, DEMO_PERSON_IDS } from './base/demo'
import { generatePersons } from './base/persons'
import { createRandom } from '../../shared/random'
import { toIsoCst } from '../../shared/calendar/chinaTime'

export const DEFAULT_SEED_OPTIONS = { persons: 2000, seed: 42 } as const

export interface SeedAllOptions extends Partial<SeedOptions> {
  /** Print progress on stderr (default: when more than 50,000 persons). A function receives it instead. */
  progress?: boolean | ((done: number, total: number) => void)
  /** Documents per insertMany call. */
  batchSize?: number
}

/**
 * Module seeds, in order. A static list (so bundlers see every path) where a missing file is skipped:
 * module engineers add `mock/seed/<module>.seed.ts` without touching this file.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const MODULE_SEEDS: [string, () => unknown][] = [
  ['job', () => require('./job.seed')],
  ['policy', () => require('./policy.seed')],
  ['training', () => require('./training.seed')],
  ['feedback', () => require('./feedback.seed')],
  ['outreach', () => require('./outreach.seed')],
  ['notify', () => require('./notify.seed')],
  ['assistant', () => require('./assistant.seed')],
]
/* eslint-enable @typescript-eslint/no-require-imports */

export function loadModuleSeed(name: string, load: () => unknown): ModuleSeed | null {
  let mod: unknown
  try {
    mod = load()
  } catch (e) {
    const err = e as { code?: string; message?: string }
    // Only "this very file is missing" is skipped; an error inside an existing seed (a missing import
    // included) surfaces.
    if (new RegExp(`Cannot find module '\\./${name}\\.seed'`).test(String(err?.message))) return null
    throw e
  }
  const fn = (mod as { default?: unknown })?.default ?? mod
  return typeof fn === 'function' ? (fn as ModuleSeed) : null
}

export async function seedAll(writer: SeedWriter, options: SeedAllOptions = {}): Promise<SeedContext> {
  const opts: SeedOptions = {
    persons: options.persons ?? DEFAULT_SEED_OPTIONS.persons,
    seed: options.seed ?? DEFAULT_SEED_OPTIONS.seed,
    now: options.now ?? new Date(),
  }
  const nowMs = opts.now.getTime()
  const at = toIsoCst(nowMs)
  const batchSize = options.batchSize ?? 5000
  const report =
    typeof options.progress === 'function'
      ? options.progress
      : (options.progress ?? opts.persons > 50_000)
        ? (done: number, total: number) =>
            process.stderr.write(
              `\rseed: persons ${done}/${total} (${Math.round((done / Math.max(1, total)) * 100)}%)${done === total ? '\n' : ''}`,
            )
        : null
  const random = createRandom(opts.seed)

  const insert = async (collection: string, docs: Record<string, unknown>[]) => {
    for (let i = 0; i < docs.length; i += batchSize) await writer.insertMany(collection, docs.slice(i, i + batchSize))
  }

  await insert('regions', regionDocs())
  await insert(
    'departments',
    buildDepartments().map((d) => ({ ...d, createdAt: at })),
  )

  const demoGridWorkers = { [DEMO_OPENIDS.grid]: DEMO_GRIDS.grid, [DEMO_OPENIDS.grid2]: DEMO_GRIDS.grid2 }
  const grids = buildGrids(createRandom(opts.seed ^ 0x9e3779b9), demoGridWorkers)
  await insert(
    'grids',
    grids.docs.map((g) => ({ ...g, createdAt: at })),
  )

  const demo = demoUsers()
  const demoIds = new Set<string>(demo.map((u) => u._id))
  const workerUsers = grids.workers
    .filter((w) => !demoIds.has(w.openid))
    .map((w) => ({
      _id: w.openid,
      roles: ['resident', 'grid'],
      personId: null,
      gridCodes: [w.gridCode],
      profile: { nickname: `网格员${w.name.slice(0, 1)}` },
      createdAt: at,
      updatedAt: at,
    }))
  await insert('users', [...demo.map((u) => ({ ...u, createdAt: at, updatedAt: at })), ...workerUsers])

  const demoDocs = demoPersons(nowMs)
  await insert('persons', demoDocs)
  const hukouDistricts: [string, number][] = grids.placements.length
    ? Array.from(new Set(grids.placements.map((p) => p.districtCode))).map((c) => [c, 1])
    : []
  let done = 0
  for (const batch of generatePersons({
    count: opts.persons,
    seed: opts.seed,
    nowMs,
    placements: grids.placements,
    hukouDistricts,
    batchSize,
    takenIdNumbers: demoDocs.map((d) => d.idNumber),
  })) {
    await writer.insertMany('persons', batch)
    done += batch.length
    report?.(done, opts.persons)
  }

  const context: SeedContext = {
    districts: DISTRICTS.map((d) => ({
      code: d.code,
      name: d.name,
      cityCode: d.cityCode,
      cityName: d.cityName,
      lat: d.lat,
      lng: d.lng,
    })),
    grids: grids.docs
      .filter((g) => g.level === 'community')
      .map((g) => ({ code: g.code, regionCode: g.regionCode, streetCode: g.streetCode ?? '', name: g.name })),
    demoPersonIds: { resident: DEMO_PERSON_IDS.resident, resident2: DEMO_PERSON_IDS.resident2 },
    random,
  }

  for (const [name, load] of MODULE_SEEDS) {
    const seed = loadModuleSeed(name, load)
    if (seed) await seed(writer, opts, context)
  }
  return context
}

export { DEMO_OPENIDS, DEMO_GRIDS, DEMO_PERSON_IDS } from './base/demo'
export { DEMO_DEPARTMENTS, demoIdentityCards } from './base/demo'
