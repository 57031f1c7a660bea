/**
 * 隐私保护指引: exactly what 智就 collects, why, where it is shown, and how long it is kept (PIPL: minimum
 * necessary; sensitive personal information named as such). Shown at first use; consent is recorded per version.
 * The retention periods here are the ones the `privacy` function's `retention` timer applies.
 */
export const PRIVACY_GUIDE_VERSION = '2026-11-01'

export interface GuideItem {
  /** What is collected. */
  what: string
  /** Why (the purpose), in plain words. */
  why: string
  /** Sensitive personal information under PIPL art. 28. */
  sensitive: boolean
  /** How long it is kept. */
  keep: string
}

export interface GuideSection {
  title: string
  items: GuideItem[]
}

export const PRIVACY_GUIDE: {
  version: string
  intro: string
  sections: GuideSection[]
  rights: string[]
  contact: string
} = {
  version: PRIVACY_GUIDE_VERSION,
  intro:
    '「智就」由公共就业服务机构提供。我们只收集办理就业服务所必需的信息，不向任何第三方出售。身份证号、手机号在存储时加密，在页面上只显示部分号码。',
  sections: [
    {
      title: '你主动提供的信息',
      items: [
        {
          what: '姓名、身份证号（实名绑定时）',
          why: '核实身份，找到你在公共就业服务中的登记信息，判断你能享受哪些政策',
          sensitive: true,
          keep: '绑定期间；解除绑定或注销后删除绑定关系',
        },
        {
          what: '求职意向、技能、期望薪资、学历',
          why: '为你推荐合适的岗位和培训',
          sensitive: false,
          keep: '直到你修改或注销',
        },
        {
          what: '投诉、咨询、建议的内容和照片',
          why: '办理你的诉求并向你反馈结果',
          sensitive: false,
          keep: '办结后照片保留 180 天，文字记录保留 3 年',
        },
        {
          what: '联系电话（你同意被联系时）',
          why: '工作人员需要时电话联系你，每次查看号码都有记录',
          sensitive: true,
          keep: '与诉求记录相同',
        },
      ],
    },
    {
      title: '办理服务时产生的信息',
      items: [
        {
          what: '求职申请、培训报名、培训结业记录',
          why: '办理求职和培训，形成你的终身培训记录',
          sensitive: false,
          keep: '直到你注销；培训记录按规定长期保存',
        },
        { what: '政策匹配结果', why: '主动告诉你可以申请的政策（政策找人）', sensitive: false, keep: '政策有效期内' },
        { what: '网格员走访记录', why: '为你提供上门就业服务，跟进你的需要', sensitive: false, keep: '3 年' },
        { what: '订阅消息授权', why: '只在你同意的次数内给你发送通知', sensitive: false, keep: '直到你撤回' },
      ],
    },
    {
      title: '为了安全必须记录的信息',
      items: [
        {
          what: '操作日志（谁在什么时候查看或修改了什么）',
          why: '防止滥用，保护你的信息安全',
          sensitive: false,
          keep: '至少 180 天，最长 1 年',
        },
      ],
    },
  ],
  rights: [
    '在「我的 → 我的数据」查看和导出你的全部数据',
    '发现信息有误，可以申请更正',
    '可以申请注销账号并删除你的个人信息（依法必须保存的除外）',
    '可以随时撤回订阅消息授权',
  ],
  contact: '如有疑问，可拨打 12333 或到就近的公共就业服务窗口咨询。',
}

/** Retention rules applied by the `retention` timer (days). */
export const RETENTION_DAYS = {
  auditLogs: 365,
  idempotency: 7,
  rateLimits: 2,
  dispatchAttempts: 90,
  messages: 365,
} as const
export const AUDIT_MIN_RETENTION_DAYS = 180
