/**
 * policy: the policy library (list / get), the explained eligibility check, my matches (政策找人), and the
 * staff side (publish a new version, impact dry run, batch progress). The batch itself is the timer trigger
 * `rematch` of the policy function.
 */
import { z } from 'zod'
import { defineModule } from './define'
import { id, isoDate as isoDateFormat, paging, regionCode, text } from './common'
import { dateKey } from '../rules/dates'
import { EDUCATIONS, EMPLOYMENT_STATUSES, KEY_GROUPS } from '../rules/facts'
import { BOOL_FACTS, DATE_FACTS, NUM_FACTS, REGION_FACTS } from '../rules/columns'
import type { Condition } from '../rules/types'
import { POLICY_CATEGORY_LABELS, type PolicyCategory } from '../policies/types'

/** YYYY-MM-DD that is a real calendar date. */
const isoDate = () => isoDateFormat().refine((s) => dateKey(s) > 0, '日期不存在')

const CATEGORIES = Object.keys(POLICY_CATEGORY_LABELS) as [PolicyCategory, ...PolicyCategory[]]
const enumOf = <T extends string>(xs: readonly T[]) => z.enum(xs as unknown as [T, ...T[]])
const dateOrNull = () => isoDate().nullable().optional()

/** A person's facts as a resident may state them (every field optional; null = "none"). */
export const factsSchema = z.object({
  birthDate: isoDate().optional(),
  sex: z.enum(['male', 'female']).optional(),
  hukouRegion: regionCode().optional(),
  hukouType: z.enum(['urban', 'rural']).optional(),
  residenceRegion: regionCode().optional(),
  education: enumOf(EDUCATIONS).optional(),
  graduationYear: z.number().int().min(1950).max(2100).nullable().optional(),
  employmentStatus: enumOf(EMPLOYMENT_STATUSES).optional(),
  employmentStatusSince: isoDate().optional(),
  registeredUnemployed: z.boolean().optional(),
  registeredUnemployedSince: dateOrNull(),
  keyGroups: z.array(enumOf(KEY_GROUPS)).max(KEY_GROUPS.length).optional(),
  socialInsuranceMonths: z.number().int().min(0).max(1200).optional(),
  unemploymentInsuranceMonths: z.number().int().min(0).max(1200).optional(),
  involuntarilyUnemployed: z.boolean().optional(),
  businessRegisteredAt: dateOrNull(),
  skillCertificateAt: dateOrNull(),
  trainingCompletedAt: dateOrNull(),
  lowIncomeFamily: z.boolean().optional(),
  worksOutsideProvince: z.boolean().optional(),
  employeesHired: z.number().int().min(0).max(100000).optional(),
})

const leafExtras = {
  code: z
    .string()
    .regex(/^[\w.]{1,40}$/)
    .optional(),
  text: text(120).optional(),
  hint: text(120).optional(),
}
const months = () => z.number().int().min(0).max(1200)

/** A rule as published (bounded size and depth). */
export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion('op', [
    z.object({
      op: z.literal('all'),
      of: z.array(conditionSchema).max(20),
      code: leafExtras.code,
      text: leafExtras.text,
    }),
    z.object({
      op: z.literal('any'),
      of: z.array(conditionSchema).max(20),
      code: leafExtras.code,
      text: leafExtras.text,
    }),
    z.object({ op: z.literal('not'), of: conditionSchema, code: leafExtras.code, text: leafExtras.text }),
    z.object({
      op: z.literal('age'),
      min: z.number().int().min(0).max(120).optional(),
      max: z.number().int().min(0).max(120).optional(),
      ...leafExtras,
    }),
    z.object({
      op: z.literal('region'),
      fact: enumOf(REGION_FACTS),
      prefixes: z
        .array(z.string().regex(/^\d{2,6}$/))
        .min(1)
        .max(50),
      place: text(30, 1),
      ...leafExtras,
    }),
    z.object({
      op: z.literal('in'),
      fact: z.enum(['sex', 'hukouType', 'education', 'employmentStatus']),
      values: z.array(z.string().max(30)).min(1).max(10),
      ...leafExtras,
    }),
    z.object({ op: z.literal('educationAtLeast'), level: enumOf(EDUCATIONS), ...leafExtras }),
    z.object({
      op: z.literal('keyGroup'),
      groups: z.array(enumOf(KEY_GROUPS)).min(1).max(KEY_GROUPS.length),
      ...leafExtras,
    }),
    z.object({ op: z.literal('is'), fact: enumOf(BOOL_FACTS), value: z.boolean().optional(), ...leafExtras }),
    z.object({
      op: z.literal('atLeast'),
      fact: enumOf(NUM_FACTS),
      value: z.number().min(0).max(100000),
      ...leafExtras,
    }),
    z.object({
      op: z.literal('monthsSince'),
      fact: enumOf(DATE_FACTS),
      min: months().optional(),
      lessThan: months().optional(),
      ...leafExtras,
    }),
    z.object({ op: z.literal('graduatedWithin'), years: z.number().int().min(0).max(20), ...leafExtras }),
  ]),
) as z.ZodType<Condition>

const source = z.object({
  title: text(120, 2),
  issuer: text(80, 2),
  docNumber: text(60).nullable(),
  note: text(60).optional(),
})

