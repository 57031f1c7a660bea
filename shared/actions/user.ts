import { z } from 'zod'
import { defineModule, ROLES } from './define'
import { id, text } from './common'
import { idNumberProblem, ID_NUMBER_PROBLEM_TEXT } from '../idNumber'

export const EDUCATION_VALUES = ['none', 'primary', 'junior', 'senior', 'secondaryVocational', 'college', 'bachelor', 'master', 'doctor'] as const

/** An 18-character resident ID number, format, birth date and check character validated (clear Chinese messages). */
export const idNumberInput = () =>
  z.string().trim().length(18, '身份证号码应为18位').superRefine((v, ctx) => {
    const problem = idNumberProblem(v)
    if (problem) ctx.addIssue({ code: 'custom', message: ID_NUMBER_PROBLEM_TEXT[problem] })
  })

export const userActions = defineModule('user', {
  login: { whenBlocked: 'allowed', example: {}, access: 'user', input: z.object({}), summary: '登录（首次调用即创建用户），返回资料与角色' },
  getProfile: { whenBlocked: 'allowed', example: {}, access: 'user', input: z.object({}), summary: '我的资料（身份证号、手机号脱敏）' },
  updateProfile: {
    example: { nickname: '小李', skills: ['电焊'], largeFont: true },
    access: 'user',
    write: true,
    summary: '修改我的资料（求职意向、技能、期望薪资、长辈版等偏好）',
    input: z.object({
      nickname: text(20).optional(),
      desiredOccupations: z.array(z.string().regex(/^[\w.-]{1,20}$/)).max(5).optional(),
      skills: z.array(text(20, 1)).max(20).optional(),
      expectedSalaryMin: z.number().int().min(0).max(1_000_000).optional(),
      education: z.enum(EDUCATION_VALUES).optional(),
      regionCode: z.string().regex(/^\d{6}$/).optional(),
      largeFont: z.boolean().optional(),
    }),
  },
  bindResident: {
    example: { name: '张三', idNumber: '11010519491231002X' },
    access: 'user',
    write: true,
    rateLimit: { max: 10, windowSec: 86400 },
    summary: '实名绑定居民档案（姓名 + 身份证号，校验位校验；24小时内最多失败5次；每次尝试均审计）',
    input: z.object({
      name: text(30, 2),
      idNumber: idNumberInput(),
    }),
  },
  setRoles: {
    example: { openid: 'o_example_user', roles: ['resident'] },
    access: ['admin'],
    write: true,
    summary: '设置用户角色与绑定（管理员，审计）',
    input: z.object({
      openid: id(),
      roles: z.array(z.enum(ROLES)).min(1).max(4),
      gridCodes: z.array(id()).max(50).optional(),
      departmentId: id().nullable().optional(),
    }),
  },
  unbindResident: {
    example: { openid: 'o_example_user', reason: '本人到窗口核验身份后申请解绑' },
    access: ['admin'],
    write: true,
    summary: '解除微信账号与居民档案的绑定（管理员，窗口核验本人身份后办理，审计）',
    input: z.object({
      openid: id(),
      reason: text(200, 2),
    }),
  },
})
