/** The feedback (投诉/反馈) function's actions: citizen side, handler side, public stats. See docs/api.md. */
import { z } from 'zod'
import { defineModule } from './define'
import { id, paging, regionCode, requestId, text } from './common'
import { FEEDBACK_CATEGORIES } from '../feedback/rules'
import { FEEDBACK_STATUSES } from '../feedback/status'

const calendarYear = () =>
  z
    .number({ message: '请填写年份' })
    .int('年份应为整数')
    .min(2004, '年份应在2004–2100之间')
    .max(2100, '年份应在2004–2100之间')
const calendarDay = z.object({
  date: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'),
  kind: z.enum(['holiday', 'workday'], { message: '类型应为放假日（holiday）或调休上班日（workday）' }),
  name: z.string().trim().min(1, '请填写节日名称').max(20, '节日名称过长'),
})

/**
 * A tracking number as issued: F + yyMMdd + 6 characters, e.g. F261123K7Q2ZD (case-insensitive). Any other
 * printable id is accepted too and simply not found, so that a mistyped number reads 未找到, not 格式错误.
 */
export const trackingNo = () =>
  z
    .string()
    .trim()
    .toUpperCase()
    .min(1, '请填写受理编号')
    .max(40, '受理编号过长')
    .regex(/^[\w.:-]+$/, '受理编号格式不正确')
/** A CloudBase storage file id (cloud://env.bucket/path). */
export const fileId = () =>
  z
    .string()
    .trim()
    .max(512, '图片地址过长')
    .regex(/^cloud:\/\/[^\s/]+\/\S+$/, '图片地址格式不正确')

const category = z.enum(FEEDBACK_CATEGORIES, { message: '请选择反馈类型（咨询、投诉、建议、表扬）' })
const month = () => z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')