/** A policy document as an administrator publishes it (the version is assigned by the server). */
export const policyInputSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, '编号只能包含小写字母、数字和连字符'),
  title: text(60, 2),
  category: z.enum(CATEGORIES),
  level: z.enum(['national', 'provincial']),
  summary: text(300, 5),
  audience: text(300, 2),
  effectiveFrom: isoDate(),
  effectiveTo: isoDate().nullable(),
  applicationWindow: z.object({ from: isoDate(), to: isoDate().nullable(), note: text(120).optional() }).nullable(),
  amounts: z
    .array(z.object({ text: text(200, 2), maxYuan: z.number().min(0).max(10_000_000).optional() }))
    .min(1)
    .max(10),
  materials: z.array(text(100, 1)).min(1).max(20),
  howToApply: z.array(text(200, 1)).min(1).max(10),
  handledBy: text(100, 2),
  sources: z.array(source).min(1).max(5),
  rule: conditionSchema,
  examples: z
    .array(
      z.object({
        name: text(60, 1),
        asOf: isoDate(),
        facts: factsSchema,
        expect: z.enum(['eligible', 'ineligible', 'undetermined']),
        eligibleFrom: isoDate().optional(),
        missing: z.array(z.string().max(40)).max(30).optional(),
      }),
    )
    .max(30)
    .optional(),
})

/** The example policy of the registry (publish / impact): a made-up local policy, marked as such. */
const EXAMPLE_POLICY = {
  id: 'example-local-allowance',
  title: '示例：登记失业人员生活补助',
  category: 'unemployment',
  level: 'provincial',
  summary: '示例政策：在山东居住的登记失业人员可领取生活补助。',
  audience: '登记失业人员',
  effectiveFrom: '2020-01-01',
  effectiveTo: null,
  applicationWindow: null,
  amounts: [{ text: '每月500元（示例）', maxYuan: 500 }],
  materials: ['身份证'],
  howToApply: ['到街道便民服务中心申请'],
  handledBy: '街道便民服务中心',
  sources: [{ title: '示例政策文件', issuer: '示例发文机关', docNumber: null, note: '示例，文号待核实' }],
  rule: {
    op: 'all',
    of: [
      { op: 'region', fact: 'residenceRegion', prefixes: ['37'], place: '山东省' },
      { op: 'is', fact: 'registeredUnemployed' },
    ],
  },
}

export const policyActions = defineModule('policy', {
  list: {
    example: { keyword: '创业' },
    access: 'public',
    list: true,
    summary: '政策列表（可按类别、关键词筛选），含通俗摘要、补贴金额、是否在申请期',
    input: z.object({ category: z.enum(CATEGORIES).optional(), keyword: text(30).optional(), ...paging }),
  },
  get: {
    example: { id: 'startup-once-subsidy' },
    access: 'public',
    summary: '政策详情：通俗摘要、申请条件、补贴标准、所需材料、办理流程、政策依据（文号）',
    input: z.object({ id: id() }),
  },
  check: {
    rateLimit: { max: 120, anonymousMax: 1200 },
    example: {
      facts: { birthDate: '1995-05-01', residenceRegion: '370102', registeredUnemployed: true },
      useProfile: false,
    },
    access: 'public',
    summary: '政策体检：按给出的情况（或已绑定的居民档案）逐条说明符合/不符合/待确定，缺哪些信息、怎样才能符合',
    input: z.object({
      facts: factsSchema.optional(),
      /** Merge the caller's bound person record under the given facts (default true). */
      useProfile: z.boolean().optional(),
      policyIds: z.array(id()).min(1).max(50).optional(),
      /** Evaluate as of another date (default today, China time). */
      asOf: isoDate().optional(),
    }),
  },
  myMatches: {
    example: {},
    access: 'user',
    list: true,
    summary:
      '我符合的政策（系统主动匹配的结果，含匹配原因与通知方式）；excludeClaimed 时只列未申领的（按未申领的分页），首页附已申领数',
    input: z.object({
      ...paging,
      /** Only the matches not yet claimed (an approved application), paged over those; the first page counts the claimed. */
      excludeClaimed: z.boolean().optional(),
    }),
  },
  publish: {
    example: { policy: EXAMPLE_POLICY },
    access: ['admin'],
    write: true,
    summary: '发布或更新政策（版本号自动加1；附带的示例用例须全部通过），并启动重新匹配',
    input: z.object({ policy: policyInputSchema }),
  },
  impact: {
    example: { policy: EXAMPLE_POLICY },
    access: ['admin'],
    summary: '影响评估（试算，不写入）：按城市统计将新增符合条件的人数；人数多时分段返回 nextCursor 继续',
    input: z.object({ policy: policyInputSchema, asOf: isoDate().optional(), cursor: paging.cursor }),
  },
  batchStatus: {
    example: {},
    access: ['admin'],
    summary: '政策匹配批处理进度（分片、已处理人数、新增匹配、推送与走访任务数）',
    input: z.object({
      runId: z
        .string()
        .regex(/^[\w.:@#-]{1,120}$/, '批处理编号格式不正确')
        .optional(),
    }),
  },
})
