/**
 * Occupations used by postings, training and profiles.
 *
 * Structure of the national occupational classification (《中华人民共和国职业分类大典（2022年版）》,
 * 人力资源社会保障部、国家市场监督管理总局、国家统计局, 2022): major group (大类, 1 digit) → middle group (中类,
 * `6-18`) → minor group (小类, `6-18-02`) → occupation (细类/职业, `6-18-02-04`).
 *
 * `official: true` codes are the ones printed as 职业编码 on the national vocational skill standards
 * (国家职业技能标准, GZB …) issued by 人力资源社会保障部; the standard is cited per entry. Every other
 * occupation has a local code `L-<major>-<nn>`: the major group is the official one it obviously belongs to,
 * the rest is ours and means nothing outside this project. See README.md beside this file.
 * Middle and minor group names are not reproduced (we only derive their codes from the occupation code).
 */
export interface Occupation {
  code: string
  name: string
  official: boolean
  /** Other names residents and employers use; indexed for search (synonyms at index time). */
  aliases: string[]
  /** Skills typical for the occupation (seed data and recommendation hints). */
  skills: string[]
  /** Citation for official codes. */
  source?: string
}

export const MAJOR_GROUPS: Record<string, string> = {
  '1': '党的机关、国家机关、群众团体和社会组织、企事业单位负责人',
  '2': '专业技术人员',
  '3': '办事人员和有关人员',
  '4': '社会生产服务和生活服务人员',
  '5': '农、林、牧、渔业生产及辅助人员',
  '6': '生产制造及有关人员',
  '7': '军队人员',
  '8': '不便分类的其他从业人员',
}

const gzb = (year: number, name: string, code: string) =>
  `国家职业技能标准《${name}》（${year}年版），职业编码 ${code}；《中华人民共和国职业分类大典（2022年版）》`

