/**
 * 就业监测 indicators, defined once: the monitor function computes them, the dashboard labels and formats
 * them, the export names its columns after them, and docs/glossary.md states the same definitions.
 *
 * Every indicator is derived from additive components (counts and sums) that the snapshot job aggregates per
 * region and month; a ratio is a ratio of two components, so a parent's ratio is computed from the summed
 * components of its children, never averaged. Pure: no I/O.
 */
import { cstDateOf, cstMonthMs } from '../calendar/chinaTime'
import type { OutboxState } from '../actions/notify'

/** Region levels of the GB/T 2260 tree (the `regions` collection): 省 → 市 → 县（区） → 街道（乡镇）. */
export const REGION_LEVELS = ['province', 'city', 'district', 'street'] as const
export type RegionLevel = (typeof REGION_LEVELS)[number]
export const REGION_LEVEL_LABELS: Record<RegionLevel, string> = {
  province: '省',
  city: '市',
  district: '县（区）',
  street: '街道（乡镇）',
}

/**
 * The additive components. `finest`: the finest level whose records carry the region (postings, courses and
 * feedback name a district, not a street: below it the component is null, 「暂无数据」).
 * `source`: the collection it is counted from.
 */
export const COMPONENTS = {
  registeredUnemployed: {
    source: 'persons',
    finest: 'street',
    how: '登记失业的人员数（registeredUnemployed 为真），快照时点',
  },
  newRegistrations: {
    source: 'persons',
    finest: 'street',
    how: '登记失业日期（registeredUnemployedSince）在本月内的人员数',
  },
  jobSeekers: { source: 'persons', finest: 'street', how: '未就业或登记失业的人员数，每人只计一次，快照时点' },
  postings: { source: 'jobs', finest: 'district', how: '在招岗位（status 为 open 且未过期）的招聘人数之和，快照时点' },
  postingCount: { source: 'jobs', finest: 'district', how: '在招岗位的条数，快照时点' },
  policyEligible: {
    source: 'policy_matches',
    finest: 'street',
    how: '符合政策条件的人次（policy_matches 中 status 为 eligible）',
  },
  policyTold: {
    source: 'policy_matches',
    finest: 'street',
    how: '其中已告知的人次：政策匹配订阅消息已送达（发件箱 state 为 sent），或其走访任务（转走访或推送未达转走访）已由走访完成',
  },
  policyApplied: {
    source: 'service_applications',
    finest: 'street',
    how: '政策申领申请数（kind 为 policy:*，已提交，不含草稿和撤回）',
  },
  policyApproved: { source: 'service_applications', finest: 'street', how: '其中已批准的申请数' },
  trainingSeats: { source: 'courses', finest: 'district', how: '本月开班的在办培训班的名额之和' },
  trainingFilled: { source: 'courses', finest: 'district', how: '这些培训班已确认报名的人数之和' },
  trainingCompletions: {
    source: 'training_signups',
    finest: 'district',
    how: '本月完成培训（报名状态为 completed，completedAt 在本月）的人数',
  },
  feedbackTotal: {
    source: 'feedback',
    finest: 'district',
    how: '本月提交并已发布的诉求件数（按诉求所在县区；只写到市或省的诉求不计入，不含待审核、已驳回）',
  },
  feedbackDue: {
    source: 'feedback',
    finest: 'district',
    how: '本月提交的诉求中应答复的件数（已答复，或已过答复期限）',
  },
  feedbackOnTime: { source: 'feedback', finest: 'district', how: '其中在答复期限内首次答复的件数' },
  feedbackResolved: { source: 'feedback', finest: 'district', how: '本月提交的诉求中已解决或已办结的件数' },
  feedbackRated: { source: 'feedback', finest: 'district', how: '本月提交的诉求中已评价的件数' },
  feedbackSatisfied: { source: 'feedback', finest: 'district', how: '其中评价为 4 分或 5 分的件数' },
  feedbackOverdue: {
    source: 'feedback',
    finest: 'district',
    how: '快照时点已过答复期限仍未答复的诉求件数（不限提交月份）',
  },
  visitAssigned: {
    source: 'visit_tasks',
    finest: 'street',
    how: '本月应访人数：有未完成走访任务、或本月有任务被走访完成的人员数（每人只计一次）',
  },
  visitVisited: { source: 'visit_tasks', finest: 'street', how: '其中本月已走访（任务由走访完成）的人员数' },
  visitOverdue: { source: 'visit_tasks', finest: 'street', how: '快照时点已过期限仍未完成的走访任务数' },
  pushQueued: {
    source: 'outbox',
    finest: 'street',
    how: '本月政策匹配发出的订阅消息条数（policy_matches 中 channel 为 push、matchedAtMs 在本月，且发件箱 outbox 有其记录），按被匹配人所在街道',
  },
  pushDelivered: { source: 'outbox', finest: 'street', how: '其中微信已接收的条数（发件箱 state 为 sent）' },
  pushRefused: {
    source: 'outbox',
    finest: 'street',
    how: '其中因用户未授权、授权已用完或未绑定微信而未发送的条数（state 为 skipped）',
  },
  pushFailed: {
    source: 'outbox',
    finest: 'street',
    how: '其中发送失败的条数（state 为 dead：模板不符、被微信拒绝或重试用尽）',
  },
  pushPending: {
    source: 'outbox',
    finest: 'street',
    how: '其中尚未发出或结果不明的条数（state 为 pending、claimed、sending 或 uncertain）',
  },
  pushFallbacks: {
    source: 'outbox',
    finest: 'street',
    how: '其中未送达而转为网格员走访任务的条数（fallbackDone 为真）',
  },
  trainingCertificates: {
    source: 'training_records',
    finest: 'district',
    how: '本月结业并登记了证书编号的人数（training_records 中 certificateNo 不为空、completedAtMs 在本月），按培训班所在县区',
  },
} as const satisfies Record<string, { source: string; finest: RegionLevel; how: string }>

