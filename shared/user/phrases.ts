/**
 * Rule-based résumé writing helper: concrete wording for skills and duties, per occupation code the project
 * ships (shared/occupations). No network model is available; `ResumeWriter` is the seam where one could be
 * plugged in later (cloudfunctions/user/helpers/resumeWriter.ts picks the implementation).
 *
 * Official codes: the duty phrases paraphrase the occupation's definition and work content in its national
 * vocational skill standard (国家职业技能标准, 人力资源社会保障部), the same standard cited in
 * shared/occupations/occupations.ts (`source`), and 《中华人民共和国职业分类大典（2022年版）》.
 * Local codes (`L-…`) have no official text: their phrases are built from the project's own skills list for
 * the occupation and say so in `source`. Pure (no I/O).
 */
import { findOccupation, OCCUPATIONS } from '../occupations/occupations'

export interface PhraseSet {
  occupationCode: string
  occupationName: string
  /** Duty lines for 工作经历. */
  duties: string[]
  /** Skill lines for 技能. */
  skills: string[]
  /** Where the wording comes from. */
  source: string
}

const OFFICIAL: Record<string, { duties: string[]; skills: string[] }> = {
  '6-18-02-04': {
    duties: [
      '按图纸和焊接工艺要求操作焊接设备，完成金属构件的焊接',
      '使用气割设备进行金属下料与切割',
      '焊前清理坡口、组对工件，焊后检查焊缝外观并修补缺陷',
      '遵守焊接安全操作规程，做好设备日常保养',
    ],
    skills: ['能读懂焊接图样和焊接工艺卡', '掌握焊条电弧焊、气体保护焊等焊接方法', '能判断常见焊接缺陷并进行返修'],
  },
  '6-31-01-03': {
    duties: [
      '使用工具和仪表安装、调试机械设备的电气部分及照明、动力线路',
      '对电气线路和元器件进行巡检、维护和故障检修',
      '按规程办理停送电，落实电气安全措施',
    ],
    skills: ['能识读电气原理图和接线图', '会使用万用表、兆欧表等常用电工仪表', '熟悉低压配电与电气安全规程'],
  },
  '6-18-01-01': {
    duties: [
      '按图纸和工艺要求操作车床，加工轴、套、盘类零件的回转表面和螺纹',
      '选择刀具和切削用量，装夹找正工件',
      '使用量具检测零件尺寸，保证加工精度',
    ],
    skills: ['能识读零件图并编制简单加工工艺', '会操作普通车床或数控车床', '会使用游标卡尺、千分尺等量具'],
  },
  '4-10-01-05': {
    duties: [
      '为老年人提供饮食、起居、清洁等生活照料',
      '协助老年人服药，观察并记录身体状况变化',
      '协助开展康复活动和心理慰藉，预防跌倒等意外',
    ],
    skills: ['掌握生活照料和基础护理技能', '会测量体温、血压等基本生命体征', '了解老年人常见病的照护要点'],
  },
  '4-10-01-06': {
    duties: [
      '按雇主要求操持家务：清洁、洗涤、烹饪家庭餐',
      '照护家中儿童、老人或病人的日常起居',
      '协助管理家庭物品与日常事务',
    ],
    skills: ['掌握家居清洁与衣物洗涤熨烫', '会制作家常菜肴', '懂得家庭安全和卫生常识'],
  },
  '4-10-01-02': {
    duties: [
      '为0～3岁婴幼儿提供喂养、睡眠、清洁等生活照料',
      '观察婴幼儿生长发育情况并做好记录',
      '开展适龄的动作、语言、认知等早期发展活动',
    ],
    skills: ['掌握婴幼儿喂养和辅食制作', '会处理婴幼儿常见意外并及时送医', '了解婴幼儿早期发展规律'],
  },
  '4-03-02-01': {
    duties: [
      '对烹饪原料进行初加工、刀工处理和配菜',
      '运用炒、烧、蒸、炸等烹调技法制作中式菜肴',
      '控制菜品质量与出菜速度，保持厨房卫生和食品安全',
    ],
    skills: ['刀工熟练，能按菜品要求切配', '掌握多种烹调技法和火候调味', '熟悉食品安全操作规范'],
  },
  '4-03-02-02': {
    duties: [
      '调制面团、制作馅心，成型制作包子、饺子、面条等面点',
      '运用蒸、煮、烤、炸等熟制方法出品',
      '控制面点品质，做好原料保管和卫生',
    ],
    skills: ['掌握水调面、发酵面等面团调制', '会制作常见馅心和多种成型手法', '熟悉面点熟制火候'],
  },
}

const officialSource = (code: string): string => {
  const o = findOccupation(code)
  return `${o?.source ?? '《中华人民共和国职业分类大典（2022年版）》'}：据职业定义与工作内容改写`
}

/** The phrase set of an occupation code the project ships, or null for an unknown code. */
export function phraseSet(code: string): PhraseSet | null {
  const o = findOccupation(code)
  if (!o) return null
  const own = OFFICIAL[code]
  if (own && o.official) return { occupationCode: code, occupationName: o.name, ...own, source: officialSource(code) }
  return {
    occupationCode: code,
    occupationName: o.name,
    duties: [
      `从事${o.name}相关工作，按岗位要求完成日常任务`,
      ...o.skills.slice(0, 2).map((s) => `在工作中运用${s}，保证工作质量`),
    ],
    skills: o.skills.map((s) => `熟悉${s}`),
    source: '本项目职业表中该职业的常见技能（本地职业代码，无官方出处）',
  }
}

/** Every occupation code has a phrase set (checked by the unit test). */
export const PHRASE_CODES: readonly string[] = OCCUPATIONS.map((o) => o.code)

/** The adapter seam: a writer turns occupations (and what the person already wrote) into suggestions. */
export interface ResumeWriter {
  readonly name: string
  suggest(input: { occupationCodes: string[]; skills: string[] }): Promise<PhraseSet[]>
}

export const ruleBasedWriter: ResumeWriter = {
  name: 'rules',
  async suggest({ occupationCodes, skills }) {
    const have = new Set(skills)
    return occupationCodes
      .map(phraseSet)
      .filter((p): p is PhraseSet => !!p)
      .map((p) => ({ ...p, skills: p.skills.filter((s) => !have.has(s)) }))
  },
}
