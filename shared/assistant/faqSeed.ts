/**
 * The FAQ the service staff start from: seeded into `assistant_faqs`, then maintained in the app (upsertFaq,
 * 「加入知识库」 from a gap). Each entry may point at the policy or guide it explains (`ref`), which the answer
 * cites beside the FAQ itself. Answers state only what the policy library and the guides say.
 */
export interface FaqSeed {
  id: string
  question: string
  answer: string
  keywords: string[]
  ref?: { kind: 'policy' | 'guide'; id: string }
}

const p = (id: string) => ({ kind: 'policy' as const, id })
const g = (id: string) => ({ kind: 'guide' as const, id })

export const FAQ_SEED: readonly FaqSeed[] = [
  {
    id: 'faq-quit-benefit',
    question: '自己辞职能领失业金吗？',
    answer:
      '失业保险金要求非因本人意愿中断就业，主动辞职的一般不能领取；如果是单位提出解除、合同到期单位不续签等情况可以申请。',
    keywords: ['辞职', '主动离职', '失业保险金'],
    ref: p('unemployment-insurance-benefit'),
  },
  {
    id: 'faq-benefit-months',
    question: '失业金能领几个月？',
    answer: '按累计缴费时间确定：满1年不足5年最长12个月，满5年不足10年最长18个月，10年以上最长24个月。',
    keywords: ['领几个月', '领多久', '期限'],
    ref: p('unemployment-insurance-benefit'),
  },
  {
    id: 'faq-benefit-medical',
    question: '领失业金期间医保怎么办？',
    answer: '领取失业保险金期间，基本医疗保险费由失业保险基金代缴，个人不用缴纳。',
    keywords: ['医保', '医疗保险', '代缴'],
    ref: p('unemployment-insurance-benefit'),
  },
  {
    id: 'faq-benefit-online',
    question: '失业金可以在手机上申请吗？',
    answer: '可以通过“爱山东”、电子社保卡或国家社会保险公共服务平台在线申领，也可以到参保地经办机构窗口办理。',
    keywords: ['网上', '手机', '线上申领'],
    ref: p('unemployment-insurance-benefit'),
  },
  {
    id: 'faq-register-where',
    question: '失业登记在哪里办？',
    answer: '到常住地或户籍地的街道（乡镇）公共就业服务机构办理，也可以在小程序「政策」页的办事入口在线提交。',
    keywords: ['失业登记', '哪里办'],
    ref: g('guide-unemployment-registration'),
  },
  {
    id: 'faq-register-fee',
    question: '办失业登记要钱吗？',
    answer: '办理失业登记不收取任何费用。',
    keywords: ['收费', '要钱'],
    ref: g('guide-unemployment-registration'),
  },
  {
    id: 'faq-loan-amount',
    question: '创业担保贷款最多能贷多少？',
    answer: '个人创业担保贷款最高20万元（各地可适当提高），贷款期限最长3年，财政按规定贴息，具体以经办银行核定为准。',
    keywords: ['贷款额度', '贷多少'],
    ref: p('startup-guaranteed-loan'),
  },
  {
    id: 'faq-loan-interest',
    question: '创业贷款要付利息吗？',
    answer: '符合条件的创业担保贷款由财政按规定贴息，个人承担的利息很少，具体以政策和经办银行为准。',
    keywords: ['利息', '贴息'],
    ref: p('startup-guaranteed-loan'),
  },
  {
    id: 'faq-startup-license',
    question: '没有营业执照能申请创业补贴吗？',
    answer: '一次性创业补贴要求已经办理营业执照（个体工商户或小微企业）并正常经营，办好执照后再申请。',
    keywords: ['营业执照', '创业补贴'],
    ref: p('startup-once-subsidy'),
  },
  {
    id: 'faq-training-free',
    question: '参加技能培训要交学费吗？',
    answer:
      '补贴性职业技能培训对符合条件的人员，培训费用可以按规定申领职业培训补贴，很多课程对报名人员免费，以课程页面说明为准。',
    keywords: ['学费', '免费', '培训费'],
    ref: p('vocational-training-subsidy'),
  },
  {
    id: 'faq-training-cancel',
    question: '报了培训去不了怎么办？',
    answer: '在「我的培训」里开课前取消报名即可，名额会让给候补的人。',
    keywords: ['取消报名', '去不了'],
    ref: g('guide-training-signup'),
  },
  {
    id: 'faq-training-waitlist',
    question: '培训名额满了还能报吗？',
    answer: '名额满了可以排队候补，有人取消时按报名顺序依次递补，递补成功会通知你。',
    keywords: ['候补', '名额满'],
    ref: g('guide-training-signup'),
  },
  {
    id: 'faq-certificate-subsidy',
    question: '考了技能证书有补贴吗？',
    answer: '取得职业资格证书或职业技能等级证书的，符合条件可以申请技能提升补贴或技能评价补贴，详见政策卡片。',
    keywords: ['证书', '考证', '补贴'],
    ref: p('skill-upgrade-subsidy'),
  },
  {
    id: 'faq-feedback-time',
    question: '投诉多久能有答复？',
    answer: '投诉一般在13个工作日内答复，咨询3个工作日内答复，遇节假日顺延；超期未答复的会自动督办。',
    keywords: ['多久答复', '答复时间'],
    ref: g('guide-feedback-submit'),
  },
  {
    id: 'faq-feedback-anonymous',
    question: '投诉能匿名吗？',
    answer: '可以。提交时选择匿名，经办人员看不到你的身份信息。',
    keywords: ['匿名'],
    ref: g('guide-feedback-submit'),
  },
  {
    id: 'faq-feedback-number',
    question: '受理编号忘了怎么查进度？',
    answer: '在「我的反馈」里可以看到你提交过的所有事项和进度，不需要记编号。',
    keywords: ['受理编号', '忘了', '进度'],
    ref: g('guide-feedback-track'),
  },
  {
    id: 'faq-bind-failed',
    question: '绑定档案一直失败怎么办？',
    answer: '请核对姓名和身份证号是否与登记时一致；连续失败多次会暂时锁定，24小时后再试；仍不行可以转人工咨询。',
    keywords: ['绑定失败', '实名'],
    ref: g('guide-bind-record'),
  },
  {
    id: 'faq-bind-why',
    question: '为什么要绑定档案？',
    answer: '绑定后政策体检、在线申请和岗位推荐才能用到你在人社部门的登记信息，不用重复填写。',
    keywords: ['为什么绑定'],
    ref: g('guide-bind-record'),
  },
  {
    id: 'faq-outreach-fraud',
    question: '收到政策找人的消息是不是骗子？',
    answer:
      '「政策找人」是人社部门根据登记信息主动告知可能符合的政策，不收费，也不会索要验证码或银行卡密码；可以在小程序「我的政策」里核实。',
    keywords: ['骗子', '诈骗', '政策找人'],
    ref: g('guide-policy-outreach-message'),
  },
  {
    id: 'faq-flexible-insurance',
    question: '打零工的社保有补贴吗？',
    answer: '就业困难人员、离校2年内未就业的高校毕业生以灵活就业方式参加社会保险的，可以申请灵活就业社会保险补贴。',
    keywords: ['零工', '灵活就业', '社保补贴'],
    ref: p('flexible-insurance-difficulty'),
  },
  {
    id: 'faq-graduate-jobless',
    question: '毕业两年了还没工作有什么帮扶？',
    answer:
      '离校未就业高校毕业生可以办理失业登记，享受就业见习、职业指导、技能培训和岗位推荐等服务，符合条件的还有社保补贴。',
    keywords: ['毕业', '没工作', '帮扶'],
    ref: p('graduate-employment-service'),
  },
  {
    id: 'faq-internship-pay',
    question: '就业见习有工资吗？',
    answer: '见习期一般3至12个月，见习单位按月发放基本生活补助，政府按规定给予见习单位就业见习补贴（标准以当地为准）。',
    keywords: ['见习', '生活费', '工资'],
    ref: p('internship-program'),
  },
  {
    id: 'faq-public-job',
    question: '公益性岗位是什么？',
    answer: '公益性岗位是政府开发的保洁、保绿、协管等岗位，优先安置就业困难人员，按规定给予岗位补贴和社会保险补贴。',
    keywords: ['公益岗', '公益性岗位'],
    ref: p('public-welfare-job'),
  },
  {
    id: 'faq-older-worker',
    question: '年纪大了找不到工作怎么办？',
    answer:
      '符合就业困难人员条件的（如大龄失业人员），可以申请认定为就业困难人员，享受公益性岗位安置、社保补贴和一对一就业援助。',
    keywords: ['年纪大', '大龄', '就业困难'],
    ref: p('older-worker-assistance'),
  },
  {
    id: 'faq-returnee',
    question: '回老家创业有什么支持？',
    answer: '返乡入乡创业人员可以享受创业担保贷款、一次性创业补贴、创业培训和场地等支持，详见政策卡片。',
    keywords: ['返乡', '回老家', '创业'],
    ref: p('returnee-startup-support'),
  },
  {
    id: 'faq-transport',
    question: '出省打工路费能报吗？',
    answer: '脱贫劳动力跨省外出务工的，可以按规定申请一次性交通补助。',
    keywords: ['路费', '车费', '交通补助'],
    ref: p('poverty-transport-subsidy'),
  },
  {
    id: 'faq-policy-check-accuracy',
    question: '政策体检说我符合就一定能领吗？',
    answer: '体检结果是按政策条件的初步判断，最终以经办机构审核为准；申请时要按要求提交材料。',
    keywords: ['体检', '一定能领'],
    ref: g('guide-policy-check'),
  },
  {
    id: 'faq-elder-mode',
    question: '字太小看不清怎么办？',
    answer: '在「我的」打开「长辈版」，文字和按钮都会放大。',
    keywords: ['字小', '看不清', '大字'],
    ref: g('guide-elder-mode'),
  },
  {
    id: 'faq-delete-data',
    question: '我的信息能删掉吗？',
    answer: '可以在「我的」-「隐私与数据」申请删除，工作人员核实后办理；正在办理的业务要办结后才能删除。',
    keywords: ['删除', '注销', '个人信息'],
    ref: g('guide-privacy-data'),
  },
  {
    id: 'faq-zero-employment',
    question: '家里一个上班的都没有有帮扶吗？',
    answer: '零就业家庭可以申请就业援助，公共就业服务机构会优先提供岗位、确保至少一人就业。',
    keywords: ['零就业', '家里没人上班'],
    ref: p('zero-employment-family-assistance'),
  },
  {
    id: 'faq-veteran',
    question: '退伍了能免费学技术吗？',
    answer: '退役军人可以免费参加职业技能培训，培训期间按规定享受生活补助，向户籍地退役军人服务机构报名。',
    keywords: ['退伍', '退役', '学技术'],
    ref: p('veteran-skills-training'),
  },
  {
    id: 'faq-disabled-startup',
    question: '残疾人自己开店有扶持吗？',
    answer: '残疾人自主创业、从事个体经营的，按《残疾人就业条例》享受税费减免、贷款贴息和经营场所等扶持。',
    keywords: ['残疾人', '开店', '个体'],
    ref: p('disabled-startup-support'),
  },
]
