/**
 * The subscription-message templates (订阅消息模板) this app uses: the ids we chose in the WeChat admin
 * console (local ids here; production ids are set per deployment, see docs/adr/0005-outbox-dispatcher.md),
 * their keywords with WeChat's keyword types, and whether a consent is one-time or long-term.
 *
 * Consent groups: a `wx.requestSubscribeMessage` call asks for at most 3 templates, all of one kind
 * (one-time and long-term cannot be mixed), so each group below is one consent dialog shown from one tap.
 * Pure: no I/O.
 */
import { deepLinks } from '../deepLinks'
import { fitKeyword, type KeywordType } from './keywords'

export const TEMPLATE_KEYS = [
  'policyMatch',
  'applicationStatus',
  'trainingReminder',
  'trainingPromoted',
  'feedbackUpdate',
  'visitReminder',
  'caseStatus',
] as const
export type TemplateKey = (typeof TEMPLATE_KEYS)[number]

export const CONSENT_GROUPS = ['policy', 'job', 'training', 'feedback'] as const
export type ConsentGroup = (typeof CONSENT_GROUPS)[number]

export type ConsentKind = 'oneTime' | 'longTerm'

export interface TemplateKeyword {
  /** WeChat's data key: the type plus a number ('thing1'). */
  key: string
  /** The producer's name for the value ('policyName'). fitMessage accepts either. */
  name: string
  /** Chinese label shown in the WeChat template. */
  label: string
  type: KeywordType
  /** Other names producers use for the same value. */
  aliases?: string[]
}

export interface TemplateDef {
  key: TemplateKey
  /** template_id */
  id: string
  /** Chinese title (as in the WeChat console and on the 消息订阅 page). */
  title: string
  kind: ConsentKind
  group: ConsentGroup
  keywords: TemplateKeyword[]
  /** The page a message opens when the producer gives none. */
  defaultPage: string
}

const kw = (key: string, name: string, label: string, aliases?: string[]): TemplateKeyword => ({
  key,
  name,
  label,
  type: key.replace(/\d+$/, '') as KeywordType,
  ...(aliases ? { aliases } : {}),
})

