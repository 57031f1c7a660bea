/**
 * The overview answer built from a region's figures: shared by monitor.overview and monitor.export (the CSV shows
 * what the dashboard shows).
 */
import { INDICATORS, type IndicatorDef, ratio } from '../../../shared/monitor/indicators'
import type { DeliveryView, FunnelView, OverviewAnswer, TrainingOccupationView } from '../../../shared/monitor/views'
import { POLICY_LIBRARY } from '../../../shared/policies/library'
import { occupationName } from '../../../shared/occupations/occupations'
import type { RegionView } from '../services/view.service'

const POLICY_TITLES = new Map(POLICY_LIBRARY.map((p) => [p.id, p.title]))

export function funnelOf(v: Pick<RegionView, 'policies'>): FunnelView[] {
  return Object.entries(v.policies)
    .map(([policyId, p]) => ({ policyId, title: POLICY_TITLES.get(policyId) ?? policyId, ...p }))
    .sort((a, b) => b.eligible - a.eligible || a.policyId.localeCompare(b.policyId))
}

export function deliveriesOf(v: Pick<RegionView, 'deliveries'>): DeliveryView[] {
  return Object.entries(v.deliveries)
    .map(([policyId, d]) => ({
      policyId,
      title: POLICY_TITLES.get(policyId) ?? policyId,
      ...d,
      deliveryRate: ratio(d.delivered, d.queued),
    }))
    .sort((a, b) => b.queued - a.queued || a.policyId.localeCompare(b.policyId))
}

export function trainingOf(v: Pick<RegionView, 'training'>): TrainingOccupationView[] {
  return Object.entries(v.training)
    .map(([code, t]) => ({ occupationCode: code, occupationName: occupationName(code), ...t }))
    .sort(
      (a, b) =>
        b.certificates - a.certificates ||
        b.completions - a.completions ||
        b.seats - a.seats ||
        a.occupationCode.localeCompare(b.occupationCode),
    )
}

export function overviewAnswer(v: RegionView, breadcrumbs: OverviewAnswer['breadcrumbs']): OverviewAnswer {
  return {
    regionCode: v.region.code,
    regionName: v.region.name,
    level: v.region.level,
    month: v.month,
    source: v.source,
    asOf: v.asOf,
    breadcrumbs,
    indicators: (INDICATORS as readonly IndicatorDef[]).map((i) => ({
      key: i.key as OverviewAnswer['indicators'][number]['key'],
      label: i.label,
      value: v.values[i.key as keyof typeof v.values] ?? null,
      unit: i.unit,
      previous: v.previous ? (v.previous[i.key as keyof typeof v.previous] ?? null) : null,
      updatedAt: v.asOf,
      group: i.group,
      additive: i.additive,
    })),
    children: v.children.map((c) => ({
      regionCode: c.region.code,
      regionName: c.region.name,
      values: c.values,
      lat: c.region.lat ?? null,
      lng: c.region.lng ?? null,
    })),
    funnel: funnelOf(v),
    deliveries: deliveriesOf(v),
    training: trainingOf(v),
    missing: v.missing,
  }
}
