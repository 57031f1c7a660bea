/**
 * The seed pipeline's interfaces. `mock/seed/index.ts` runs the base seed (regions, persons, grids,
 * departments, demo identities) and then every module's seed in order, writing straight into the
 * emulator's store (not through the SDK, for speed). Module seeds live in `mock/seed/<module>.seed.ts`.
 */
export interface SeedWriter {
  /** Insert documents into a collection (created when missing). Each doc needs an `_id`. */
  insertMany(collection: string, docs: Record<string, unknown>[]): void | Promise<void>
}

export interface SeedOptions {
  /** Number of synthetic person records (default small, e.g. 2000; `--persons 1000000` for benches). */
  persons: number
  /** The seed's notion of now (the emulator clock). */
  now: Date
  /** Deterministic seed for the pseudo-random generator. */
  seed: number
}

/** What the base seed produced, for module seeds to build on. */
export interface SeedContext {
  /** Shandong districts (6-digit) with name, city code and a representative coordinate. */
  districts: { code: string; name: string; cityCode: string; cityName: string; lat: number; lng: number }[]
  /** Grids with their region code. */
  grids: { code: string; regionCode: string; streetCode: string; name: string }[]
  /** Person ids of the demo residents (bound to o_demo_resident / o_demo_resident2). */
  demoPersonIds: { resident: string; resident2: string }
  /** A seeded pseudo-random generator in [0, 1). */
  random: () => number
}

export type ModuleSeed = (writer: SeedWriter, options: SeedOptions, context: SeedContext) => void | Promise<void>
