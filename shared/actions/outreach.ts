/**
 * The outreach module (网格员走访): grid workers' lists, visits, contact reveals and grid statistics.
 * The per-visit schema is exported on its own: the mini-program's offline queue validates each visit with it
 * before queuing, so a batch the server refuses as malformed is rare (see shared/outreach/syncQueue.ts).
 */
import { z } from 'zod'
import { defineModule } from './define'
import { id, isoDateTime, paging, requestId, text } from './common'

export const VISIT_OUTCOMES = ['reached', 'unreachable', 'refused', 'movedAway'] as const
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number]
export const VISIT_OUTCOME_LABELS: Record<VisitOutcome, string> = {
  reached: '已联系上',
  unreachable: '未联系上',
  refused: '拒绝服务',
  movedAway: '已迁出',
}

export const VISIT_NEEDS = ['job', 'training', 'policy', 'startup'] as const
export type VisitNeed = (typeof VISIT_NEEDS)[number]
export const VISIT_NEED_LABELS: Record<VisitNeed, string> = {
  job: '求职就业',
  training: '技能培训',
  policy: '政策申领',
  startup: '创业扶持',
}

export const EMPLOYMENT_STATUSES = ['employed', 'unemployed', 'flexible', 'selfEmployed', 'student', 'retired'] as const

/**
 * Referrals made during a visit. `trainingSignup` acts on the resident's behalf and needs their recorded
 * consent (onBehalfConsent); the others are recommendations or guidance.
 */
export const REFERRAL_KINDS = ['jobRecommend', 'trainingSignup', 'policyGuide', 'startupGuide'] as const
export type ReferralKind = (typeof REFERRAL_KINDS)[number]
export const REFERRAL_KIND_LABELS: Record<ReferralKind, string> = {
  jobRecommend: '推荐岗位',
  trainingSignup: '代为报名培训',
  policyGuide: '指导申领政策',
  startupGuide: '创业指导',
}
/** Referral kinds that act on the resident's behalf. */
export const ON_BEHALF_REFERRALS: readonly ReferralKind[] = ['trainingSignup']

export const CONSENT_METHODS = ['verbal', 'written', 'wechat'] as const

export const visitInput = z
  .object({
    clientId: requestId(),
    personId: id(),
    outcome: z.enum(VISIT_OUTCOMES, { message: '走访结果应为 reached、unreachable、refused 或 movedAway' }),
    employmentStatus: z.enum(EMPLOYMENT_STATUSES).optional(),
    needs: z.array(z.enum(VISIT_NEEDS)).max(VISIT_NEEDS.length).optional(),
    referrals: z
      .array(z.object({ kind: z.enum(REFERRAL_KINDS), refId: id().optional(), note: text(100).optional() }))
      .max(10, '一次走访最多记录10项转介')
      .optional(),
    notes: text(500).optional(),
    nextFollowUpAt: isoDateTime().optional(),
    visitedAt: isoDateTime(),
    /** The resident's consent for staff to act on their behalf, as recorded by the worker. */
    onBehalfConsent: z
      .object({
        given: z.literal(true, { message: '代办需居民同意' }),
        method: z.enum(CONSENT_METHODS),
        note: text(100).optional(),
      })
      .optional(),
    /** Tasks this visit answers; when absent a completed visit closes every open task of the person. */
    taskIds: z.array(id()).max(20).optional(),
  })
  .superRefine((v, ctx) => {
    const needsConsent = (v.referrals ?? []).some((r) => ON_BEHALF_REFERRALS.includes(r.kind))
    if (needsConsent && !v.onBehalfConsent) {
      ctx.addIssue({ code: 'custom', path: ['onBehalfConsent'], message: '代居民办理需先记录居民同意' })
    }
    if (v.nextFollowUpAt && Date.parse(v.nextFollowUpAt) < Date.parse(v.visitedAt)) {
      ctx.addIssue({ code: 'custom', path: ['nextFollowUpAt'], message: '回访时间不能早于走访时间' })
    }
  })
export type VisitInput = z.output<typeof visitInput>

export const MAX_VISITS_PER_BATCH = 50

export const outreachActions = defineModule('outreach', {
  myList: {
    example: {},
    access: ['grid'],
    list: true,
    summary:
      '我的走访名单：本网格重点人群、未申领政策、推送未达、到期回访，含优先级、原因、期限与提醒阶段（证件号、手机号脱敏）',
    input: z.object({ ...paging, gridCode: id().optional() }),
  },
  revealContact: {
    example: { personId: 'p_demo_g1_01' },
    access: ['grid'],
    rateLimit: { max: 60, dailyMax: 200 },
    auditAttempts: true,
    summary:
      '查看本网格一名居民的完整手机号以便电话联系（每次尝试均记入审计日志；每小时60次、每天200次，街道级范围每天100次）',
    input: z.object({ personId: id() }),
  },
  recordVisits: {
    contentCheck: ['visits.*.referrals.*.note', 'visits.*.onBehalfConsent.note'],
    example: {
      visits: [
        {
          clientId: 'visit-example-0001',
          personId: 'p_demo_g1_01',
          outcome: 'reached',
          visitedAt: '2026-12-01T10:00:00+08:00',
          notes: '已电话联系，有求职意向',
        },
      ],
    },
    access: ['grid'],
    write: true,
    rateLimit: { max: 120 },
    summary: '批量提交走访记录（离线同步，每批最多50条，按 clientId 幂等，逐条校验与授权）',
    input: z.object({
      visits: z
        .array(visitInput)
        .min(1, '至少提交1条走访记录')
        .max(MAX_VISITS_PER_BATCH, `每批最多${MAX_VISITS_PER_BATCH}条`),
    }),
  },
  gridStats: {
    example: {},
    access: ['grid'],
    summary: '网格概况：应访人数、已访人数、走访次数、逾期数、本月走访结果',
    input: z.object({ gridCode: id().optional() }),
  },
})