export type ComponentKey = keyof typeof COMPONENTS
export const COMPONENT_KEYS = Object.keys(COMPONENTS) as ComponentKey[]
/** Component values of one region and month; null = 暂无数据 (the module does not record it, or not at this level). */
export type Counts = Record<ComponentKey, number | null>

export type IndicatorGroup = 'labour' | 'policy' | 'delivery' | 'training' | 'feedback' | 'outreach'
export const INDICATOR_GROUP_LABELS: Record<IndicatorGroup, string> = {
  labour: '劳动力市场',
  policy: '政策触达',
  delivery: '政策消息送达',
  training: '职业培训',
  feedback: '诉求办理',
  outreach: '网格走访',
}

export interface IndicatorDef {
  key: string
  label: string
  group: IndicatorGroup
  /** 人, 个, 件, 条 (messages), 人次, 倍 (a ratio shown as 1.25), % (a rate in [0, 1] shown as 83.5%). */
  unit: '人' | '个' | '件' | '条' | '人次' | '倍' | '%'
  /** Children sum to the parent (counts); false for ratios. */
  additive: boolean
  /** For an additive indicator: its component; for a ratio: numerator / denominator. */
  of: ComponentKey | { num: ComponentKey; den: ComponentKey }
  /** A larger value is better (the dashboard colours changes with it); null: neither. */
  higherIsBetter: boolean | null
  /** The definition shown in the glossary and the dashboard's 口径说明. */
  definition: string
}

const def = (d: IndicatorDef) => d

