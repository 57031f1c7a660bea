/**
 * The labelled set for `npm run bench:assistant`: questions as residents put them (spoken wording, typos of
 * habit, no policy titles), each with the policy or guide a right answer cites, or null when the library has
 * no answer (the assistant should hand over to a person). Written from how people ask at a service window.
 */
export interface LabelledQuestion {
  q: string
  /** 'policy:<id>' | 'guide:<id>'; null = not answerable from the library */
  expect: string | null
}

const P = (id: string) => `policy:${id}`
const G = (id: string) => `guide:guide-${id}`

export const ASSISTANT_QUESTIONS: readonly LabelledQuestion[] = [
  // 失业保险金
  { q: '我失业了能领多少钱', expect: P('unemployment-insurance-benefit') },
  { q: '公司把我裁了，失业金怎么领', expect: P('unemployment-insurance-benefit') },
  { q: '交了三年保险被辞退了能拿失业金吗', expect: P('unemployment-insurance-benefit') },
  { q: '失业金每个月发多少', expect: P('unemployment-insurance-benefit') },
  { q: '失业保险能领几个月啊', expect: P('unemployment-insurance-benefit') },
  { q: '领失业金要带啥材料', expect: P('unemployment-insurance-benefit') },
  { q: '合同到期厂里不续了，能领失业补贴不', expect: P('unemployment-insurance-benefit') },
  { q: '下岗了有没有救济金', expect: P('unemployment-insurance-benefit') },
  { q: '自己辞职的能领失业金吗', expect: P('unemployment-insurance-benefit') },
  { q: '失业金在手机上怎么申请', expect: P('unemployment-insurance-benefit') },
  { q: '领失业金的时候医保谁交', expect: P('unemployment-insurance-benefit') },
  { q: '缴费十年以上失业了能领多久', expect: P('unemployment-insurance-benefit') },
  // 失业补助金
  { q: '失业金领完了还没找到活，还有补助吗', expect: P('unemployment-assistance') },
  { q: '保险交了不到一年就失业了，有什么补助', expect: P('unemployment-assistance') },
  { q: '失业补助金现在还发吗', expect: P('unemployment-assistance') },
  // 失业登记
  { q: '失业登记去哪儿办', expect: G('unemployment-registration') },
  { q: '怎么登记失业', expect: G('unemployment-registration') },
  { q: '没工作了要先登记吗，在手机上能登记不', expect: G('unemployment-registration') },
  { q: '办失业登记收费吗', expect: G('unemployment-registration') },
  { q: '找到新工作了失业登记要注销吗', expect: G('employment-registration') },
  { q: '上班以后要办就业登记吗', expect: G('employment-registration') },
  // 创业补贴
  { q: '开了个小店能领创业补贴吗', expect: P('startup-once-subsidy') },
  { q: '自己开饭馆政府给补多少钱', expect: P('startup-once-subsidy') },
  { q: '注册个体户满一年有一次性补贴吗', expect: P('startup-once-subsidy') },
  { q: '创业补贴一万二是真的吗', expect: P('startup-once-subsidy') },
  { q: '开公司的补贴申请要啥材料', expect: P('startup-once-subsidy') },
  { q: '没执照能领开店补贴吗', expect: P('startup-once-subsidy') },
  // 创业担保贷款
  { q: '创业贷最多能贷多少', expect: P('startup-guaranteed-loan') },
  { q: '想开店缺钱，政府能贷款吗', expect: P('startup-guaranteed-loan') },
  { q: '创业贷款利息谁出', expect: P('startup-guaranteed-loan') },
  { q: '做生意的贷款能贷几年', expect: P('startup-guaranteed-loan') },
  { q: '创业担保贷款去哪个银行办', expect: P('startup-guaranteed-loan') },
  { q: '贷款贴息怎么申请', expect: P('startup-guaranteed-loan') },
  { q: '小本生意想借二十万有政策吗', expect: P('startup-guaranteed-loan') },
  // 返乡创业
  { q: '返乡创业有什么补贴', expect: P('returnee-startup-support') },
  { q: '在外面打工多年回老家开养殖场有扶持吗', expect: P('returnee-startup-support') },
  { q: '农民工回村里创业政府帮啥', expect: P('returnee-startup-support') },
  { q: '回乡创业能给场地吗', expect: P('returnee-startup-support') },
  // 求职创业补贴
  { q: '家里困难的应届生找工作有补贴吗', expect: P('job-seeking-subsidy') },
  { q: '低保家庭大学生毕业那年有钱领吗', expect: P('job-seeking-subsidy') },
  { q: '求职补贴怎么申请，毕业生', expect: P('job-seeking-subsidy') },
  { q: '贫困生毕业找工作的一次性补助', expect: P('job-seeking-subsidy') },
  // 职业培训补贴
  { q: '培训补贴怎么申请', expect: P('vocational-training-subsidy') },
  { q: '学电焊政府给不给补贴', expect: P('vocational-training-subsidy') },
  { q: '参加培训拿了证能报销培训费吗', expect: P('vocational-training-subsidy') },
  { q: '失业了想学门手艺，学费能补吗', expect: P('vocational-training-subsidy') },
  { q: '培训费补贴标准是多少', expect: P('vocational-training-subsidy') },
  // 技能提升补贴
  { q: '在职考了电工证有补贴吗', expect: P('skill-upgrade-subsidy') },
  { q: '上班的人考技能等级证书能领多少', expect: P('skill-upgrade-subsidy') },
  { q: '考了中级工证能补一千五吗', expect: P('skill-upgrade-subsidy') },
  { q: '交失业保险满一年考证补贴', expect: P('skill-upgrade-subsidy') },
  { q: '高级工证书补贴怎么领', expect: P('skill-upgrade-subsidy') },
  // 技能评价补贴
  { q: '技能鉴定费能报吗', expect: P('skill-assessment-subsidy') },
  { q: '通过职业技能评价拿证有补助吗', expect: P('skill-assessment-subsidy') },
  { q: '考证的评价费用补贴', expect: P('skill-assessment-subsidy') },
  // 社会保险补贴（单位招用就业困难人员）
  { q: '单位招了就业困难的人社保能补吗', expect: P('social-insurance-subsidy') },
  { q: '我是困难人员被公司招了，公司交的社保有补贴吗', expect: P('social-insurance-subsidy') },
  { q: '企业招用4050人员社保补贴几年', expect: P('social-insurance-subsidy') },
  // 灵活就业社保补贴
  { q: '打零工自己交社保有补贴吗', expect: P('flexible-insurance-difficulty') },
  { q: '就业困难人员灵活就业交社保能补多少', expect: P('flexible-insurance-difficulty') },
  { q: '跑外卖的自己交养老保险政府补吗', expect: P('flexible-insurance-difficulty') },
  { q: '毕业两年内没找到工作，自己交社保能补贴吗', expect: P('flexible-insurance-graduate') },
  { q: '大学生自由职业交社保补贴', expect: P('flexible-insurance-graduate') },
  { q: '离校两年的毕业生灵活就业社保补几年', expect: P('flexible-insurance-graduate') },
  // 一次性吸纳就业补贴
  { q: '我开的小公司招了几个人，有补贴吗', expect: P('hiring-subsidy') },
  { q: '个体户雇人签合同交社保能补钱吗', expect: P('hiring-subsidy') },
  { q: '招用员工的一次性补贴怎么算', expect: P('hiring-subsidy') },
  { q: '小微企业招工补贴', expect: P('hiring-subsidy') },
  // 就业见习
  { q: '毕业了想找个实习的地方，有见习岗位吗', expect: P('internship-program') },
  { q: '见习期间有生活补助吗', expect: P('internship-program') },
  { q: '见习能去多久', expect: P('internship-program') },
  { q: '没工作的年轻人能参加见习吗', expect: P('internship-program') },
  // 公益性岗位
  { q: '公益岗怎么报名', expect: P('public-welfare-job') },
  { q: '社区保洁那种岗位谁能去', expect: P('public-welfare-job') },
  { q: '实在找不到工作政府能安排岗位吗', expect: P('public-welfare-job') },
  { q: '公益性岗位工资谁发，有社保吗', expect: P('public-welfare-job') },
  // 退役军人
  { q: '退伍军人免费学技术怎么报', expect: P('veteran-skills-training') },
  { q: '当兵回来没工作能参加培训吗', expect: P('veteran-skills-training') },
  { q: '退役士兵培训期间有生活补助吗', expect: P('veteran-skills-training') },
  // 残疾人
  { q: '残疾人开店有什么扶持', expect: P('disabled-startup-support') },
  { q: '我有残疾证想自己做点小生意，税能减吗', expect: P('disabled-startup-support') },
  { q: '残疾人个体经营贷款贴息', expect: P('disabled-startup-support') },
  // 脱贫劳动力交通补助
  { q: '出省打工路费能报吗', expect: P('poverty-transport-subsidy') },
  { q: '脱贫户去外省上班给车票钱吗', expect: P('poverty-transport-subsidy') },
  { q: '建档立卡的去外地打工有交通补贴吗', expect: P('poverty-transport-subsidy') },
  // 4050 / 就业困难
  { q: '我四十多岁的女工找不到活，有帮扶吗', expect: P('older-worker-assistance') },
  { q: '五十多岁下岗了怎么认定就业困难人员', expect: P('older-worker-assistance') },
  { q: '4050人员有啥政策', expect: P('older-worker-assistance') },
  { q: '岁数大了没人要，政府管不管', expect: P('older-worker-assistance') },
  // 离校未就业毕业生
  { q: '大学毕业一年了还没工作，政府有什么服务', expect: P('graduate-employment-service') },
  { q: '没找到工作的毕业生能推荐岗位吗', expect: P('graduate-employment-service') },
  { q: '离校未就业的能免费职业指导吗', expect: P('graduate-employment-service') },
  // 零就业家庭
  { q: '家里两口子都没工作怎么办', expect: P('zero-employment-family-assistance') },
  { q: '全家都没人上班有帮扶吗', expect: P('zero-employment-family-assistance') },
  { q: '零就业家庭怎么申请援助', expect: P('zero-employment-family-assistance') },
  // guides: apply, check, outreach messages, bind
  { q: '补贴能在小程序里直接申请吗', expect: G('apply-policy') },
  { q: '申请提交了怎么看审核到哪了', expect: G('apply-policy') },
  { q: '材料被退回让补正怎么办', expect: G('apply-policy') },
  { q: '我能享受哪些政策，怎么查', expect: G('policy-check') },
  { q: '政策体检是干嘛的', expect: G('policy-check') },
  { q: '怎么知道自己符不符合条件', expect: G('policy-check') },
  { q: '收到一条说我可能符合政策的消息，是真的吗', expect: G('policy-outreach-message') },
  { q: '政策找人是什么意思', expect: G('policy-outreach-message') },
  { q: '有人说能帮我领补贴要先交钱，是不是骗子', expect: G('policy-outreach-message') },
  { q: '怎么绑定身份证', expect: G('bind-record') },
  { q: '实名认证老是失败', expect: G('bind-record') },
  { q: '为什么要绑定档案', expect: G('bind-record') },
  // jobs
  { q: '怎么在上面找工作', expect: G('job-search') },
  { q: '看中的岗位怎么投简历', expect: G('job-search') },
  { q: '投了简历怎么知道单位看没看', expect: G('job-search') },
  { q: '简历在哪里填', expect: G('resume') },
  { q: '想改一下期望工资和想去的城市', expect: G('resume') },
  { q: '家门口附近有没有招工的', expect: G('job-nearby') },
  { q: '怎么找离家近的工作', expect: G('job-nearby') },
  // training signup
  { q: '怎么报名参加培训班', expect: G('training-signup') },
  { q: '培训名额满了还能报吗', expect: G('training-signup') },
  { q: '报了培训去不了怎么取消', expect: G('training-signup') },
  // feedback
  { q: '我要投诉窗口工作人员态度差', expect: G('feedback-submit') },
  { q: '怎么反映问题', expect: G('feedback-submit') },
  { q: '投诉多久给答复', expect: G('feedback-submit') },
  { q: '投诉能不能不留名字', expect: G('feedback-submit') },
  { q: '我提的意见办到哪一步了', expect: G('feedback-track') },
  { q: '对答复不满意能重新办吗', expect: G('feedback-track') },
  { q: '受理编号忘记了怎么查', expect: G('feedback-track') },
  // others
  { q: '怎么打开消息提醒', expect: G('subscribe-messages') },
  { q: '收不到通知怎么回事', expect: G('subscribe-messages') },
  { q: '字太小了老人看不清', expect: G('elder-mode') },
  { q: '有没有大字版', expect: G('elder-mode') },
  { q: '怎么把我的信息删掉', expect: G('privacy-data') },
  { q: '想导出我的个人数据', expect: G('privacy-data') },
  { q: '网格员上门问我工作的事是干嘛', expect: G('grid-worker-visit') },
  { q: '村里的网格员来走访要收钱吗', expect: G('grid-worker-visit') },
  { q: '我想找人工客服', expect: G('human-service') },
  { q: '转人工', expect: G('human-service') },
  // not answerable from the library: hand over
  { q: '今天天气怎么样', expect: null },
  { q: '护照在哪里办', expect: null },
  { q: '孩子上幼儿园怎么报名', expect: null },
  { q: '医保报销比例是多少', expect: null },
  { q: '退休金什么时候涨', expect: null },
  { q: '公积金怎么提取', expect: null },
  { q: '驾照到期了怎么换', expect: null },
  { q: '房贷利率多少', expect: null },
  { q: '怎么申请廉租房', expect: null },
  { q: '老家宅基地能卖吗', expect: null },
  { q: '生育津贴怎么领', expect: null },
  { q: '工伤认定要多久', expect: null },
  { q: '高考志愿怎么填', expect: null },
  { q: '新冠疫苗在哪里打', expect: null },
  { q: '个人所得税怎么退', expect: null },
  { q: '离婚手续怎么办', expect: null },
  { q: '老板拖欠工资不给怎么办', expect: null },
  { q: '户口迁移需要什么手续', expect: null },
  { q: '推荐个好吃的饭店', expect: null },
  { q: '彩票怎么中奖', expect: null },
  { q: '养老保险断缴了怎么补交', expect: null },
  { q: '居住证怎么办理', expect: null },
  { q: '结婚登记要带什么', expect: null },
  { q: '电动车上牌去哪', expect: null },
  { q: '你是谁', expect: null },
  { q: '社保卡丢了怎么补办', expect: null },
  { q: '出国劳务靠谱吗', expect: null },
  { q: '孩子考研调剂怎么弄', expect: null },
]
