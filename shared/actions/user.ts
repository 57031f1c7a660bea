import { z } from 'zod'
import { defineModule, ROLES } from './define'
import { id, isoDate, regionCode, text } from './common'
import { idNumberProblem, ID_NUMBER_PROBLEM_TEXT } from '../idNumber'
import { findOccupation } from '../occupations/occupations'
import { AVAILABILITY_VALUES, chinaDate, JOB_TYPE_VALUES, PROFILE_LIMITS as L } from '../user/profile'

export const EDUCATION_VALUES = [
  'none',
  'primary',
  'junior',
  'senior',
  'secondaryVocational',
  'college',
  'bachelor',
  'master',
  'doctor',
] as const

/** An 18-character resident ID number, format, birth date and check character validated (clear Chinese messages). */
export const idNumberInput = () =>
  z
    .string()
    .trim()
    .length(18, '身份证号码应为18位')
    .superRefine((v, ctx) => {
      // On the device the phone's clock is the reference; the server checks again against its own clock.
      const problem = idNumberProblem(v, chinaDate(Date.now()))
      if (problem) ctx.addIssue({ code: 'custom', message: ID_NUMBER_PROBLEM_TEXT[problem] })
    })

/** An occupation code the project ships (shared/occupations). */
export const occupationCodeInput = () =>
  z
    .string()
    .trim()
    .max(20, '职业代码过长')
    .refine((c) => !!findOccupation(c), '未知的职业代码，请从职业列表中选择')
const yearMonth = () => z.string().regex(/^(19|20)\d{2}-(0[1-9]|1[0-2])$/, '年月格式应为 YYYY-MM')
const skillList = (max: number, each: number, label: string) => z.array(text(each, 1)).max(max, `${label}最多${max}项`)

export const workHistoryInput = () =>
  z
    .object({
      employer: text(L.employer, 1),
      role: text(L.role, 1),
      from: yearMonth(),
      to: yearMonth().nullable().optional(),
      duties: text(L.duties).optional(),
    })
    .refine((w) => !w.to || w.to >= w.from, { message: '结束时间不能早于开始时间', path: ['to'] })

/** The job-seeking profile fields of updateProfile (all optional, each with clear limits). */
export const profileFields = {
  nickname: text(L.nickname).optional(),
  desiredOccupations: z.array(occupationCodeInput()).max(L.occupations, `意向职业最多选${L.occupations}个`).optional(),
  desiredCities: z.array(regionCode()).max(L.cities, `意向地区最多选${L.cities}个`).optional(),
  seekingSince: isoDate().optional(),
  jobTypes: z.array(z.enum(JOB_TYPE_VALUES)).max(JOB_TYPE_VALUES.length).optional(),
  expectedSalaryMin: z
    .number()
    .int('期望月薪应为整数')
    .min(0, '期望月薪不能为负数')
    .max(L.salaryMax, '期望月薪过高')
    .optional(),
  expectedSalaryMax: z
    .number()
    .int('期望月薪应为整数')
    .min(0, '期望月薪不能为负数')
    .max(L.salaryMax, '期望月薪过高')
    .optional(),
  education: z.enum(EDUCATION_VALUES).optional(),
  skills: skillList(L.skills, L.skill, '技能').optional(),
  certificates: skillList(L.certificates, L.certificate, '证书').optional(),
  workHistory: z.array(workHistoryInput()).max(L.workHistory, `工作经历最多${L.workHistory}段`).optional(),
  availability: z.enum(AVAILABILITY_VALUES).optional(),
  intro: text(L.intro).optional(),
  regionCode: regionCode().optional(),
  largeFont: z.boolean().optional(),
  welcomeDone: z.boolean().optional(),
}

export const RESUME_SECTIONS = ['summary', 'education', 'skills', 'certificates', 'workHistory', 'desired'] as const

export const userActions = defineModule('user', {
  login: {
    whenBlocked: 'allowed',
    example: {},
    access: 'user',
    input: z.object({}),
    summary: '登录（首次调用即创建用户），返回资料与角色',
  },
  getProfile: {
    whenBlocked: 'allowed',
    example: {},
    access: 'user',
    input: z.object({}),
    summary: '我的资料（身份证号、手机号脱敏）',
  },
  updateProfile: {
    contentCheck: ['nickname', 'skills'],
    example: { nickname: '小李', skills: ['电焊'], largeFont: true },
    access: 'user',
    write: true,
    summary:
      '修改我的资料：求职意向（职业、地区、求职起始日期、工作类型、期望月薪）、学历、技能、证书、工作经历、到岗时间、自我介绍、长辈版；改动后重新计算政策匹配与岗位推荐',
    input: z
      .object(profileFields)
      .refine(
        (p) =>
          p.expectedSalaryMin === undefined ||
          p.expectedSalaryMax === undefined ||
          p.expectedSalaryMax >= p.expectedSalaryMin,
        { message: '期望月薪上限不能低于下限', path: ['expectedSalaryMax'] },
      ),
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
  resume: {
    example: {},
    access: 'user',
    input: z.object({}),
    summary: '我的简历：由求职资料、登记的学历和终身职业培训记录生成，含按职业的写作建议（手机号脱敏）',
  },
  updateResume: {
    example: { summary: '有五年电焊经验，持焊工中级证书。' },
    contentCheck: ['summary', 'skills', 'workHistory.*.employer', 'workHistory.*.role', 'workHistory.*.duties'],
    access: 'user',
    write: true,
    summary: '修改我的简历：摘要、技能与工作经历的措辞、隐藏的部分',
    input: z.object({
      summary: text(500).nullable().optional(),
      skills: skillList(30, 30, '技能').nullable().optional(),
      workHistory: z
        .array(workHistoryInput())
        .max(L.workHistory, `工作经历最多${L.workHistory}段`)
        .nullable()
        .optional(),
      hidden: z.array(z.enum(RESUME_SECTIONS)).max(RESUME_SECTIONS.length).optional(),
    }),
  },
  unbindResident: {
    contentCheck: ['reason'],
    example: { openid: 'o_example_user', reason: '本人到窗口核验身份后申请解绑' },
    access: ['admin'],
    write: true,
    summary: '解除微信账号与居民档案的绑定（管理员，窗口核验本人身份后办理，审计）',
    input: z.object({
      openid: id(),
      reason: text(200, 2),
    }),
  },
  districts: {
    example: { cityCode: '370100' },
    access: 'user',
    summary: '某城市的区县（GB/T 2260，不含开发区），供求职意向选择',
    input: z.object({ cityCode: regionCode().refine((c) => c.endsWith('00') && !c.endsWith('0000'), '应为城市代码') }),
  },
  getRoles: {
    example: { openid: 'o_example_user' },
    access: ['admin'],
    summary: '查看用户当前的角色与绑定（管理员修改角色前先读取，另附可选部门列表）',
    input: z.object({ openid: id() }),
  },
})
