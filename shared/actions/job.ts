/**
 * The `job` function's actions (供需匹配: search, matching, applications).
 * Contract names first (search, get, favorite, apply, myApplications, recommend), then additions.
 * Staff actions are open to the public employment service's staff: roles `handler` or `admin`
 * (see docs/authz.md).
 */
import { z } from 'zod'
import { defineModule } from './define'
import { id, lat, lng, paging, regionCode, requestId, text } from './common'

export const JOB_TYPES = ['fullTime', 'partTime', 'gig'] as const
export const SALARY_UNITS = ['month', 'day', 'hour'] as const
export const JOB_SORTS = ['relevance', 'newest', 'salary', 'distance'] as const
export const APPLICATION_STATUSES = ['submitted', 'viewed', 'interview', 'rejected', 'hired'] as const
export const EDUCATIONS = [
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
export const PLACE_KINDS = ['serviceStation', 'gigMarket'] as const

/** Occupation code: official `6-18-02-04` (or any ancestor level `6`, `6-18`, `6-18-02`) or a local `L-…` code. */
export const occupationCode = () =>
  z
    .string()
    .trim()
    .max(20, '职业代码过长')
    .regex(/^(\d(-\d{2}){0,3}|L(-[\dA-Z]{1,4}){1,3})$/, '职业代码格式不正确')

const near = () =>
  z.object({
    lat: lat(),
    lng: lng(),
    radiusKm: z.number().gt(0, '半径应大于0').max(50, '半径最大50公里').optional(),
  })

const salaryAmount = () => z.number().min(0, '薪资不能为负').max(1_000_000, '薪资数额过大')
const phone = () =>
  z
    .string()
    .trim()
    .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|12333)$/, '联系电话格式不正确')

const postingFields = {
  title: text(40, 2),
  occupationCode: occupationCode(),
  employerName: text(60, 2),
  description: text(2000).optional(),
  districtCode: regionCode(),
  address: text(120, 2),
  lat: lat(),
  lng: lng(),
  salaryMin: salaryAmount(),
  salaryMax: salaryAmount(),
  salaryUnit: z.enum(SALARY_UNITS),
  jobType: z.enum(JOB_TYPES),
  education: z.enum(EDUCATIONS).optional(),
  ageMin: z.number().int().min(16, '年龄下限不能低于16岁').max(70).optional(),
  ageMax: z.number().int().min(16).max(80).optional(),
  skills: z.array(text(20, 1)).max(20, '技能最多20项').optional(),
  headcount: z.number().int().min(1, '招聘人数至少1人').max(10_000).optional(),
  contactName: text(20, 1),
  contactPhone: phone(),
  expiresAt: z.iso.date('日期格式应为 YYYY-MM-DD').optional(),
}

const salaryOrdered = (v: { salaryMin?: number; salaryMax?: number }) =>
  v.salaryMin === undefined || v.salaryMax === undefined || v.salaryMin <= v.salaryMax
const agesOrdered = (v: { ageMin?: number; ageMax?: number }) =>
  v.ageMin === undefined || v.ageMax === undefined || v.ageMin <= v.ageMax