export const INDICATORS = [
  def({
    key: 'registeredUnemployed',
    label: '登记失业人数',
    group: 'labour',
    unit: '人',
    additive: true,
    of: 'registeredUnemployed',
    higherIsBetter: false,
    definition: '在公共就业服务机构登记失业的人员数，快照时点',
  }),
  def({
    key: 'newUnemploymentRegistrations',
    label: '新增失业登记',
    group: 'labour',
    unit: '人',
    additive: true,
    of: 'newRegistrations',
    higherIsBetter: false,
    definition: '本月（北京时间）新办理失业登记的人员数',
  }),
  def({
    key: 'activePostings',
    label: '岗位需求人数',
    group: 'labour',
    unit: '人',
    additive: true,
    of: 'postings',
    higherIsBetter: true,
    definition: '在招岗位（发布中、未过期）的招聘人数之和',
  }),
  def({
    key: 'activePostingCount',
    label: '在招岗位数',
    group: 'labour',
    unit: '个',
    additive: true,
    of: 'postingCount',
    higherIsBetter: true,
    definition: '发布中、未过期的岗位条数',
  }),
  def({
    key: 'jobSeekers',
    label: '求职人数',
    group: 'labour',
    unit: '人',
    additive: true,
    of: 'jobSeekers',
    higherIsBetter: null,
    definition: '未就业或登记失业的人员数，每人只计一次',
  }),
  def({
    key: 'demandSupplyRatio',
    label: '求人倍率',
    group: 'labour',
    unit: '倍',
    additive: false,
    of: { num: 'postings', den: 'jobSeekers' },
    higherIsBetter: true,
    definition: '岗位需求人数 ÷ 求职人数；大于 1 表示岗位多于求职者',
  }),
  def({
    key: 'policyEligible',
    label: '政策符合人次',
    group: 'policy',
    unit: '人次',
    additive: true,
    of: 'policyEligible',
    higherIsBetter: null,
    definition: '经政策匹配符合条件的人次（一人符合两项政策计两次）',
  }),
  def({
    key: 'policyTold',
    label: '政策告知人次',
    group: 'policy',
    unit: '人次',
    additive: true,
    of: 'policyTold',
    higherIsBetter: true,
    definition: '符合条件并已告知的人次：政策匹配订阅消息已送达，或网格员已上门走访告知',
  }),
  def({
    key: 'policyApplied',
    label: '政策申领件数',
    group: 'policy',
    unit: '件',
    additive: true,
    of: 'policyApplied',
    higherIsBetter: true,
    definition: '已提交的政策申领申请数（业务经办模块上线前显示暂无数据）',
  }),
  def({
    key: 'policyApproved',
    label: '政策兑现件数',
    group: 'policy',
    unit: '件',
    additive: true,
    of: 'policyApproved',
    higherIsBetter: true,
    definition: '已批准的政策申领申请数（业务经办模块上线前显示暂无数据）',
  }),
  def({
    key: 'trainingSeats',
    label: '培训名额',
    group: 'training',
    unit: '个',
    additive: true,
    of: 'trainingSeats',
    higherIsBetter: true,
    definition: '本月开班的培训班提供的名额',
  }),
  def({
    key: 'trainingFilled',
    label: '培训报名人数',
    group: 'training',
    unit: '人',
    additive: true,
    of: 'trainingFilled',
    higherIsBetter: true,
    definition: '本月开班的培训班已确认报名的人数',
  }),
  def({
    key: 'trainingFillRate',
    label: '培训满班率',
    group: 'training',
    unit: '%',
    additive: false,
    of: { num: 'trainingFilled', den: 'trainingSeats' },
    higherIsBetter: true,
    definition: '培训报名人数 ÷ 培训名额',
  }),
  def({
    key: 'trainingCompletions',
    label: '培训结业人数',
    group: 'training',
    unit: '人',
    additive: true,
    of: 'trainingCompletions',
    higherIsBetter: true,
    definition: '本月完成培训（结业）的人数',
  }),
  def({
    key: 'feedbackVolume',
    label: '诉求件数',
    group: 'feedback',
    unit: '件',
    additive: true,
    of: 'feedbackTotal',
    higherIsBetter: null,
    definition: '本月提交的咨询、投诉、建议、表扬件数',
  }),
  def({
    key: 'feedbackOnTimeRate',
    label: '按期答复率',
    group: 'feedback',
    unit: '%',
    additive: false,
    of: { num: 'feedbackOnTime', den: 'feedbackDue' },
    higherIsBetter: true,
    definition: '在答复期限内首次答复的件数 ÷ 应答复件数（已答复或已过期限）',
  }),
  def({
    key: 'feedbackResolvedRate',
    label: '解决率',
    group: 'feedback',
    unit: '%',
    additive: false,
    of: { num: 'feedbackResolved', den: 'feedbackTotal' },
    higherIsBetter: true,
    definition: '已解决或已办结的件数 ÷ 诉求件数',
  }),
  def({
    key: 'feedbackSatisfactionRate',
    label: '满意率',
    group: 'feedback',
    unit: '%',
    additive: false,
    of: { num: 'feedbackSatisfied', den: 'feedbackRated' },
    higherIsBetter: true,
    definition: '评价 4 分或 5 分的件数 ÷ 已评价件数',
  }),
  def({
    key: 'feedbackOverdue',
    label: '逾期未答复',
    group: 'feedback',
    unit: '件',
    additive: true,
    of: 'feedbackOverdue',
    higherIsBetter: false,
    definition: '已过答复期限仍未答复的诉求件数，快照时点',
  }),
  def({
    key: 'visitAssigned',
    label: '应访人数',
    group: 'outreach',
    unit: '人',
    additive: true,
    of: 'visitAssigned',
    higherIsBetter: null,
    definition: '本月网格员应走访的人员数',
  }),
  def({
    key: 'visitCoverage',
    label: '走访覆盖率',
    group: 'outreach',
    unit: '%',
    additive: false,
    of: { num: 'visitVisited', den: 'visitAssigned' },
    higherIsBetter: true,
    definition: '本月已走访人数 ÷ 应访人数',
  }),
  def({
    key: 'visitOverdue',
    label: '逾期走访任务',
    group: 'outreach',
    unit: '件',
    additive: true,
    of: 'visitOverdue',
    higherIsBetter: false,
    definition: '已过期限仍未完成的走访任务数，快照时点',
  }),
  def({
    key: 'pushQueued',
    label: '政策消息发出条数',
    group: 'delivery',
    unit: '条',
    additive: true,
    of: 'pushQueued',
    higherIsBetter: null,
    definition: '本月政策找人匹配到已绑定微信的居民后，进入发件箱的政策匹配订阅消息条数',
  }),
  def({
    key: 'pushDelivered',
    label: '政策消息送达条数',
    group: 'delivery',
    unit: '条',
    additive: true,
    of: 'pushDelivered',
    higherIsBetter: true,
    definition: '其中微信已接收（发送成功）的条数',
  }),
  def({
    key: 'pushDeliveryRate',
    label: '政策消息送达率',
    group: 'delivery',
    unit: '%',
    additive: false,
    of: { num: 'pushDelivered', den: 'pushQueued' },
    higherIsBetter: true,
    definition: '政策消息送达条数 ÷ 政策消息发出条数',
  }),
  def({
    key: 'pushRefused',
    label: '未授权未发送',
    group: 'delivery',
    unit: '条',
    additive: true,
    of: 'pushRefused',
    higherIsBetter: false,
    definition: '居民未授权订阅消息、授权已用完或未绑定微信，因而没有发送的条数',
  }),
  def({
    key: 'pushFailed',
    label: '发送失败',
    group: 'delivery',
    unit: '条',
    additive: true,
    of: 'pushFailed',
    higherIsBetter: false,
    definition: '被微信拒绝、模板不符或多次重试仍失败的条数',
  }),
  def({
    key: 'pushPending',
    label: '待发送或结果不明',
    group: 'delivery',
    unit: '条',
    additive: true,
    of: 'pushPending',
    higherIsBetter: null,
    definition: '尚在发件箱排队，或发送途中中断、无法确认是否送达的条数',
  }),
  def({
    key: 'pushFallbacks',
    label: '未送达转走访',
    group: 'delivery',
    unit: '条',
    additive: true,
    of: 'pushFallbacks',
    higherIsBetter: null,
    definition: '未送达（未授权或发送失败）而转为网格员上门告知任务的条数',
  }),
  def({
    key: 'trainingCertificates',
    label: '培训取证人数',
    group: 'training',
    unit: '人',
    additive: true,
    of: 'trainingCertificates',
    higherIsBetter: true,
    definition: '本月培训结业并取得证书（登记了证书编号）的人数',
  }),
] as const

