/**
 * 业务经办 (办事申请): registrations and policy applications, one case engine. Kinds, questions and materials
 * are data (shared/application/kinds); the statuses and their transitions are shared/application/status.ts.
 */
import { z } from 'zod'
import { defineModule } from './define'
import { id, paging, regionCode, requestId, text } from './common'
import { QUEUE_VIEWS, REFUSAL_REASONS } from '../application/status'
import { CONSENT_METHODS } from './outreach'

/** 'unemploymentRegistration' | 'employmentRegistration' | 'policy:<policyId>' (checked against the catalogue by the use case). */
export const applicationKind = () =>
  z
    .string()
    .trim()
    .min(3)
    .max(80)
    .regex(/^(unemploymentRegistration|employmentRegistration|policy:[a-z0-9-]{2,64})$/, '办事事项不正确')
const answerKey = () =>
  z
    .string()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z][\w]*$/, '字段名不正确')
const answerValue = z.union([
  z.string().max(500),
  z.number().finite(),
  z.boolean(),
  z.array(z.string().max(60)).max(20),
  z.null(),
])
const fileId = () =>
  z
    .string()
    .trim()
    .min(1)
    .max(300)
    .regex(/^[\w./:-]+$/, '文件标识不正确')
const answers = () => z.record(answerKey(), answerValue).refine((o) => Object.keys(o).length <= 60, '字段过多')
const attachments = () =>
  z
    .record(answerKey(), z.array(fileId()).max(9, '每项材料最多9张'))
    .refine((o) => Object.keys(o).length <= 30, '材料项过多')

/** A grid worker acting on a resident's behalf during a visit (recorded consent; audited as on-behalf). */
const onBehalf = () =>
  z.object({
    personId: id(),
    consent: z.object({
      given: z.literal(true, { message: '代办需居民同意' }),
      method: z.enum(CONSENT_METHODS),
      note: text(100).optional(),
    }),
  })

const appId = { applicationId: id() }

