/**
 * notify: subscription-message consent (订阅消息授权), the in-app message centre (消息中心), and the outbox
 * administration. The dispatcher itself runs as the timer trigger `dispatch` (and `dispatchNow` for admins).
 */
import { z } from 'zod'
import { defineModule } from './define'
import { empty, paging, requestId } from './common'
import { TEMPLATE_IDS } from '../notify/templates'

export const OUTBOX_STATES = ['pending', 'claimed', 'sending', 'sent', 'skipped', 'dead', 'uncertain'] as const
export type OutboxState = (typeof OUTBOX_STATES)[number]
/** States an admin may put back in the queue. */
export const REQUEUEABLE_STATES = ['dead', 'uncertain', 'skipped'] as const

const templateId = () => z.enum(TEMPLATE_IDS as [string, ...string[]], { message: '未知的订阅消息模板' })
/** Message-centre ids and outbox keys: printable, no operators. */
const messageId = () =>
  z
    .string()
    .trim()
    .min(1, '缺少编号')
    .max(64, '编号过长')
    .regex(/^[\w.:-]+$/, '编号格式不正确')
const outboxKey = () =>
  z
    .string()
    .trim()
    .min(1, '缺少编号')
    .max(300, '编号过长')
    .regex(/^[^$\s]+$/, '编号格式不正确')

export const notifyActions = defineModule('notify', {
  recordConsent: {
    example: { accepted: ['ZJ_LOCAL_POLICY_MATCH'], rejected: [] },
    access: 'user',
    write: true,
    rateLimit: { max: 120 },
    summary: '记录订阅消息授权结果（一次性订阅每次同意累加1条，长期订阅开启/关闭），返回各模板余量',
    input: z.object({
      accepted: z.array(templateId()).max(10, '一次最多10个模板').default([]),
      rejected: z.array(templateId()).max(10, '一次最多10个模板').default([]),
      requestId: requestId().optional(),
    }),
  },
  myConsents: {
    example: {},
    access: 'user',
    summary: '我的订阅消息授权：每个模板的类型与剩余可接收条数（没有则为0）',
    input: empty(),
  },
  messages: {
    whenBlocked: 'allowed',
    example: { unreadOnly: true },
    access: 'user',
    list: true,
    summary: '消息中心：我的通知，最新在前（无论订阅消息是否送达都在这里）',
    input: z.object({ ...paging, unreadOnly: z.boolean().optional() }),
  },
  unreadCount: {
    whenBlocked: 'allowed',
    example: {},
    access: 'user',
    summary: '消息中心未读数',
    input: empty(),
  },
  markRead: {
    whenBlocked: 'allowed',
    example: { all: true },
    access: 'user',
    write: true,
    summary: '标记消息已读（指定编号，或 all: true 全部已读），返回未读数',
    input: z.object({ ids: z.array(messageId()).max(100, '一次最多100条').optional(), all: z.boolean().optional() }),
  },
  outbox: {
    example: { state: 'dead' },
    access: ['admin'],
    list: true,
    summary: '发件箱（管理员）：按状态查看待发、发送中、已发送、已跳过、死信、结果不明的消息',
    input: z.object({ state: z.enum(OUTBOX_STATES).optional(), ...paging }),
  },
  outboxStats: {
    example: {},
    access: ['admin'],
    summary: '发件箱各状态数量（管理员）',
    input: empty(),
  },
  requeue: {
    example: { state: 'dead' },
    access: ['admin'],
    write: true,
    summary:
      '重新排队（管理员）：把死信 / 结果不明 / 已跳过的消息放回待发送；指定 keys，或按 state 批量（每次最多500条）',
    input: z.object({
      keys: z.array(outboxKey()).min(1).max(100, '一次最多100条').optional(),
      state: z.enum(REQUEUEABLE_STATES).optional(),
    }),
  },
  dispatchNow: {
    example: { max: 1 },
    access: ['admin'],
    write: true,
    summary: '立即发送一轮（管理员），返回本轮统计',
    input: z.object({ max: z.number().int().min(1).max(10_000).optional() }),
  },
})