export type IndicatorKey = (typeof INDICATORS)[number]['key']
export const INDICATOR_KEYS = INDICATORS.map((i) => i.key) as IndicatorKey[]
const BY_KEY = new Map<string, IndicatorDef>(INDICATORS.map((i) => [i.key, i]))
export const indicatorOf = (key: string): IndicatorDef | undefined => BY_KEY.get(key)

/** The indicators the overview cards show first (the contract's keys). */
export const HEADLINE_KEYS: IndicatorKey[] = [
  'registeredUnemployed',
  'activePostings',
  'jobSeekers',
  'demandSupplyRatio',
  'feedbackOnTimeRate',
  'visitCoverage',
]

/** Minimum headcount wanted before an occupation enters the shortage ranking (短缺职业排行). */
export const SHORTAGE_MIN_POSTINGS = 20
export const SHORTAGE_TOP = 10

export const emptyCounts = (value: number | null = 0): Counts =>
  Object.fromEntries(COMPONENT_KEYS.map((k) => [k, value])) as Counts

/** Sum of components; a component is null only when it is null in every part (暂无数据 stays 暂无数据). */
export function sumCounts(parts: readonly Counts[]): Counts {
  const out = emptyCounts(null)
  for (const p of parts) {
    for (const k of COMPONENT_KEYS) {
      const v = p[k]
      if (v === null || v === undefined) continue
      out[k] = (out[k] ?? 0) + v
    }
  }
  return out
}