export const OCCUPATIONS: readonly Occupation[] = [
  {
    code: '6-18-02-04',
    name: '焊工',
    official: true,
    source: gzb(2018, '焊工', '6-18-02-04'),
    aliases: ['电焊工', '电焊', '氩弧焊工', '二保焊', '气保焊', '焊接'],
    skills: ['二氧化碳气体保护焊', '氩弧焊', '手工电弧焊', '识图', '焊工证'],
  },
  {
    code: '6-31-01-03',
    name: '电工',
    official: true,
    source: gzb(2018, '电工', '6-31-01-03'),
    aliases: ['维修电工', '水电工', '低压电工', '高压电工'],
    skills: ['电工证', '低压电路维修', 'PLC', '识图'],
  },
  {
    code: '6-18-01-01',
    name: '车工',
    official: true,
    source: gzb(2018, '车工', '6-18-01-01'),
    aliases: ['数控车工', '车床工', '数控车床', 'CNC'],
    skills: ['数控编程', '识图', '数控车床操作', '量具使用'],
  },
  {
    code: '4-10-01-05',
    name: '养老护理员',
    official: true,
    source: gzb(2019, '养老护理员', '4-10-01-05'),
    aliases: ['护工', '养老护理', '护理员', '陪护'],
    skills: ['生活照料', '基础护理', '康复护理', '养老护理员证'],
  },
  {
    code: '4-10-01-06',
    name: '家政服务员',
    official: true,
    source: gzb(2019, '家政服务员', '4-10-01-06'),
    aliases: ['保姆', '家政', '钟点工', '住家阿姨'],
    skills: ['家务', '做饭', '保洁', '健康证'],
  },
  {
    code: '4-10-01-02',
    name: '育婴员',
    official: true,
    source: gzb(2019, '育婴员', '4-10-01-02'),
    aliases: ['育婴师', '月嫂', '育儿嫂', '母婴护理'],
    skills: ['婴儿护理', '辅食制作', '育婴员证', '早教'],
  },
  {
    code: '4-03-02-01',
    name: '中式烹调师',
    official: true,
    source: gzb(2018, '中式烹调师', '4-03-02-01'),
    aliases: ['厨师', '炒锅', '中餐厨师', '大厨', '帮厨'],
    skills: ['鲁菜', '炒锅', '刀工', '健康证'],
  },
  {
    code: '4-03-02-02',
    name: '中式面点师',
    official: true,
    source: gzb(2018, '中式面点师', '4-03-02-02'),
    aliases: ['面点师', '面点', '白案', '包子师傅'],
    skills: ['面点制作', '发面', '健康证'],
  },

  {
    code: 'L-2-01',
    name: '软件开发工程师',
    official: false,
    aliases: ['程序员', '软件工程师', 'Java开发', '前端开发', '后端开发'],
    skills: ['Java', 'JavaScript', 'Python', 'MySQL', 'Vue', 'Spring'],
  },
  {
    code: 'L-2-02',
    name: '会计',
    official: false,
    aliases: ['财务', '出纳', '记账会计'],
    skills: ['初级会计职称', '用友', '金蝶', 'Excel'],
  },
  {
    code: 'L-2-03',
    name: '幼儿教师',
    official: false,
    aliases: ['幼师', '幼儿园老师'],
    skills: ['教师资格证', '舞蹈', '钢琴', '幼儿教育'],
  },
  {
    code: 'L-2-04',
    name: '护士',
    official: false,
    aliases: ['护士', '临床护士'],
    skills: ['护士执业证', '静脉输液', '基础护理'],
  },
  {
    code: 'L-3-01',
    name: '行政文员',
    official: false,
    aliases: ['文员', '行政', '前台', '办公室文员'],
    skills: ['Word', 'Excel', '公文写作'],
  },
  {
    code: 'L-3-02',
    name: '人力资源专员',
    official: false,
    aliases: ['人事', 'HR', '招聘专员'],
    skills: ['招聘', '社保办理', '劳动合同'],
  },
  {
    code: 'L-3-03',
    name: '客服专员',
    official: false,
    aliases: ['客服', '电话客服', '在线客服'],
    skills: ['普通话', '打字', '沟通'],
  },
  {
    code: 'L-4-01',
    name: '销售代表',
    official: false,
    aliases: ['销售', '业务员', '销售经理'],
    skills: ['沟通', '客户开发', '驾照C1'],
  },
  {
    code: 'L-4-02',
    name: '电商运营',
    official: false,
    aliases: ['电商', '运营', '直播', '主播', '淘宝运营'],
    skills: ['直播带货', '短视频剪辑', '店铺运营', 'Photoshop'],
  },
  { code: 'L-4-03', name: '收银员', official: false, aliases: ['收银', '超市收银'], skills: ['收银系统', '点钞'] },
  {
    code: 'L-4-04',
    name: '导购员',
    official: false,
    aliases: ['导购', '店员', '营业员'],
    skills: ['商品陈列', '沟通'],
  },
  {
    code: 'L-4-05',
    name: '餐厅服务员',
    official: false,
    aliases: ['服务员', '传菜员', '餐厅'],
    skills: ['点餐', '健康证'],
  },
  {
    code: 'L-4-06',
    name: '快递员',
    official: false,
    aliases: ['快递', '派件员', '揽件员'],
    skills: ['电动三轮车驾驶', '智能手机'],
  },
  {
    code: 'L-4-07',
    name: '外卖骑手',
    official: false,
    aliases: ['外卖', '骑手', '配送员', '送餐员'],
    skills: ['电动车驾驶', '智能手机', '熟悉路线'],
  },
  {
    code: 'L-4-08',
    name: '货车司机',
    official: false,
    aliases: ['司机', '大车司机', '驾驶员', '物流司机'],
    skills: ['驾照B2', '驾照A2', '道路运输从业资格证'],
  },
  {
    code: 'L-4-09',
    name: '仓库管理员',
    official: false,
    aliases: ['仓管', '库管', '仓储'],
    skills: ['ERP系统', '盘点', '叉车证'],
  },
  { code: 'L-4-10', name: '叉车司机', official: false, aliases: ['叉车', '叉车工'], skills: ['叉车证'] },
  {
    code: 'L-4-11',
    name: '保安员',
    official: false,
    aliases: ['保安', '门卫', '安保'],
    skills: ['保安员证', '消防设施操作'],
  },
  {
    code: 'L-4-12',
    name: '保洁员',
    official: false,
    aliases: ['保洁', '清洁工', '物业保洁'],
    skills: ['清洁', '垃圾分类'],
  },
  {
    code: 'L-4-13',
    name: '汽车维修工',
    official: false,
    aliases: ['汽修', '机修', '汽车修理', '钣金'],
    skills: ['发动机维修', '汽车电路', '钣金'],
  },
  { code: 'L-4-14', name: '美发师', official: false, aliases: ['理发师', '发型师', '美发'], skills: ['剪发', '烫染'] },
  { code: 'L-4-15', name: '装卸搬运工', official: false, aliases: ['装卸工', '搬运工', '分拣员'], skills: ['体力好'] },
  {
    code: 'L-5-01',
    name: '农业种植工',
    official: false,
    aliases: ['种植', '大棚', '蔬菜种植', '果园', '采摘'],
    skills: ['大棚管理', '果树修剪', '农机操作'],
  },
  {
    code: 'L-5-02',
    name: '畜禽养殖工',
    official: false,
    aliases: ['养殖', '养猪', '养鸡'],
    skills: ['饲养管理', '防疫'],
  },
  {
    code: 'L-6-01',
    name: '生产操作工',
    official: false,
    aliases: ['普工', '操作工', '流水线', '包装工', '生产工人'],
    skills: ['流水线作业', '吃苦耐劳'],
  },
  { code: 'L-6-02', name: '装配工', official: false, aliases: ['装配', '组装工'], skills: ['机械装配', '识图'] },
  {
    code: 'L-6-03',
    name: '质检员',
    official: false,
    aliases: ['质检', '品检', 'QC'],
    skills: ['检验', '量具使用', 'ISO9001'],
  },
  {
    code: 'L-6-04',
    name: '缝纫工',
    official: false,
    aliases: ['缝纫', '平车工', '服装加工', '制衣'],
    skills: ['平车', '缝纫机操作'],
  },
  { code: 'L-6-05', name: '木工', official: false, aliases: ['装修木工', '木匠'], skills: ['木工手艺', '识图'] },
  { code: 'L-6-06', name: '砌筑工', official: false, aliases: ['瓦工', '瓦匠', '砌墙'], skills: ['砌筑', '抹灰'] },
  { code: 'L-6-07', name: '钢筋工', official: false, aliases: ['钢筋'], skills: ['钢筋绑扎', '识图'] },
  { code: 'L-6-08', name: '油漆工', official: false, aliases: ['涂装工', '刷漆'], skills: ['涂装', '腻子'] },
  {
    code: 'L-6-09',
    name: '挖掘机司机',
    official: false,
    aliases: ['挖掘机', '挖机', '钩机'],
    skills: ['挖掘机操作证'],
  },
  { code: 'L-6-10', name: '钳工', official: false, aliases: ['机修钳工', '设备维修工'], skills: ['钳工', '设备维修'] },
]