export const jobActions = defineModule('job', {
  search: {
    example: { keyword: '焊工', cityCode: '370100', sort: 'relevance' },
    access: 'public',
    caller: 'openid',
    list: true,
    summary:
      '岗位搜索：关键词分词检索，按城市/区县、职业、最低月薪、用工类型、学历、发布天数、附近筛选，按相关度/最新/薪资/距离排序',
    input: z.object({
      keyword: z.string().trim().max(50, '关键词不能超过50个字').optional(),
      cityCode: regionCode().optional(),
      districtCode: regionCode().optional(),
      occupationCode: occupationCode().optional(),
      salaryMin: salaryAmount().optional(),
      jobType: z.enum(JOB_TYPES).optional(),
      education: z.enum(EDUCATIONS).optional(),
      postedWithinDays: z.number().int().min(1).max(365).optional(),
      near: near().optional(),
      sort: z.enum(JOB_SORTS).optional(),
      ...paging,
    }),
  },
  get: {
    example: { id: 'job_example' },
    access: 'public',
    caller: 'openid',
    summary: '岗位详情（联系电话脱敏）',
    input: z.object({ id: id() }),
  },
  favorite: {
    example: { id: 'job_example', on: true },
    access: 'user',
    write: true,
    summary: '收藏或取消收藏岗位',
    input: z.object({ id: id(), on: z.boolean() }),
  },
  myFavorites: {
    example: { pageSize: 10 },
    access: 'user',
    list: true,
    summary: '我收藏的岗位',
    input: z.object({ ...paging }),
  },
  apply: {
    example: { jobId: 'job_example', requestId: 'req-example-apply-1', contactConsent: false },
    access: 'user',
    write: true,
    rateLimit: { max: 30 },
    summary:
      '投递岗位（附个人资料快照；contactConsent：同意招聘方/经办人员联系我，默认不同意；同一 requestId 或重复投递同一岗位返回首次投递）',
    input: z.object({ jobId: id(), requestId: requestId(), contactConsent: z.boolean().optional() }),
  },
  myApplications: {
    example: {},
    access: 'user',
    list: true,
    summary: '我的投递：状态（已投递/已查看/面试/未录用/已录用）与“是否已入职”回访',
    input: z.object({ ...paging }),
  },
  reportOutcome: {
    example: { applicationId: 'app_example', hired: true },
    access: 'user',
    write: true,
    summary: '回答“是否通过这次投递找到工作”的回访',
    input: z.object({ applicationId: id(), hired: z.boolean() }),
  },
  recommend: {
    example: {},
    access: 'user',
    list: true,
    summary: '按我的求职意向、技能、位置、期望薪资和学历推荐岗位，给出匹配度和所缺技能说明',
    input: z.object({ ...paging }),
  },
  nearby: {
    rateLimit: { max: 600, anonymousMax: 3000 },
    example: { lat: 36.66, lng: 117.02, radiusKm: 5 },
    access: 'public',
    list: true,
    summary: '附近的就业服务站和零工市场（15分钟就业服务圈），按距离排序',
    input: z.object({
      lat: lat(),
      lng: lng(),
      radiusKm: z.number().gt(0).max(50, '半径最大50公里').optional(),
      kind: z.enum(PLACE_KINDS).optional(),
      ...paging,
    }),
  },
  // ---- staff (handler / admin) ----
  post: {
    contentCheck: ['title', 'employerName', 'description', 'address', 'contactName', 'skills'],
    example: {
      title: '电焊工',
      occupationCode: '6-18-02-04',
      employerName: '济南示例机械有限公司',
      districtCode: '370102',
      address: '历下区经十路100号',
      lat: 36.66,
      lng: 117.05,
      salaryMin: 5000,
      salaryMax: 7000,
      salaryUnit: 'month',
      jobType: 'fullTime',
      contactName: '王经理',
      contactPhone: '13800000000',
      requestId: 'req-example-post-1',
    },
    access: ['handler', 'admin'],
    write: true,
    summary: '发布岗位（工作人员代用人单位发布）',
    input: z
      .object({ ...postingFields, requestId: requestId().optional() })
      .refine(salaryOrdered, { message: '最低薪资不能高于最高薪资', path: ['salaryMin'] })
      .refine(agesOrdered, { message: '最低年龄不能高于最高年龄', path: ['ageMin'] }),
  },
  update: {
    contentCheck: ['title', 'employerName', 'description', 'address', 'contactName', 'skills'],
    example: { id: 'job_example', title: '电焊工（二保焊）' },
    access: ['handler', 'admin'],
    write: true,
    summary: '修改岗位',
    input: z
      .object({ id: id(), ...z.object(postingFields).partial().shape })
      .refine(salaryOrdered, { message: '最低薪资不能高于最高薪资', path: ['salaryMin'] })
      .refine(agesOrdered, { message: '最低年龄不能高于最高年龄', path: ['ageMin'] }),
  },
  close: {
    example: { id: 'job_example' },
    access: ['handler', 'admin'],
    write: true,
    summary: '关闭岗位（不再出现在搜索中）',
    input: z.object({ id: id() }),
  },
  myPostings: {
    example: {},
    access: ['handler', 'admin'],
    list: true,
    summary: '我发布的岗位（工作人员）',
    input: z.object({ includeClosed: z.boolean().optional(), ...paging }),
  },
  applications: {
    example: { jobId: 'job_example' },
    access: ['handler', 'admin'],
    list: true,
    summary: '某岗位收到的投递（求职者信息脱敏）',
    input: z.object({ jobId: id(), status: z.enum(APPLICATION_STATUSES).optional(), ...paging }),
  },
  setApplicationStatus: {
    contentCheck: ['note'],
    example: { applicationId: 'app_example', status: 'viewed' },
    access: ['handler', 'admin'],
    write: true,
    summary: '推进投递状态（已查看/面试/未录用/已录用），并通知求职者',
    input: z.object({
      applicationId: id(),
      status: z.enum(['viewed', 'interview', 'rejected', 'hired']),
      note: text(100).optional(),
    }),
  },
  // ---- additions: consent to be contacted and the audited reveal of the applicant's number
  setContactConsent: {
    example: { applicationId: 'app_example', consent: true },
    access: 'user',
    write: true,
    whenBlocked: 'allowed',
    rateLimit: { max: 60 },
    summary: '我的投递：同意或撤回“招聘方/经办人员联系我”（撤回后工作人员不能再查看完整号码）',
    input: z.object({ applicationId: id(), consent: z.boolean() }),
  },
  revealContact: {
    example: { applicationId: 'app_example' },
    access: ['handler', 'admin'],
    write: true,
    rateLimit: { max: 30, dailyMax: 100 },
    auditAttempts: true,
    summary:
      '查看同意联系的求职者完整手机号（岗位所在地的经办部门或发布人、管理员；每次尝试均记入审计；每小时30次、每天100次）',
    input: z.object({ applicationId: id() }),
  },
})

export type JobSearchInput = z.output<typeof jobActions.actions.search.input>
export type JobPostInput = z.output<typeof jobActions.actions.post.input>
export type JobUpdateInput = z.output<typeof jobActions.actions.update.input>