/** A ratio rounded to 4 decimals; null when the denominator is 0 or either part is unknown. */
export function ratio(num: number | null, den: number | null): number | null {
  if (num === null || den === null || den === 0) return null
  return Math.round((num / den) * 10000) / 10000
}

/** Every indicator's value from a region's components. */
export function deriveValues(c: Counts): Record<IndicatorKey, number | null> {
  const out: Record<string, number | null> = {}
  for (const i of INDICATORS as readonly IndicatorDef[]) {
    out[i.key] = typeof i.of === 'string' ? (c[i.of] ?? null) : ratio(c[i.of.num] ?? null, c[i.of.den] ?? null)
  }
  return out as Record<IndicatorKey, number | null>
}

/** Occupation figures of one region: code → {postings (headcount wanted), seekers}. */
export type OccupationCounts = Record<string, { postings: number | null; seekers: number }>
/** Policy funnel of one region: policyId → components. */
export type PolicyCounts = Record<
  string,
  { eligible: number; told: number; applied: number | null; approved: number | null }
>

export function sumOccupations(parts: readonly OccupationCounts[]): OccupationCounts {
  const out: OccupationCounts = {}
  for (const p of parts) {
    for (const [code, v] of Object.entries(p)) {
      const o = (out[code] ??= { postings: null, seekers: 0 })
      if (v.postings !== null) o.postings = (o.postings ?? 0) + v.postings
      o.seekers += v.seekers
    }
  }
  return out
}

export function sumPolicies(parts: readonly PolicyCounts[]): PolicyCounts {
  const out: PolicyCounts = {}
  const add = (a: number | null, b: number | null) => (a === null && b === null ? null : (a ?? 0) + (b ?? 0))
  for (const p of parts) {
    for (const [id, v] of Object.entries(p)) {
      const o = (out[id] ??= { eligible: 0, told: 0, applied: null, approved: null })
      o.eligible += v.eligible
      o.told += v.told
      o.applied = add(o.applied, v.applied)
      o.approved = add(o.approved, v.approved)
    }
  }
  return out
}

/**
 * 政策找人 subscription messages of one policy: how many went to the outbox and where they stand.
 * queued = delivered + refused + failed + pending; fallbacks counts the refused or failed turned into a visit task.
 */
export interface DeliveryCounts {
  queued: number
  delivered: number
  refused: number
  failed: number
  pending: number
  fallbacks: number
}
/** Deliveries of one region: policyId → counts. */
export type PolicyDeliveryCounts = Record<string, DeliveryCounts>

/** Where an outbox state leaves a message (typed against every OutboxState: a new state must be placed). */
export const DELIVERY_BUCKET: Record<OutboxState, 'delivered' | 'refused' | 'failed' | 'pending'> = {
  pending: 'pending',
  claimed: 'pending',
  sending: 'pending',
  uncertain: 'pending',
  sent: 'delivered',
  skipped: 'refused',
  dead: 'failed',
}
export type DeliveryBucket = (typeof DELIVERY_BUCKET)[OutboxState]
/** The bucket of a stored state; an unknown state counts as pending (not yet known to be delivered). */
export const deliveryBucketOf = (state: string): DeliveryBucket =>
  (DELIVERY_BUCKET as Record<string, DeliveryBucket>)[state] ?? 'pending'

export const emptyDelivery = (): DeliveryCounts => ({
  queued: 0,
  delivered: 0,
  refused: 0,
  failed: 0,
  pending: 0,
  fallbacks: 0,
})

export function sumDeliveries(parts: readonly (PolicyDeliveryCounts | undefined)[]): PolicyDeliveryCounts {
  const out: PolicyDeliveryCounts = {}
  for (const p of parts) {
    for (const [id, v] of Object.entries(p ?? {})) {
      const o = (out[id] ??= emptyDelivery())
      for (const k of Object.keys(o) as (keyof DeliveryCounts)[]) o[k] += v[k] ?? 0
    }
  }
  return out
}

