/**
 * A region and month as the dashboard shows it: from the snapshot (or, for the current month, counted live
 * when no snapshot exists yet or when asked), with the previous month's values and the children's values.
 */
import { AppError } from '../../../shared/errors'
import {
  addMonths,
  cstMonthOf,
  deriveValues,
  emptyCounts,
  type IndicatorKey,
  type OccupationCounts,
  type PolicyCounts,
  type PolicyDeliveryCounts,
  regionChainOf,
  type TrainingOccupationCounts,
} from '../../../shared/monitor/indicators'
import { toIsoCst } from '../../../shared/calendar/chinaTime'
import { childrenOf, getRegion, type RegionDoc } from '../repositories/region.repository'
import { childSnapshots, getSnapshot } from '../repositories/snapshot.repository'
import { regionFigures } from './figures.service'

export interface RegionView {
  region: RegionDoc
  month: string
  source: 'snapshot' | 'live' | 'none'
  asOf: string | null
  values: Record<IndicatorKey, number | null>
  previous: Record<IndicatorKey, number | null> | null
  occupations: OccupationCounts
  policies: PolicyCounts
  deliveries: PolicyDeliveryCounts
  training: TrainingOccupationCounts
  children: { region: RegionDoc; values: Record<IndicatorKey, number | null> }[]
  missing: string[]
}

/**
 * The live path is bounded: it counts at most one district's records (a district and its streets); a city or
 * the province is read from the snapshots only (before the day's first snapshot of a new month: 暂无数据).
 */
export const LIVE_LEVELS: readonly string[] = ['district', 'street']

const NULL_VALUES = () => deriveValues(emptyCounts(null))

export async function regionView(
  region: RegionDoc,
  monthIn: string | undefined,
  source: 'snapshot' | 'live' | undefined,
  now: Date,
  opts: { children?: boolean } = {},
): Promise<RegionView> {
  const current = cstMonthOf(now.getTime())
  const month = monthIn ?? current
  if (month > current) throw new AppError('VALIDATION_FAILED', '不能查看未来月份')
  if (source === 'live' && month !== current) throw new AppError('VALIDATION_FAILED', '实时计算只支持本月')
  if (source === 'live' && !LIVE_LEVELS.includes(region.level))
    throw new AppError('VALIDATION_FAILED', '实时计算只支持县（区）和街道（乡镇）；市、省的数据来自每日快照')
  const wantChildren = opts.children !== false
  const [snap, prev, tree] = await Promise.all([
    source === 'live' ? null : getSnapshot(month, region.code),
    getSnapshot(addMonths(month, -1), region.code),
    wantChildren ? childrenOf(region.code) : Promise.resolve([] as RegionDoc[]),
  ])
  const previous = prev?.values ?? null
  if (snap) {
    const docs = wantChildren ? await childSnapshots(month, region.code, { regionCode: true, values: true }) : []
    const byCode = new Map(docs.map((d) => [d.regionCode, d.values]))
    return {
      region,
      month,
      source: 'snapshot',
      asOf: toIsoCst(snap.asOfMs),
      values: snap.values,
      previous,
      occupations: snap.occupations,
      policies: snap.policies,
      deliveries: snap.deliveries ?? {},
      training: snap.training ?? {},
      children: tree.map((c) => ({ region: c, values: byCode.get(c.code) ?? NULL_VALUES() })),
      missing: snap.missing ?? [],
    }
  }
  if (month === current && LIVE_LEVELS.includes(region.level)) {
    const f = await regionFigures(region, tree, month, now.getTime())
    return {
      region,
      month,
      source: 'live',
      asOf: toIsoCst(now),
      values: f.total.values,
      previous,
      occupations: f.total.occupations,
      policies: f.total.policies,
      deliveries: f.total.deliveries,
      training: f.total.training,
      children: f.children.map((c) => ({ region: c.region, values: c.figures.values })),
      missing: f.missing,
    }
  }
  return {
    region,
    month,
    source: 'none',
    asOf: null,
    values: NULL_VALUES(),
    previous,
    occupations: {},
    policies: {},
    deliveries: {},
    training: {},
    children: tree.map((c) => ({ region: c, values: NULL_VALUES() })),
    missing: [],
  }
}

/** 山东省 › 济南市 › 历下区 › 街道: the region and its ancestors the caller may see (from one of `roots` down). */
export async function breadcrumbsOf(
  region: RegionDoc,
  roots: readonly string[],
): Promise<{ regionCode: string; regionName: string }[]> {
  const chain = regionChainOf(region.code).filter((c) => roots.some((r) => regionChainOf(c).includes(r)))
  const docs = await Promise.all(chain.slice(0, -1).map((c) => getRegion(c)))
  return [...docs.filter((d): d is RegionDoc => !!d), region].map((d) => ({ regionCode: d.code, regionName: d.name }))
}
