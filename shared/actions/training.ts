import { z } from 'zod'
import { defineModule } from './define'
import { id, isoDateTime, lat, lng, paging, regionCode, requestId, text } from './common'

export const TRAINING_LEVELS = ['junior', 'intermediate', 'senior'] as const
export const TRAINING_MODES = ['offline', 'online'] as const
export const CERTIFICATE_TYPES = ['skillLevel', 'specialAbility', 'trainingCertificate'] as const
export const SIGNUP_STATUSES = ['confirmed', 'waitlisted', 'cancelled', 'attended', 'completed'] as const

const courseFields = {
  title: text(60, 2),
  occupationCode: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .regex(/^[\w.-]+$/, '职业编码格式不正确'),
  regionCode: regionCode(),
  capacity: z.number().int('名额应为整数').min(1, '名额至少为1').max(10000, '名额过大'),
  startAt: isoDateTime(),
  signupDeadline: isoDateTime(),
}

export const trainingActions = defineModule('training', {
  search: {
    example: { keyword: '电工' },
    access: 'user',
    list: true,
    summary: '搜索培训课程（城市、职业、等级、线上/线下、开课时间、是否有补贴；按距离排序即培训地图）',
    input: z.object({
      keyword: text(30).optional(),
      cityCode: regionCode().optional(),
      districtCode: regionCode().optional(),
      occupationCode: z
        .string()
        .max(20)
        .regex(/^[\w.-]+$/)
        .optional(),
      level: z.enum(TRAINING_LEVELS).optional(),
      mode: z.enum(TRAINING_MODES).optional(),
      startsWithinDays: z.number().int().min(1).max(365).optional(),
      hasSubsidy: z.boolean().optional(),
      near: z.object({ lat: lat(), lng: lng(), radiusKm: z.number().positive().max(500) }).optional(),
      ...paging,
    }),
  },
  get: {
    example: { id: 'course_example' },
    access: 'user',
    summary: '课程详情（剩余名额、补贴说明、我的报名状态）',
    input: z.object({ id: id() }),
  },
  create: {
    contentCheck: ['title', 'address', 'providerName', 'sessions.*.topic'],
    example: {
      title: '电工（初级）培训班',
      occupationCode: '6-31-01-03',
      regionCode: '370102',
      capacity: 30,
      startAt: '2027-03-01T09:00:00+08:00',
      signupDeadline: '2027-02-25T18:00:00+08:00',
    },
    access: ['admin'],
    write: true,
    summary: '新建课程（管理员/培训机构经办人）',
    input: z.object({
      ...courseFields,
      endAt: isoDateTime().optional(),
      level: z.enum(TRAINING_LEVELS).optional(),
      mode: z.enum(TRAINING_MODES).optional(),
      address: text(100).optional(),
      lat: lat().optional(),
      lng: lng().optional(),
      fee: z.number().min(0).max(1_000_000).optional(),
      providerName: text(60).optional(),
      certificateType: z.enum(CERTIFICATE_TYPES).optional(),
      sessions: z
        .array(z.object({ startAt: isoDateTime(), endAt: isoDateTime(), topic: text(60).optional() }))
        .max(100)
        .optional(),
    }),
  },
  cancelCourse: {
    contentCheck: ['reason'],
    example: { courseId: 'course_example', reason: '培训场地维修' },
    access: ['admin'],
    write: true,
    summary: '取消课程（已报名者收到通知）',
    input: z.object({ courseId: id(), reason: text(200, 2) }),
  },
  signup: {
    example: { courseId: 'course_example', requestId: 'req-example-signup-1' },
    access: 'user',
    write: true,
    rateLimit: { max: 30 },
    summary: '报名：有名额即确认，满员进入候补；同一人同一课程只报一次；同一 requestId 返回首次结果',
    input: z.object({ courseId: id(), requestId: requestId() }),
  },
  cancel: {
    example: { courseId: 'course_example' },
    access: 'user',
    write: true,
    summary: '取消报名（释放名额，候补第一位自动递补并收到通知）',
    input: z.object({ courseId: id() }),
  },
  mySignups: {
    example: {},
    access: 'user',
    list: true,
    summary: '我的报名（含候补位次）',
    input: z.object({ ...paging }),
  },
  myRecords: {
    example: {},
    access: 'user',
    list: true,
    summary: '我的终身培训记录（完成的课程与证书）',
    input: z.object({ ...paging }),
  },
  roster: {
    example: { courseId: 'course_example' },
    access: ['admin'],
    list: true,
    summary: '课程名单（确认与候补，脱敏）',
    input: z.object({ courseId: id(), status: z.enum(SIGNUP_STATUSES).optional(), ...paging }),
  },
  markAttendance: {
    example: { courseId: 'course_example', signupIds: ['signup_example'] },
    access: ['admin'],
    write: true,
    summary: '登记出勤（培训机构经办人）',
    input: z.object({ courseId: id(), signupIds: z.array(id()).min(1).max(200) }),
  },
  complete: {
    example: { courseId: 'course_example', results: [{ signupId: 'signup_example', certificateNo: 'C2027-0001' }] },
    access: ['admin'],
    write: true,
    summary: '登记结业与证书，写入学员终身培训记录',
    input: z.object({
      courseId: id(),
      results: z
        .array(
          z.object({
            signupId: id(),
            certificateNo: z
              .string()
              .trim()
              .max(40)
              .regex(/^[\w-]*$/)
              .optional(),
          }),
        )
        .min(1)
        .max(200),
    }),
  },
})
