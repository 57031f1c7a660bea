import { z } from 'zod'
import { defineModule } from './define'
import { id, isoDateTime, paging, text } from './common'

export const PRIVACY_REQUEST_KINDS = ['correction', 'deletion'] as const
export const PRIVACY_REQUEST_STATES = ['pending', 'done', 'rejected'] as const

export const privacyActions = defineModule('privacy', {
  guide: { example: {}, access: 'public', summary: '隐私保护指引（收集什么、为什么、保存多久）', input: z.object({}) },
  status: {
    whenBlocked: 'allowed',
    example: {},
    access: 'user',
    summary: '我是否已同意当前版本的隐私保护指引',
    input: z.object({}),
  },
  consent: {
    whenBlocked: 'allowed',
    example: { version: '2026-11-01' },
    access: 'user',
    write: true,
    summary: '同意隐私保护指引（记录版本与时间）',
    input: z.object({
      version: z
        .string()
        .max(20)
        .regex(/^[\w-]+$/),
    }),
  },
  exportMyData: {
    whenBlocked: 'allowed',
    example: {},
    access: 'user',
    rateLimit: { max: 10 },
    summary: '导出我的全部数据（JSON；本人数据不脱敏；审计）',
    input: z.object({}),
  },
  requestCorrection: {
    contentCheck: ['field', 'correctValue', 'reason'],
    whenBlocked: 'allowed',
    example: { field: '手机号', correctValue: '139 1234 5678', reason: '换了手机号' },
    access: 'user',
    write: true,
    rateLimit: { max: 10, windowSec: 86400 },
    summary: '申请更正个人信息',
    input: z.object({ field: text(30, 1), correctValue: text(200, 1), reason: text(500).optional() }),
  },
  requestDeletion: {
    contentCheck: ['reason'],
    whenBlocked: 'allowed',
    example: { reason: '不再使用' },
    access: 'user',
    write: true,
    rateLimit: { max: 3, windowSec: 86400 },
    summary: '申请注销账号并删除个人信息',
    input: z.object({ reason: text(500).optional() }),
  },
  myRequests: {
    whenBlocked: 'allowed',
    example: {},
    access: 'user',
    list: true,
    summary: '我的更正/删除申请及办理结果',
    input: z.object({ ...paging }),
  },
  requests: {
    example: { state: 'pending' },
    access: ['admin'],
    list: true,
    summary: '居民的更正/删除申请（管理员）',
    input: z.object({ state: z.enum(PRIVACY_REQUEST_STATES).optional(), ...paging }),
  },
  completeRequest: {
    contentCheck: ['note'],
    example: { id: 'request_example', outcome: 'rejected', note: '材料不全，请补充' },
    access: ['admin'],
    write: true,
    summary: '办结申请：更正已处理 / 删除已执行 / 驳回（告知本人，审计）',
    input: z.object({ id: id(), outcome: z.enum(['done', 'rejected']), note: text(500, 2) }),
  },
  auditLog: {
    example: { event: 'outreach.revealContact' },
    access: ['admin'],
    list: true,
    summary: '检索操作日志（敏感查看与工作人员写操作）',
    input: z.object({
      actor: id().optional(),
      event: z
        .string()
        .max(60)
        .regex(/^[\w.]+$/)
        .optional(),
      targetId: id().optional(),
      from: isoDateTime().optional(),
      to: isoDateTime().optional(),
      ...paging,
    }),
  },
  block: {
    contentCheck: ['reason'],
    example: { openid: 'o_example_user', reason: '多次发布违规内容' },
    access: ['admin'],
    write: true,
    summary: '限制账号（之后的写操作被拒绝）',
    input: z.object({ openid: id(), reason: text(200, 2) }),
  },
  unblock: {
    example: { openid: 'o_example_user' },
    access: ['admin'],
    write: true,
    summary: '解除账号限制',
    input: z.object({ openid: id() }),
  },
})