export const feedbackActions = defineModule('feedback', {
  submit: {
    example: {
      category: 'consultation',
      content: '请问办理失业登记需要带哪些材料？',
      requestId: 'req-example-feedback-1',
    },
    access: 'user',
    write: true,
    rateLimit: { max: 20 },
    summary: '提交咨询、投诉、建议或表扬（内容审核，返回受理编号与答复期限）',
    input: z.object({
      category,
      content: text(2500, 1),
      images: z.array(fileId()).max(6, '最多上传6张图片').optional(),
      serviceName: text(50).optional(),
      place: text(100).optional(),
      regionCode: regionCode().optional(),
      anonymous: z.boolean().optional(),
      contactConsent: z.boolean().optional(),
      contactPhone: z
        .string()
        .trim()
        .regex(/^1[3-9]\d{9}$/, '手机号格式不正确')
        .optional(),
      requestId: requestId(),
    }),
  },
  get: {
    example: { trackingNo: 'F261201ABCDEF' },
    access: 'user',
    summary: '反馈详情：状态、是否超期、督办时间与办理进程',
    input: z.object({ trackingNo: trackingNo() }),
  },
  mine: { example: {}, access: 'user', list: true, summary: '我的反馈（最新在前）', input: z.object({ ...paging }) },
  rate: {
    contentCheck: ['comment'],
    example: { trackingNo: 'F261201ABCDEF', score: 5, comment: '答复及时' },
    access: 'user',
    write: true,
    summary: '答复后评价（1–5分，可附意见），评价后事项关闭',
    input: z.object({
      trackingNo: trackingNo(),
      score: z.number().int('评分应为整数').min(1, '评分为1–5分').max(5, '评分为1–5分'),
      comment: text(500).optional(),
      solved: z.boolean().optional(),
    }),
  },
  reopen: {
    contentCheck: ['reason'],
    example: { trackingNo: 'F261201ABCDEF', reason: '问题仍未解决' },
    access: 'user',
    write: true,
    summary: '对答复不满意，在答复/办结后7天内申请重新办理',
    input: z.object({ trackingNo: trackingNo(), reason: text(500).optional() }),
  },
  inbox: {
    example: { view: 'open' },
    access: ['handler', 'admin'],
    list: true,
    summary: '本部门反馈：待答复（默认，超期在前）、待办结、已办结或全部，可按状态、类型、超期筛选；管理员可看全部',
    input: z.object({
      ...paging,
      view: z.enum(['open', 'replied', 'done', 'all']).optional(),
      status: z.enum(FEEDBACK_STATUSES).optional(),
      category: category.optional(),
      overdue: z.boolean().optional(),
      departmentId: id().optional(),
    }),
  },
  accept: {
    contentCheck: ['note'],
    example: { trackingNo: 'F261201ABCDEF' },
    access: ['handler', 'admin'],
    write: true,
    summary: '受理',
    input: z.object({ trackingNo: trackingNo(), note: text(500).optional() }),
  },
  assign: {
    contentCheck: ['note'],
    example: { trackingNo: 'F261201ABCDEF', departmentId: 'dept_example' },
    access: ['handler', 'admin'],
    write: true,
    summary: '转办到其他部门',
    input: z.object({ trackingNo: trackingNo(), departmentId: id(), note: text(500).optional() }),
  },
  reply: {
    contentCheck: ['content'],
    example: { trackingNo: 'F261201ABCDEF', content: '您好，请携带身份证到就业服务窗口办理。' },
    access: ['handler', 'admin'],
    write: true,
    summary: '答复（可用答复模板）',
    input: z
      .object({ trackingNo: trackingNo(), content: text(2500).optional(), templateId: z.string().max(40).optional() })
      .refine((v) => (v.content && v.content.length > 0) || v.templateId, {
        message: '请填写答复内容或选择答复模板',
        path: ['content'],
      }),
  },
  resolve: {
    contentCheck: ['note'],
    example: { trackingNo: 'F261201ABCDEF' },
    access: ['handler', 'admin'],
    write: true,
    summary: '办结',
    input: z.object({ trackingNo: trackingNo(), note: text(500).optional() }),
  },
  extend: {
    contentCheck: ['reason'],
    example: { trackingNo: 'F261201ABCDEF', reason: '需要协调用人单位核实情况', workingDays: 5 },
    access: ['handler', 'admin'],
    write: true,
    summary: '申请延期（期限前、写明理由；管理员审批：decision=approve/reject）',
    input: z.object({
      trackingNo: trackingNo(),
      reason: text(500).optional(),
      workingDays: z.number().int('延期天数应为整数').min(1, '至少延期1个工作日').max(30, '延期天数过多').optional(),
      decision: z.enum(['approve', 'reject']).optional(),
    }),
  },
  revealContact: {
    example: { trackingNo: 'F261201ABCDEF' },
    access: ['handler', 'admin'],
    write: true,
    rateLimit: { max: 30, dailyMax: 100 },
    auditAttempts: true,
    summary: '查看同意联系的提交人联系方式（不脱敏；每次尝试均记入审计；每小时30次、每天100次）',
    input: z.object({ trackingNo: trackingNo() }),
  },
  templates: { example: {}, access: ['handler', 'admin'], summary: '答复模板', input: z.object({}) },
  stats: {
    rateLimit: { max: 60, anonymousMax: 600 },
    example: { month: '2026-11' },
    access: 'public',
    summary: '三率（响应率、解决率、满意率）与按期答复率，按部门和月份，附服务标准',
    input: z.object({ month: month().optional(), departmentId: id().optional() }),
  },
  holidays: {
    example: { year: 2026 },
    access: ['handler', 'admin'],
    summary:
      '某年的节假日与调休上班日（来源：chinese-days 数据包或管理员录入；未录入的年份按周一至周五计算，并给出提示）',
    input: z.object({ year: calendarYear() }),
  },
  setHolidays: {
    example: { year: 2031, days: [{ date: '2031-10-01', kind: 'holiday', name: '国庆节' }] },
    access: ['admin'],
    write: true,
    summary: '录入某年的节假日与调休上班日（数据包未覆盖的年份；校验日期与重叠，记入审计）',
    input: z.object({
      year: calendarYear(),
      days: z.array(calendarDay).min(1, '请至少录入一天').max(80, '一年最多录入80天'),
    }),
  },
})