export const TEMPLATES: Record<TemplateKey, TemplateDef> = {
  policyMatch: {
    key: 'policyMatch',
    id: 'ZJ_LOCAL_POLICY_MATCH',
    title: '政策匹配提醒',
    kind: 'oneTime',
    group: 'policy',
    keywords: [
      kw('thing1', 'policyName', '政策名称'),
      kw('phrase2', 'result', '匹配结果'),
      kw('thing3', 'tip', '温馨提示'),
      kw('time4', 'at', '通知时间'),
    ],
    defaultPage: deepLinks.messageCenter(),
  },
  visitReminder: {
    key: 'visitReminder',
    id: 'ZJ_LOCAL_VISIT_REMINDER',
    title: '上门服务提醒',
    kind: 'oneTime',
    group: 'policy',
    keywords: [
      kw('name1', 'workerName', '网格员'),
      kw('time2', 'at', '走访时间'),
      kw('thing3', 'matter', '服务事项'),
      kw('thing4', 'remark', '备注'),
    ],
    defaultPage: deepLinks.messageCenter(),
  },
  applicationStatus: {
    key: 'applicationStatus',
    id: 'ZJ_LOCAL_APPLICATION_STATUS',
    title: '求职申请进度通知',
    kind: 'oneTime',
    group: 'job',
    keywords: [
      kw('thing1', 'jobTitle', '岗位名称'),
      kw('thing2', 'employer', '招聘单位'),
      kw('phrase3', 'status', '申请状态'),
      kw('time4', 'at', '更新时间'),
    ],
    defaultPage: deepLinks.messageCenter(),
  },
  trainingReminder: {
    key: 'trainingReminder',
    id: 'ZJ_LOCAL_TRAINING_REMINDER',
    title: '培训开课提醒',
    kind: 'oneTime',
    group: 'training',
    keywords: [
      kw('thing1', 'courseTitle', '课程名称'),
      kw('time2', 'startAt', '开课时间'),
      kw('thing3', 'place', '上课地点', ['address']),
      kw('phrase4', 'status', '课程状态'),
    ],
    defaultPage: deepLinks.messageCenter(),
  },
  trainingPromoted: {
    key: 'trainingPromoted',
    id: 'ZJ_LOCAL_TRAINING_PROMOTED',
    title: '培训候补录取通知',
    kind: 'oneTime',
    group: 'training',
    keywords: [
      kw('thing1', 'courseTitle', '课程名称'),
      kw('phrase2', 'result', '报名结果', ['status']),
      kw('time3', 'startAt', '开课时间'),
      kw('thing4', 'place', '上课地点', ['address']),
    ],
    defaultPage: deepLinks.messageCenter(),
  },
  feedbackUpdate: {
    key: 'feedbackUpdate',
    id: 'ZJ_LOCAL_FEEDBACK_UPDATE',
    title: '诉求办理进度通知',
    // 政务民生 services may ask for long-term subscriptions: a complaint is followed to the end.
    kind: 'longTerm',
    group: 'feedback',
    keywords: [
      kw('character_string1', 'trackingNo', '受理编号'),
      kw('phrase2', 'status', '办理状态'),
      kw('thing3', 'department', '承办单位', ['summary']),
      kw('time4', 'at', '更新时间', ['time']),
    ],
    defaultPage: deepLinks.messageCenter(),
  },
  caseStatus: {
    key: 'caseStatus',
    id: 'ZJ_LOCAL_CASE_STATUS',
    title: '办事进度通知',
    // 业务经办 (registrations, policy applications) is followed to its decision, like a complaint: long-term.
    kind: 'longTerm',
    group: 'feedback',
    keywords: [
      kw('character_string1', 'trackingNo', '受理编号'),
      kw('thing2', 'title', '办理事项'),
      kw('phrase3', 'status', '办理状态'),
      kw('time4', 'at', '更新时间', ['time']),
    ],
    defaultPage: deepLinks.messageCenter(),
  },
}

export const TEMPLATE_LIST: TemplateDef[] = TEMPLATE_KEYS.map((k) => TEMPLATES[k])
export const TEMPLATE_IDS: string[] = TEMPLATE_LIST.map((t) => t.id)

export const isTemplateKey = (x: unknown): x is TemplateKey =>
  typeof x === 'string' && (TEMPLATE_KEYS as readonly string[]).includes(x)
export const templateById = (id: string): TemplateDef | undefined => TEMPLATE_LIST.find((t) => t.id === id)
export const templateOf = (keyOrId: string): TemplateDef | undefined =>
  isTemplateKey(keyOrId) ? TEMPLATES[keyOrId] : templateById(keyOrId)

/** The templates one consent dialog asks for (≤ 3, one kind). */
export function templatesOfGroup(group: ConsentGroup): TemplateDef[] {
  return TEMPLATE_LIST.filter((t) => t.group === group)
}

export type MessageData = Record<string, { value: string }>
export type FitMessageResult =
  { ok: true; data: MessageData; shortened: string[] } | { ok: false; keyword: string; reason: string }

/**
 * Fits a producer's values to a template: each keyword's value is looked up by its name ('policyName'), its
 * aliases, or its key ('thing1'), then fitted by the keyword rules (shortened or rejected). Unknown values are ignored.
 */
export function fitMessage(template: TemplateDef, values: Record<string, unknown>): FitMessageResult {
  const data: MessageData = {}
  const shortened: string[] = []
  for (const k of template.keywords) {
    const name = [k.name, ...(k.aliases ?? []), k.key].find(
      (n) => Object.prototype.hasOwnProperty.call(values, n) && values[n] !== undefined && values[n] !== null,
    )
    const raw = name === undefined ? undefined : values[name]
    const r = fitKeyword(k.type, raw)
    if (!r.ok) return { ok: false, keyword: k.key, reason: `${k.key} (${k.label}): ${r.reason}` }
    data[k.key] = { value: r.value }
    if (r.shortened) shortened.push(k.key)
  }
  return { ok: true, data, shortened }
}