const byCode = new Map(OCCUPATIONS.map((o) => [o.code, o]))

export const findOccupation = (code: string): Occupation | undefined => byCode.get(code)

/**
 * The code and every ancestor level, most general first:
 * `6-18-02-04` → ['6', '6-18', '6-18-02', '6-18-02-04']; `L-6-01` → ['6', 'L-6-01'].
 */
export function occupationAncestors(code: string): string[] {
  if (code.startsWith('L-')) {
    const major = code.split('-')[1]
    return /^\d$/.test(major ?? '') ? [major as string, code] : [code]
  }
  const parts = code.split('-')
  return parts.map((_p, i) => parts.slice(0, i + 1).join('-'))
}

/** Display name of a code at any level (occupation, or a major group). */
export function occupationName(code: string): string {
  return byCode.get(code)?.name ?? MAJOR_GROUPS[code] ?? code
}

/** Occupations a free-text job title refers to (育婴师 → 育婴员 via its alias; 数据分析师 → none). */
export function findOccupationsByText(text: string): Occupation[] {
  const t = text.trim()
  if (!t) return []
  return OCCUPATIONS.filter(
    (o) => o.name === t || o.aliases.includes(t) || (t.length >= 2 && (o.name.includes(t) || t.includes(o.name))),
  )
}
