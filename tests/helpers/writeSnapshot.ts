/**
 * What the emulator's store holds, per collection, as count / sum / max of its write versions: any insert, update
 * or delete between two snapshots shows. Used by the suites that prove a refusal wrote nothing.
 */
import type { TestEmulator } from './emulator'

export function writeSnapshot(emu: TestEmulator): Record<string, string> {
  const store = emu.server.store()
  const out: Record<string, string> = {}
  for (const name of store.listCollections()) {
    const table = store.meta(name).table
    const row = store.db
      .prepare(
        `SELECT COUNT(*) AS n, COALESCE(SUM(v % 2147483647), 0) AS s, COALESCE(MAX(v), 0) AS m FROM "${table.replace(/"/g, '""')}"`,
      )
      .get() as { n: number; s: number; m: number }
    out[name] = `${row.n}/${row.s}/${row.m}`
  }
  return out
}

/** The collections written between two snapshots, sorted. */
export const changedCollections = (a: Record<string, string>, b: Record<string, string>): string[] =>
  Object.keys({ ...a, ...b })
    .filter((k) => a[k] !== b[k])
    .sort()

/** The same, each with its before → after figures (for a failure message). */
export const describeChanges = (a: Record<string, string>, b: Record<string, string>): string[] =>
  changedCollections(a, b).map((k) => `${k}: ${a[k] ?? '—'} → ${b[k] ?? '—'}`)