/** A region's delivery components: the per-policy counts summed over its policies. */
export function deliveryComponents(
  d: PolicyDeliveryCounts,
): Pick<Counts, 'pushQueued' | 'pushDelivered' | 'pushRefused' | 'pushFailed' | 'pushPending' | 'pushFallbacks'> {
  const all = emptyDelivery()
  for (const v of Object.values(d)) for (const k of Object.keys(all) as (keyof DeliveryCounts)[]) all[k] += v[k] ?? 0
  return {
    pushQueued: all.queued,
    pushDelivered: all.delivered,
    pushRefused: all.refused,
    pushFailed: all.failed,
    pushPending: all.pending,
    pushFallbacks: all.fallbacks,
  }
}

/** Training of one occupation in a region and month: seats and filled of courses starting, completions, certificates. */
export interface TrainingCounts {
  seats: number
  filled: number
  completions: number
  certificates: number
}
/** Training by occupation of one region: occupation code (shared/occupations) → counts. */
export type TrainingOccupationCounts = Record<string, TrainingCounts>

export function sumTraining(parts: readonly (TrainingOccupationCounts | undefined)[]): TrainingOccupationCounts {
  const out: TrainingOccupationCounts = {}
  for (const p of parts) {
    for (const [code, v] of Object.entries(p ?? {})) {
      const o = (out[code] ??= { seats: 0, filled: 0, completions: 0, certificates: 0 })
      o.seats += v.seats ?? 0
      o.filled += v.filled ?? 0
      o.completions += v.completions ?? 0
      o.certificates += v.certificates ?? 0
    }
  }
  return out
}

export interface OccupationRow {
  occupationCode: string
  occupationName: string
  postings: number | null
  seekers: number
  ratio: number | null
}

/** The shortage ranking: the highest 求人倍率 among occupations with at least SHORTAGE_MIN_POSTINGS wanted. */
export function shortageRanking(rows: readonly OccupationRow[], top = SHORTAGE_TOP): OccupationRow[] {
  return rows
    .filter((r) => (r.postings ?? 0) >= SHORTAGE_MIN_POSTINGS)
    .sort(
      (a, b) =>
        (b.ratio ?? Number.POSITIVE_INFINITY) - (a.ratio ?? Number.POSITIVE_INFINITY) ||
        (b.postings ?? 0) - (a.postings ?? 0) ||
        a.occupationCode.localeCompare(b.occupationCode),
    )
    .slice(0, top)
}

// ---- months (China time) ----

export const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/

/** 'YYYY-MM' of an instant in China time. */
export const cstMonthOf = (ms: number): string => cstDateOf(ms).slice(0, 7)
export { cstDateOf }
/** [start, end) of a China-time month in epoch ms. */
export function monthBoundsMs(month: string): { startMs: number; endMs: number } {
  const [y, m] = month.split('-').map(Number)
  return { startMs: cstMonthMs(y, m - 1), endMs: cstMonthMs(y, m) }
}
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number)
  const t = y * 12 + (m - 1) + n
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`
}
/** Months from `from` to `to` inclusive (at most `max`). */
export function monthsBetween(from: string, to: string, max = 36): string[] {
  const out: string[] = []
  for (let m = from; m <= to && out.length < max; m = addMonths(m, 1)) out.push(m)
  return out
}

// ---- regions ----

/** The level of a region code: 9-digit streets; 6-digit codes by their trailing zeros (370000, 370100, 370102). */
export function levelOfCode(code: string): RegionLevel {
  if (code.length === 9) return 'street'
  if (code.endsWith('0000')) return 'province'
  if (code.endsWith('00')) return 'city'
  return 'district'
}
/** The codes of a region and its ancestors, province first (370102001 → 370000, 370100, 370102, 370102001). */
export function regionChainOf(code: string): string[] {
  const out = [`${code.slice(0, 2)}0000`]
  const level = levelOfCode(code)
  if (level === 'province') return out
  out.push(`${code.slice(0, 4)}00`)
  if (level === 'city') return out
  out.push(code.slice(0, 6))
  if (level === 'street') out.push(code)
  return out
}
/** Is `code` the region `scope` or inside it? */
export const regionWithin = (code: string, scope: string): boolean => regionChainOf(code).includes(scope)
export const childLevelOf = (level: RegionLevel): RegionLevel | null =>
  REGION_LEVELS[REGION_LEVELS.indexOf(level) + 1] ?? null