export const applicationActions = defineModule('application', {
  kinds: {
    example: {},
    access: 'user',
    summary: '可办理的事项目录（名称、所需材料、当前能否申请及原因）',
    input: z.object({}),
  },
  draft: {
    example: { kind: 'policy:vocational-training-subsidy', requestId: 'req-example-application-draft' },
    access: 'user',
    write: true,
    rateLimit: { max: 60 },
    summary:
      '开始或继续办理：同一人同一事项只有一份草稿；按登记信息与个人资料预填（注明来源），只问缺少的项目；网格员可凭居民同意代办',
    input: z.object({ kind: applicationKind(), requestId: requestId(), onBehalf: onBehalf().optional() }),
  },
  save: {
    example: { applicationId: 'a0000000000000000000example', answers: { courseName: '电工（初级）' } },
    access: 'user',
    write: true,
    rateLimit: { max: 300 },
    summary: '保存草稿的答案与材料（材料为已通过图片检测的文件）',
    input: z.object({ ...appId, answers: answers(), attachments: attachments().optional() }),
  },
  submit: {
    example: {
      applicationId: 'a0000000000000000000example',
      requestId: 'req-example-application-submit',
      declaration: true,
    },
    access: 'user',
    write: true,
    rateLimit: { max: 30 },
    summary: '确认承诺并提交：生成受理编号与按工作日计算的办结期限；同一 requestId 返回首次结果',
    input: z.object({ ...appId, requestId: requestId(), declaration: z.literal(true).optional() }),
  },
  get: {
    example: { applicationId: 'a0000000000000000000example' },
    access: 'user',
    summary: '申请详情：状态、期限、时间线、审核结果（本人或经办部门）',
    input: z.object(appId),
  },
  timeline: {
    example: { applicationId: 'a0000000000000000000example' },
    access: 'user',
    summary: '申请的时间线（本人或经办部门）',
    input: z.object(appId),
  },
  mine: {
    example: {},
    access: 'user',
    list: true,
    summary: '我的办事（草稿、办理中、已办结）',
    input: z.object({ ...paging }),
  },
  withdraw: {
    contentCheck: ['reason'],
    example: { applicationId: 'a0000000000000000000example', reason: '已在窗口办理' },
    access: 'user',
    write: true,
    summary: '撤回申请（写明原因）',
    input: z.object({ ...appId, reason: text(200, 2) }),
  },
  respond: {
    contentCheck: ['note'],
    example: { applicationId: 'a0000000000000000000example', note: '已重新拍摄证书' },
    access: 'user',
    write: true,
    summary: '补正：按要求补充答案或材料，案件回到原审核人',
    input: z.object({
      ...appId,
      answers: answers().optional(),
      attachments: attachments().optional(),
      note: text(300, 1),
    }),
  },
  queue: {
    example: { view: 'unassigned' },
    access: ['handler', 'admin'],
    list: true,
    summary: '审核队列：待受理、我的、即将到期、已超期、已办结；可按事项与地区筛选',
    input: z.object({
      view: z.enum(QUEUE_VIEWS),
      kind: applicationKind().optional(),
      regionCode: regionCode().optional(),
      ...paging,
    }),
  },
  take: {
    example: { applicationId: 'a0000000000000000000example' },
    access: ['handler', 'admin'],
    write: true,
    summary: '受理案件（由本人审核）',
    input: z.object(appId),
  },
  assign: {
    example: { applicationId: 'a0000000000000000000example', reviewerOpenid: 'o_demo_handler' },
    access: ['handler', 'admin'],
    write: true,
    summary: '分派案件给本部门另一位经办人',
    input: z.object({
      ...appId,
      reviewerOpenid: z
        .string()
        .min(1)
        .max(64)
        .regex(/^[\w-]+$/),
    }),
  },
  note: {
    contentCheck: ['note'],
    example: { applicationId: 'a0000000000000000000example', note: '已电话核实' },
    access: ['handler', 'admin'],
    write: true,
    summary: '内部备注（居民不可见）',
    input: z.object({ ...appId, note: text(500, 1) }),
  },
  requestCorrection: {
    contentCheck: ['note'],
    example: { applicationId: 'a0000000000000000000example', items: ['m1'], note: '证书照片不清晰，请重新拍摄' },
    access: ['handler', 'admin'],
    write: true,
    summary: '要求补正：指出需补正的问题或材料及原因；补正期间办理时限暂停',
    input: z.object({ ...appId, items: z.array(answerKey()).min(1).max(30), note: text(300, 2) }),
  },
  approve: {
    contentCheck: ['note'],
    example: { applicationId: 'a0000000000000000000example', note: '符合条件' },
    access: ['handler', 'admin'],
    write: true,
    summary: '审核通过（有补贴金额的填写金额）：登记信息随之更新并重新匹配政策，然后答复',
    input: z.object({ ...appId, note: text(300).optional(), amount: z.number().min(0).max(10_000_000).optional() }),
  },
  refuse: {
    contentCheck: ['note'],
    example: { applicationId: 'a0000000000000000000example', reasonCode: 'notEligible', note: '不在补贴目录内' },
    access: ['handler', 'admin'],
    write: true,
    summary: '审核不通过：选择公开的理由并写明说明（居民可见）',
    input: z.object({ ...appId, reasonCode: z.enum(REFUSAL_REASONS), note: text(300, 2) }),
  },
  reopen: {
    contentCheck: ['note'],
    example: { applicationId: 'a0000000000000000000example', note: '申请人提交了新证明' },
    access: ['handler', 'admin'],
    write: true,
    summary: '重新审核已不通过的案件',
    input: z.object({ ...appId, note: text(300, 2) }),
  },
  bulkDecide: {
    contentCheck: ['note'],
    example: {
      applicationIds: ['a0000000000000000000example'],
      decision: 'refuse',
      reasonCode: 'duplicate',
      note: '已有同类申请',
    },
    access: ['handler', 'admin'],
    write: true,
    summary: '批量决定：多件案件同一决定与理由（逐件检查，返回每件结果）',
    input: z
      .object({
        applicationIds: z.array(id()).min(1).max(50),
        decision: z.enum(['approve', 'refuse']),
        reasonCode: z.enum(REFUSAL_REASONS).optional(),
        note: text(300, 2),
      })
      .refine((v) => v.decision !== 'refuse' || !!v.reasonCode, { path: ['reasonCode'], message: '不通过须选择理由' }),
  },
  export: {
    example: { view: 'done' },
    access: ['handler', 'admin'],
    write: true,
    rateLimit: { max: 20 },
    summary: '导出队列为 CSV 文件（证件号脱敏）',
    input: z.object({
      view: z.enum(QUEUE_VIEWS),
      kind: applicationKind().optional(),
      regionCode: regionCode().optional(),
    }),
  },
  stats: {
    example: {},
    access: ['handler', 'admin'],
    summary: '办事统计：按时办结率、通过率，按事项与地区（供就业监测）',
    input: z.object({
      regionCode: regionCode().optional(),
      from: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
      to: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
    }),
  },
  kept: {
    example: {},
    access: 'user',
    list: true,
    summary: '我的材料：提交过的证明材料，可在其他申请中复用',
    input: z.object({ ...paging }),
  },
})
