/**
 * A region's figures for a month, counted from the records: the region's own total and one row per child
 * region of the GB/T 2260 tree. The snapshot job runs it per district (children: streets) and the live path
 * runs it for the one region asked about. Totals are the sum of every row, so children sum to the parent.
 */
import {
  childLevelOf,
  COMPONENTS,
  type ComponentKey,
  COMPONENT_KEYS,
  type Counts,
  deriveValues,
  type IndicatorKey,
  type OccupationCounts,
  type PolicyCounts,
  type PolicyDeliveryCounts,
  REGION_LEVELS,
  type RegionLevel,
  sumCounts,
  sumOccupations,
  sumPolicies,
  sumDeliveries,
  sumTraining,
  type TrainingOccupationCounts,
} from '../../../shared/monitor/indicators'
import { aggregateScope, type Row } from '../repositories/sources.repository'
import type { RegionDoc } from '../repositories/region.repository'
import type { SnapshotDoc } from '../repositories/snapshot.repository'

export interface Figures {
  counts: Counts
  values: Record<IndicatorKey, number | null>
  occupations: OccupationCounts
  policies: PolicyCounts
  deliveries: PolicyDeliveryCounts
  training: TrainingOccupationCounts
}

const SOURCE_OF: Record<ComponentKey, string> = Object.fromEntries(
  COMPONENT_KEYS.map((k) => [k, COMPONENTS[k].source]),
) as Record<ComponentKey, string>

/** A component is null where its records do not name a region this fine, or its source does not exist yet. */
export function maskCounts(c: Counts, level: RegionLevel, missing: readonly string[]): Counts {
  const out = { ...c }
  for (const k of COMPONENT_KEYS) {
    const finer = REGION_LEVELS.indexOf(level) > REGION_LEVELS.indexOf(COMPONENTS[k].finest)
    out[k] = finer || missing.includes(SOURCE_OF[k]) ? null : (c[k] ?? 0)
  }
  return out
}

export function figuresOf(
  rows: readonly (Pick<Row, 'counts' | 'occupations' | 'policies'> & Partial<Pick<Row, 'deliveries' | 'training'>>)[],
  level: RegionLevel,
  missing: readonly string[],
): Figures {
  const counts = maskCounts(sumCounts(rows.map((r) => r.counts)), level, missing)
  const occupations = sumOccupations(rows.map((r) => r.occupations))
  // postings name a district: none wanted is 0 down to districts, unknown (null) for a street
  for (const o of Object.values(occupations)) o.postings = level === 'street' ? null : (o.postings ?? 0)
  return {
    counts,
    values: deriveValues(counts),
    occupations,
    policies: sumPolicies(rows.map((r) => r.policies)),
    deliveries: sumDeliveries(rows.map((r) => r.deliveries)),
    // courses name a district: a street has no training by occupation
    training: level === 'street' ? {} : sumTraining(rows.map((r) => r.training)),
  }
}

export interface RegionFigures {
  total: Figures
  children: { region: RegionDoc; figures: Figures }[]
  missing: string[]
}

export async function regionFigures(
  region: RegionDoc,
  children: readonly RegionDoc[],
  month: string,
  asOfMs: number,
): Promise<RegionFigures> {
  const by = childLevelOf(region.level) ?? region.level
  const { rows, missing } = await aggregateScope({ code: region.code, level: region.level, by, month, asOfMs })
  // Records attributed to no child of the tree (feedback naming only a city, a code missing from the tree) are
  // left out of the total too, so that children sum to the parent and the snapshot's roll-up equals a live count.
  const known = new Set(children.map((c) => c.code))
  const counted = [...rows.entries()].filter(([k]) => !children.length || k === '' || known.has(k)).map(([, r]) => r)
  const total = figuresOf(counted, region.level, missing)
  const out = children.map((c) => {
    const row = rows.get(c.code)
    return { region: c, figures: figuresOf(row ? [row] : [], c.level, missing) }
  })
  return { total, children: out, missing }
}

/** A parent's figures from its children's snapshots (the roll-up of the snapshot job). */
export function rollUp(
  level: RegionLevel,
  parts: readonly (Pick<SnapshotDoc, 'counts' | 'occupations' | 'policies' | 'missing'> &
    Partial<Pick<SnapshotDoc, 'deliveries' | 'training'>>)[],
): Figures & { missing: string[] } {
  const missing = Array.from(new Set(parts.flatMap((p) => p.missing ?? []))).sort()
  const f = figuresOf(
    parts.map((p) => ({
      counts: p.counts,
      occupations: p.occupations,
      policies: p.policies,
      deliveries: p.deliveries,
      training: p.training,
    })),
    level,
    missing,
  )
  return { ...f, missing }
}
