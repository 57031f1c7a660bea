/**
 * Service guides (办事指南) for the app's own services: how to do things in 智就 itself. They are part of the
 * assistant's knowledge (indexed at build time with the policy library) and are written from what the app
 * does today; when a screen changes, change its guide here.
 */
export interface ServiceGuide {
  id: string
  title: string
  /** One or two sentences: what it is for. */
  summary: string
  steps: string[]
  /** Things people ask about it: time limits, costs, what happens next. */
  notes: string[]
  /** Where in the app (page path) the service lives, for the card. */
  page: string
}

export const SERVICE_GUIDES: readonly ServiceGuide[] = [
  {
    id: 'guide-unemployment-registration',
    title: '办理失业登记',
    summary:
      '失业后到常住地或户籍地的公共就业服务机构办理失业登记，登记后才能享受失业保险金、就业援助等政策和免费的就业服务。',
    steps: [
      '在「政策」页选择「办事」中的失业登记，或到街道（乡镇）公共就业服务窗口办理',
      '填写本人基本信息、失业前的工作情况和求职意向',
      '提交后由经办机构审核，审核通过即完成登记，可在「我的」查看进度',
    ],
    notes: [
      '办理失业登记不收费',
      '需要身份证或社会保障卡，有解除劳动关系证明的一并提供',
      '登记失业后要定期联系就业服务机构，接受职业指导和岗位推荐',
    ],
    page: '/packages/policy/index/index',
  },
  {
    id: 'guide-employment-registration',
    title: '办理就业登记',
    summary: '找到工作或开始灵活就业后办理就业登记，失业登记随之注销，就业信息用于社保补贴等政策的审核。',
    steps: [
      '在「政策」页「办事」中选择就业登记',
      '填写用人单位或灵活就业的情况和开始工作的日期',
      '提交后等待经办机构审核',
    ],
    notes: ['灵活就业人员也可以办理就业登记', '单位招用人员一般由单位统一办理'],
    page: '/packages/policy/index/index',
  },
  {
    id: 'guide-apply-policy',
    title: '在线申请政策补贴',
    summary: '符合条件的补贴可以在小程序里直接申请：系统会带出已有信息，只需补充缺少的内容和材料照片。',
    steps: [
      '在「政策」页打开要申请的政策，点「申请」',
      '核对自动带出的信息，补充缺少的项目，按提示拍照上传材料',
      '提交后得到受理编号，审核期间可在「我的申请」查看进度，需要补正时按通知补交材料',
    ],
    notes: [
      '不符合条件的政策会显示原因，不能提交',
      '材料照片要清晰完整，被退回补正的要在期限内补交',
      '审核有办理期限，超期会自动提醒经办人员',
    ],
    page: '/packages/policy/index/index',
  },
  {
    id: 'guide-policy-check',
    title: '政策体检：看看我能享受哪些政策',
    summary: '「政策体检」根据你的情况逐条判断每项政策是否符合，并说明理由和还缺哪些信息。',
    steps: [
      '在「政策」页点「政策体检」',
      '已绑定档案的会自动使用档案信息，也可以回答几个问题补充',
      '查看每项政策的结果：符合、不符合（附原因）或待确定（还缺的信息）',
    ],
    notes: ['结果是根据政策条件的初步判断，以经办机构审核为准', '信息变化后可以重新体检'],
    page: '/packages/policy/check/index',
  },
  {
    id: 'guide-policy-outreach-message',
    title: '收到「政策找人」消息是什么意思',
    summary:
      '「政策找人」是系统根据登记的信息主动找出可能符合某项政策的人，并通过订阅消息或网格员告诉你，不是诈骗，也不收费。',
    steps: [
      '打开消息进入小程序「我的政策」查看是哪项政策、为什么可能符合',
      '按页面提示补充信息或直接在线申请',
      '有疑问可以在「问一问」里提问，或提交咨询',
    ],
    notes: [
      '工作人员不会索要验证码、银行卡密码，也不会要求先交钱',
      '网格员可能上门或电话告知政策，可以在小程序里核实',
      '不想再收到消息可以在「消息订阅」里关闭',
    ],
    page: '/packages/policy/matches/index',
  },
  {
    id: 'guide-bind-record',
    title: '绑定本人档案（实名认证）',
    summary: '用姓名和身份证号绑定人社部门的本人档案后，政策体检、在线申请和就业服务才能用到你的登记信息。',
    steps: ['在「我的」点「绑定档案」', '填写本人姓名和身份证号（页面上脱敏显示）', '核对成功后即完成绑定'],
    notes: [
      '一个档案只能绑定一个微信号',
      '连续填错多次会暂时锁定，24小时后可再试',
      '身份证号加密保存，任何页面都只显示部分号码',
    ],
    page: '/pages/mine/index',
  },
  {
    id: 'guide-job-search',
    title: '找工作和投递简历',
    summary: '在「找工作」页按关键词、地区、工种、薪资或附近搜索岗位，看中后可以一键投递。',
    steps: [
      '在「找工作」页输入想做的工作或选择地区、工种筛选',
      '打开岗位查看要求、待遇和单位信息，点「投递」',
      '在「我的投递」查看单位是否查看、邀请面试',
    ],
    notes: [
      '先在「我的」完善求职简历，投递时单位看到的是简历（手机号脱敏）',
      '可以收藏岗位，也可以查看为你推荐的岗位和匹配度',
    ],
    page: '/pages/jobs/index',
  },
  {
    id: 'guide-resume',
    title: '填写求职简历和求职意向',
    summary: '简历和求职意向（想做的工种、城市、薪资）用于投递和岗位推荐。',
    steps: [
      '在「我的」点「求职简历」',
      '填写学历、技能、证书、工作经历和期望的工种、城市、薪资',
      '保存后推荐岗位会按新的意向更新',
    ],
    notes: ['手机号只在你同意被联系时才完整给到招聘单位'],
    page: '/packages/me/index/index',
  },
  {
    id: 'guide-training-signup',
    title: '报名参加职业技能培训',
    summary: '在「培训」里找开班的培训课程报名，名额满了可以排队候补，有人取消时按顺序递补。',
    steps: [
      '在首页进入「职业培训」，按工种或地区查找课程',
      '打开课程查看时间、地点、名额和报名截止时间，点「报名」',
      '报名成功或进入候补后，在「我的培训」查看，开课前会收到提醒',
    ],
    notes: [
      '大多数补贴性培训对符合条件的人员免费',
      '不能参加要在开课前取消，把名额让给候补的人',
      '培训合格后可以在「培训记录」查看，用于申请培训补贴',
    ],
    page: '/packages/training/index/index',
  },
  {
    id: 'guide-feedback-submit',
    title: '提交咨询、投诉、建议',
    summary: '对就业服务有疑问、不满意或有建议，可以在「我要反馈」提交，系统给出受理编号和答复期限。',
    steps: [
      '在首页点「我要反馈」，选择咨询、投诉、建议或表扬',
      '写清楚事情经过、地点和涉及的服务，可以附最多6张照片',
      '提交后记下受理编号，在「我的反馈」查看办理进度',
    ],
    notes: [
      '咨询一般3个工作日内答复，投诉13个工作日内答复，遇节假日顺延',
      '可以选择匿名，匿名后经办人员看不到你的身份',
      '内容会经过安全审核，含违法违规信息的不能提交',
    ],
    page: '/packages/feedback/submit/index',
  },
  {
    id: 'guide-feedback-track',
    title: '查询反馈办理进度和评价',
    summary: '用受理编号或在「我的反馈」里查看每一步办理情况，答复后可以评价，不满意可以申请重新办理。',
    steps: [
      '在「我的反馈」打开事项，查看受理、转办、答复等进程',
      '收到答复后打分评价',
      '对答复不满意的，7天内可以申请重新办理',
    ],
    notes: ['超过答复期限未答复的事项会自动督办', '转办到其他部门时会显示转办记录'],
    page: '/packages/feedback/index/index',
  },
  {
    id: 'guide-subscribe-messages',
    title: '订阅消息提醒',
    summary: '订阅后，办理进度、培训开课、政策找人等消息会通过微信服务通知发给你。',
    steps: [
      '在「我的」点「消息订阅」',
      '勾选想接收的消息并在微信弹窗中点「允许」',
      '一次性订阅每次允许只能收到一条，用完后可以再次订阅',
    ],
    notes: ['不订阅也可以在小程序里查看所有进度'],
    page: '/packages/notify/subscribe/index',
  },
  {
    id: 'guide-elder-mode',
    title: '长辈版（大字模式）',
    summary: '长辈版把字放大、按钮加大，适合老年人和视力不好的人使用。',
    steps: ['在「我的」打开「长辈版」开关', '所有页面的文字和按钮随之放大', '再次关闭即可恢复'],
    notes: ['长辈版下所有功能都能正常使用'],
    page: '/pages/mine/index',
  },
  {
    id: 'guide-privacy-data',
    title: '查看、导出或删除我的个人信息',
    summary: '可以导出小程序保存的本人全部信息，申请更正错误信息，或申请注销删除。',
    steps: [
      '在「我的」点「隐私与数据」',
      '选择导出我的数据、申请更正或申请删除',
      '更正和删除申请由工作人员核实后办理，可查看办理状态',
    ],
    notes: ['导出的文件只包含你本人的信息', '涉及正在办理的业务的信息，要等业务办结后才能删除'],
    page: '/packages/me/privacy/index',
  },
  {
    id: 'guide-grid-worker-visit',
    title: '网格员上门走访是怎么回事',
    summary: '村（社区）网格员会走访失业人员、未就业毕业生、就业困难人员等，了解就业需求、告知可享受的政策。',
    steps: [
      '网格员会出示身份并说明来意',
      '可以告诉网格员自己的就业意愿和困难',
      '需要的服务（推荐岗位、培训、政策申请）会在小程序里跟进',
    ],
    notes: ['走访不收取任何费用', '不方便时可以告诉网格员另约时间'],
    page: '/pages/home/index',
  },
  {
    id: 'guide-job-nearby',
    title: '找附近的工作',
    summary: '允许定位后，可以按距离查找附近的岗位，适合想在家附近上班的人。',
    steps: ['在「找工作」页点「附近」', '在微信弹窗中允许使用位置', '按距离查看岗位，点开可以看单位位置'],
    notes: ['不允许定位时可以手动选择区县查找'],
    page: '/packages/job/nearby/index',
  },
  {
    id: 'guide-human-service',
    title: '找人工客服',
    summary: '问一问答不上来或答得不对时，可以点「转人工」把问题作为咨询提交，工作人员会在3个工作日内答复。',
    steps: ['在回答下方点「转人工」', '核对自动带入的问题，补充说明后提交', '在「我的反馈」查看答复'],
    notes: ['也可以拨打12333人力资源和社会保障服务热线，或到服务窗口咨询'],
    page: '/packages/feedback/submit/index',
  },
]
