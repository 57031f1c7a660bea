/**
 * Job seed: ≥ 3,000 live postings across Shandong's 16 cities (real district codes and coordinates from the
 * base seed), ~5 % already expired (to prove they never come back), employment service stations (one per
 * district) and gig markets (零工市场, two or three per city). `generateJobPostings` scales to 100,000+ for
 * the bench. Synthetic: employers, contacts and phone numbers are made up.
 * Demo: 济南 has at least 40 焊工 postings, 20 of them in 历下区, the first 8 posted by o_demo_handler.
 */
import { tokensForPosting } from '../../cloudfunctions/job/tokenizer'
import { OCCUPATIONS, occupationAncestors, type Occupation } from '../../shared/occupations/occupations'
import { sealedContactPhone } from '../../cloudfunctions/job/helpers/postingDoc'
import { cityCodeOf, cityName as cityNameOf } from '../../shared/job/regions'
import { toMonthly, type SalaryUnit } from '../../shared/job/salary'
import { searchKeysOf } from '../../shared/job/searchKeys'
import type { Education, JobDoc, JobType, PlaceDoc } from '../../shared/job/types'
import type { ModuleSeed, SeedContext } from './types'
import { toIsoCst } from '../../shared/calendar/chinaTime'

const DAY = 86400_000

export type SeedDistrict = SeedContext['districts'][number]

interface OccupationProfile {
  titles: string[]
  /** Monthly pay range for full-time work. */
  pay: [number, number]
  education: Education[]
  industry: string[]
  gig?: boolean
  weight: number
}

/** Titles, pay and who hires, per occupation (rough figures for Shandong in 2025). */
export const PROFILES: Record<string, OccupationProfile> = {
  '6-18-02-04': {
    titles: ['焊工', '电焊工', '氩弧焊工', '二保焊焊工', '熟练电焊工', '焊工学徒', '管道焊工'],
    pay: [5500, 9500],
    education: ['none', 'junior'],
    industry: ['机械制造', '重工', '钢结构', '装备'],
    gig: true,
    weight: 4,
  },
  '6-31-01-03': {
    titles: ['电工', '维修电工', '水电工', '低压电工', '物业电工'],
    pay: [5000, 8000],
    education: ['junior', 'senior', 'secondaryVocational'],
    industry: ['物业服务', '机械制造', '建设工程'],
    gig: true,
    weight: 3,
  },
  '6-18-01-01': {
    titles: ['数控车工', '车工', '数控车床操作工', 'CNC操作工'],
    pay: [5500, 9000],
    education: ['junior', 'secondaryVocational'],
    industry: ['精密机械', '机械制造', '汽车零部件'],
    weight: 3,
  },
  '4-10-01-05': {
    titles: ['养老护理员', '护工', '养老院护理员', '居家养老护理员'],
    pay: [4000, 6000],
    education: ['none', 'junior'],
    industry: ['养老服务', '康养'],
    weight: 3,
  },
  '4-10-01-06': {
    titles: ['家政服务员', '住家保姆', '钟点工', '家政保洁员'],
    pay: [4000, 6500],
    education: ['none'],
    industry: ['家政服务'],
    gig: true,
    weight: 3,
  },
  '4-10-01-02': {
    titles: ['育婴员', '育婴师', '月嫂', '育儿嫂'],
    pay: [6000, 12000],
    education: ['junior', 'senior'],
    industry: ['母婴护理', '家政服务'],
    weight: 2,
  },
  '4-03-02-01': {
    titles: ['厨师', '中餐厨师', '炒锅厨师', '鲁菜厨师', '帮厨'],
    pay: [5000, 9000],
    education: ['none', 'junior'],
    industry: ['餐饮管理', '酒店'],
    weight: 3,
  },
  '4-03-02-02': {
    titles: ['面点师', '中式面点师', '白案师傅', '包子师傅'],
    pay: [4500, 7000],
    education: ['none'],
    industry: ['餐饮管理', '食品'],
    weight: 2,
  },
  'L-2-01': {
    titles: ['Java开发工程师', '前端开发工程师', '软件工程师', '后端开发工程师', 'Python开发工程师'],
    pay: [8000, 18000],
    education: ['college', 'bachelor'],
    industry: ['软件', '信息技术', '网络科技'],
    weight: 3,
  },
  'L-2-02': {
    titles: ['会计', '出纳', '财务会计', '主办会计'],
    pay: [4000, 7000],
    education: ['college', 'bachelor'],
    industry: ['财务咨询', '商贸', '机械制造'],
    weight: 2,
  },
  'L-2-03': {
    titles: ['幼儿教师', '幼师', '幼儿园老师'],
    pay: [3500, 5500],
    education: ['college'],
    industry: ['幼儿园', '教育咨询'],
    weight: 2,
  },
  'L-2-04': {
    titles: ['护士', '临床护士', '社区医院护士'],
    pay: [4500, 7000],
    education: ['college', 'bachelor'],
    industry: ['医院', '诊所'],
    weight: 2,
  },
  'L-3-01': {
    titles: ['行政文员', '文员', '前台文员', '办公室文员'],
    pay: [3500, 5000],
    education: ['senior', 'college'],
    industry: ['商贸', '物业服务', '网络科技'],
    weight: 3,
  },
  'L-3-02': {
    titles: ['人事专员', '招聘专员', '人力资源专员'],
    pay: [4000, 6500],
    education: ['college', 'bachelor'],
    industry: ['人力资源', '商贸'],
    weight: 1,
  },
  'L-3-03': {
    titles: ['客服专员', '电话客服', '在线客服'],
    pay: [3800, 5500],
    education: ['senior', 'college'],
    industry: ['网络科技', '通信', '电子商务'],
    weight: 3,
  },
  'L-4-01': {
    titles: ['销售代表', '销售专员', '业务员', '销售经理'],
    pay: [4000, 10000],
    education: ['senior', 'college'],
    industry: ['商贸', '汽车销售', '建材'],
    weight: 4,
  },
  'L-4-02': {
    titles: ['电商运营', '直播运营', '带货主播', '淘宝运营'],
    pay: [5000, 10000],
    education: ['college'],
    industry: ['电子商务', '网络科技'],
    weight: 2,
  },
  'L-4-03': {
    titles: ['收银员', '超市收银员'],
    pay: [3200, 4200],
    education: ['none', 'junior'],
    industry: ['超市', '商贸'],
    weight: 2,
  },
  'L-4-04': {
    titles: ['导购员', '店员', '商场导购'],
    pay: [3500, 5500],
    education: ['junior', 'senior'],
    industry: ['商贸', '服饰'],
    weight: 2,
  },
  'L-4-05': {
    titles: ['餐厅服务员', '服务员', '传菜员'],
    pay: [3500, 4800],
    education: ['none'],
    industry: ['餐饮管理', '酒店'],
    gig: true,
    weight: 3,
  },
  'L-4-06': {
    titles: ['快递员', '快递派件员', '快递揽件员'],
    pay: [5500, 9000],
    education: ['none', 'junior'],
    industry: ['快递', '物流'],
    weight: 3,
  },
  'L-4-07': {
    titles: ['外卖骑手', '外卖配送员', '同城配送员'],
    pay: [6000, 10000],
    education: ['none'],
    industry: ['同城配送', '网络科技'],
    gig: true,
    weight: 3,
  },
  'L-4-08': {
    titles: ['货车司机', 'A2货车司机', '物流司机', '冷链货车司机'],
    pay: [7000, 12000],
    education: ['none', 'junior'],
    industry: ['物流', '运输'],
    gig: true,
    weight: 3,
  },
  'L-4-09': {
    titles: ['仓库管理员', '仓管员', '库管'],
    pay: [4000, 6000],
    education: ['senior'],
    industry: ['物流', '商贸', '机械制造'],
    weight: 2,
  },
  'L-4-10': {
    titles: ['叉车司机', '叉车工'],
    pay: [5000, 7500],
    education: ['none', 'junior'],
    industry: ['物流', '仓储'],
    gig: true,
    weight: 2,
  },
  'L-4-11': {
    titles: ['保安员', '保安', '门卫', '小区保安'],
    pay: [3200, 4500],
    education: ['none'],
    industry: ['保安服务', '物业服务'],
    weight: 3,
  },
  'L-4-12': {
    titles: ['保洁员', '物业保洁', '商场保洁'],
    pay: [2800, 3800],
    education: ['none'],
    industry: ['物业服务', '保洁服务'],
    gig: true,
    weight: 3,
  },
  'L-4-13': {
    titles: ['汽车维修工', '汽修学徒', '汽车钣金工', '汽车机修工'],
    pay: [5000, 9000],
    education: ['junior', 'secondaryVocational'],
    industry: ['汽车服务', '汽车销售'],
    weight: 2,
  },
  'L-4-14': {
    titles: ['美发师', '发型师', '美发助理'],
    pay: [4000, 9000],
    education: ['none', 'junior'],
    industry: ['美容美发'],
    weight: 1,
  },
  'L-4-15': {
    titles: ['装卸工', '搬运工', '分拣员', '快递分拣员'],
    pay: [4500, 7000],
    education: ['none'],
    industry: ['物流', '快递'],
    gig: true,
    weight: 3,
  },
  'L-5-01': {
    titles: ['大棚种植工', '果园采摘工', '蔬菜种植工', '果树修剪工'],
    pay: [3500, 5000],
    education: ['none'],
    industry: ['农业', '果蔬'],
    gig: true,
    weight: 2,
  },
  'L-5-02': {
    titles: ['养殖工', '养猪场饲养员', '养鸡场饲养员'],
    pay: [4500, 6500],
    education: ['none'],
    industry: ['畜牧', '农业'],
    weight: 1,
  },
  'L-6-01': {
    titles: ['普工', '生产操作工', '包装工', '流水线操作工', '食品厂普工'],
    pay: [4500, 6500],
    education: ['none', 'junior'],
    industry: ['食品', '电子', '纺织', '机械制造'],
    gig: true,
    weight: 6,
  },
  'L-6-02': {
    titles: ['装配工', '机械装配工', '电子组装工'],
    pay: [4500, 7000],
    education: ['junior'],
    industry: ['电子', '机械制造'],
    weight: 2,
  },
  'L-6-03': {
    titles: ['质检员', '品检员', 'QC质检'],
    pay: [4200, 6000],
    education: ['senior', 'college'],
    industry: ['电子', '食品', '机械制造'],
    weight: 2,
  },
  'L-6-04': {
    titles: ['缝纫工', '平车工', '服装加工工'],
    pay: [4500, 7500],
    education: ['none'],
    industry: ['服饰', '纺织'],
    weight: 2,
  },
  'L-6-05': {
    titles: ['木工', '装修木工'],
    pay: [6000, 9000],
    education: ['none'],
    industry: ['装饰工程', '建设工程'],
    gig: true,
    weight: 1,
  },
  'L-6-06': {
    titles: ['瓦工', '砌筑工'],
    pay: [6000, 9000],
    education: ['none'],
    industry: ['建设工程'],
    gig: true,
    weight: 1,
  },
  'L-6-07': {
    titles: ['钢筋工'],
    pay: [6500, 9500],
    education: ['none'],
    industry: ['建设工程'],
    gig: true,
    weight: 1,
  },
  'L-6-08': {
    titles: ['油漆工', '涂装工'],
    pay: [5500, 8000],
    education: ['none'],
    industry: ['装饰工程', '机械制造'],
    gig: true,
    weight: 1,
  },
  'L-6-09': {
    titles: ['挖掘机司机', '挖机司机'],
    pay: [7000, 11000],
    education: ['none'],
    industry: ['建设工程', '工程机械'],
    gig: true,
    weight: 1,
  },
  'L-6-10': {
    titles: ['钳工', '机修钳工', '设备维修工'],
    pay: [5000, 8000],
    education: ['junior', 'secondaryVocational'],
    industry: ['机械制造', '化工'],
    weight: 2,
  },
}

const BRAND = Array.from('鲁泉华泰齐岱海信恒盛鑫达宏远新和丰瑞金汇通博德康益祥隆安众诚')
const SURNAMES = Array.from('王李张刘陈杨赵孙周吴徐马朱胡郭何高林')
const TITLES_OF_CONTACT = ['经理', '女士', '先生', '主管']
const STREETS = [
  '经十路',
  '工业北路',
  '解放路',
  '泉城路',
  '和平路',
  '人民路',
  '建设路',
  '开发区大道',
  '科技路',
  '黄河路',
  '长江路',
  '泰山路',
  '滨河路',
]
const GIG_PAY_DAY: [number, number] = [150, 320]
const PART_PAY_HOUR: [number, number] = [18, 35]

export const AREA_CODES: Record<string, string> = {
  '370100': '0531',
  '370200': '0532',
  '370300': '0533',
  '370400': '0632',
  '370500': '0546',
  '370600': '0535',
  '370700': '0536',
  '370800': '0537',
  '370900': '0538',
  '371000': '0631',
  '371100': '0633',
  '371300': '0539',
  '371400': '0534',
  '371500': '0635',
  '371600': '0543',
  '371700': '0530',
}

const occupationTable = OCCUPATIONS.filter((o) => PROFILES[o.code]).map((o) => [o, PROFILES[o.code].weight] as const)
const WELDER = OCCUPATIONS.find((o) => o.code === '6-18-02-04') as Occupation

type R = () => number
const int = (r: R, min: number, max: number) => min + Math.floor(r() * (max - min + 1))
const pick = <T>(r: R, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]
function weighted<T>(r: R, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((s, [, w]) => s + w, 0)
  let x = r() * total
  for (const [v, w] of table) if ((x -= w) < 0) return v
  return table[table.length - 1][0]
}
const round = (n: number, step: number) => Math.round(n / step) * step
const pad = (n: number, w: number) => String(n).padStart(w, '0')

export interface GenerateOptions {
  count: number
  districts: readonly SeedDistrict[]
  random: R
  now: Date
  /** Share of postings already expired (still stored, never returned). Default 0.05. */
  expiredShare?: number
  /** First index for ids (job_000001 …). */
  startIndex?: number
  /** Make the demo postings (焊工 in 济南 / 历下区, some by o_demo_handler). Default true. */
  demo?: boolean
}

/** Postings, deterministic for a given random generator. */
export function generateJobPostings(opts: GenerateOptions): JobDoc[] {
  const { districts, random: r } = opts
  const nowMs = opts.now.getTime()
  const expiredShare = opts.expiredShare ?? 0.05
  const jinan = districts.filter((d) => cityCodeOf(d.code) === '370100')
  const lixia = districts.find((d) => d.code === '370102') ?? jinan[0] ?? districts[0]
  const byCity = new Map<string, SeedDistrict[]>()
  for (const d of districts) byCity.set(cityCodeOf(d.code), [...(byCity.get(cityCodeOf(d.code)) ?? []), d])
  const cities = [...byCity.keys()]
  const out: JobDoc[] = []
  const start = opts.startIndex ?? 1
  const demo = opts.demo ?? true

  for (let i = 0; i < opts.count; i++) {
    const n = start + i
    let occ: Occupation
    let district: SeedDistrict
    let createdBy: string | null = null
    if (demo && i < 40) {
      occ = WELDER
      district = i < 20 ? lixia : pick(r, jinan.length ? jinan : districts)
      if (i < 8) createdBy = 'o_demo_handler'
    } else {
      occ = weighted(r, occupationTable)
      // every city gets postings: the first rounds go city by city, then at random
      const city = i < cities.length * 20 ? cities[i % cities.length] : pick(r, cities)
      district = pick(r, byCity.get(city) ?? districts)
    }
    const p = PROFILES[occ.code]
    const cityCode = cityCodeOf(district.code)
    const cityName = cityNameOf(cityCode) || district.cityName
    const short = cityName.replace(/市$/, '')
    const title = pick(r, p.titles)

    let jobType: JobType = 'fullTime'
    const x = r()
    if (p.gig && x < 0.25) jobType = 'gig'
    else if (x > 0.9) jobType = 'partTime'
    let unit: SalaryUnit = 'month'
    let min: number
    let max: number
    if (jobType === 'gig') {
      unit = r() < 0.8 ? 'day' : 'hour'
      const [a, b] = unit === 'day' ? GIG_PAY_DAY : PART_PAY_HOUR
      min = unit === 'day' ? round(int(r, a, b), 10) : int(r, a, b)
      max = min + (unit === 'day' ? round(int(r, 0, 80), 10) : int(r, 0, 8))
    } else if (jobType === 'partTime') {
      unit = 'hour'
      min = int(r, PART_PAY_HOUR[0], PART_PAY_HOUR[1])
      max = min + int(r, 0, 10)
    } else {
      min = round(int(r, p.pay[0], p.pay[1] - 500), 100)
      max = round(min + int(r, 500, Math.max(600, (p.pay[1] - p.pay[0]) / 1.5)), 100)
    }
    const skills = [...occ.skills].sort(() => r() - 0.5).slice(0, int(r, 1, Math.min(4, occ.skills.length)))
    const employerName = `${short}${pick(r, BRAND)}${pick(r, BRAND)}${pick(r, p.industry)}有限公司`
    const postedAtMs = nowMs - Math.floor(r() * 60 * DAY) - int(r, 0, 3600_000)
    const expired = !(demo && i < 40) && r() < expiredShare
    const expiresAtMs = expired
      ? nowMs - int(r, 1, 20) * DAY
      : Math.max(postedAtMs + int(r, 30, 90) * DAY, nowMs + int(r, 3, 60) * DAY)
    const lat = Math.round((district.lat + (r() - 0.5) * 0.06) * 1e6) / 1e6
    const lng = Math.round((district.lng + (r() - 0.5) * 0.07) * 1e6) / 1e6
    const ageMin = pick(r, [16, 18, 18, 20, 22])
    const ageMax = pick(r, [35, 40, 45, 50, 55, 60])
    const { tokens, titleTokens } = tokensForPosting({
      title,
      occupationName: occ.name,
      occupationAliases: occ.aliases,
      employerName,
      skills,
    })
    const contactPhone = `1${pick(r, ['3', '5', '7', '8', '9'])}${int(r, 0, 9)}${pad(int(r, 0, 99_999_999), 8)}`
    out.push({
      _id: `job_${pad(n, 6)}`,
      title,
      description: `${employerName}招聘${title}${int(r, 1, 20)}名。岗位要求：${skills.join('、')}。工作地点：${cityName}${district.name}。${jobType === 'gig' ? '日结工资，按天结算。' : '缴纳社会保险，节假日按国家规定休息。'}`,
      occupationCode: occ.code,
      occupationName: occ.name,
      occupationAncestors: occupationAncestors(occ.code),
      employerName,
      cityCode,
      cityName,
      districtCode: district.code,
      districtName: district.name,
      address: `${cityName}${district.name}${pick(r, STREETS)}${int(r, 1, 999)}号`,
      lat,
      lng,
      location: { type: 'Point', coordinates: [lng, lat] },
      salaryMin: min,
      salaryMax: max,
      salaryUnit: unit,
      salaryMonthlyMin: toMonthly(min, unit),
      salaryMonthlyMax: toMonthly(max, unit),
      jobType,
      education: pick(r, p.education),
      ageMin,
      ageMax,
      skills,
      headcount: int(r, 1, 20),
      contactName: `${pick(r, SURNAMES)}${pick(r, TITLES_OF_CONTACT)}`,
      ...sealedContactPhone(contactPhone),
      status: 'open',
      postedAt: toIsoCst(postedAtMs),
      postedAtMs,
      expiresAt: toIsoCst(expiresAtMs),
      expiresAtMs,
      tokens,
      titleTokens,
      searchKeys: searchKeysOf({
        tokens,
        titleTokens,
        cityCode,
        districtCode: district.code,
        occupationAncestors: occupationAncestors(occ.code),
        postedAtMs,
        salaryMonthlyMax: toMonthly(max, unit),
        lat,
        lng,
      }),
      createdBy,
      updatedAt: toIsoCst(postedAtMs),
    })
  }
  return out
}

/** One employment service station per district, two or three gig markets per city. */
export function generatePlaces(districts: readonly SeedDistrict[], r: R): PlaceDoc[] {
  const out: PlaceDoc[] = []
  const place = (
    kind: PlaceDoc['kind'],
    d: SeedDistrict,
    name: string,
    spread: number,
    services: string[],
    openHours: string,
  ): PlaceDoc => {
    const lat = Math.round((d.lat + (r() - 0.5) * spread) * 1e6) / 1e6
    const lng = Math.round((d.lng + (r() - 0.5) * spread) * 1e6) / 1e6
    const cityCode = cityCodeOf(d.code)
    return {
      _id: `${kind === 'serviceStation' ? 'station' : 'gigmarket'}_${d.code}_${out.length}`,
      kind,
      name,
      address: `${cityNameOf(cityCode) || d.cityName}${d.name}${pick(r, ['人民路', '和平路', '建设路', '解放路'])}${int(r, 1, 300)}号`,
      cityCode,
      districtCode: d.code,
      lat,
      lng,
      location: { type: 'Point', coordinates: [lng, lat] },
      phone: `${AREA_CODES[cityCode] ?? '0531'}-${int(r, 6, 8)}${pad(int(r, 0, 9_999_999), 7)}`,
      openHours,
      services,
    }
  }
  for (const d of districts) {
    out.push(
      place(
        'serviceStation',
        d,
        `${d.name}公共就业服务站`,
        0.02,
        ['求职登记', '失业登记', '职业指导', '政策咨询', '技能培训报名'],
        '周一至周五 9:00-17:00',
      ),
    )
    if (d.code === '370102') {
      out.push(
        place(
          'serviceStation',
          d,
          `${d.name}姚家街道就业服务站`,
          0.01,
          ['求职登记', '职业指导', '岗位推荐'],
          '周一至周五 9:00-17:00',
        ),
      )
      out.push(
        place(
          'gigMarket',
          d,
          `${d.name}零工驿站`,
          0.01,
          ['零工岗位发布', '日结对接', '技能培训报名'],
          '每天 6:00-12:00',
        ),
      )
    }
  }
  const byCity = new Map<string, SeedDistrict[]>()
  for (const d of districts) byCity.set(cityCodeOf(d.code), [...(byCity.get(cityCodeOf(d.code)) ?? []), d])
  for (const [cityCode, ds] of byCity) {
    const name = (cityNameOf(cityCode) || ds[0].cityName).replace(/市$/, '')
    for (let k = 0; k < Math.min(3, ds.length); k++) {
      const d = ds[k]
      out.push(
        place(
          'gigMarket',
          d,
          `${name}${d.name}零工市场`,
          0.03,
          ['零工岗位发布', '日结对接', '劳务维权咨询'],
          '每天 5:30-11:30',
        ),
      )
    }
  }
  return out
}

export const SEED_POSTINGS = 3300

const seed: ModuleSeed = async (writer, options, context) => {
  const postings = generateJobPostings({
    count: SEED_POSTINGS,
    districts: context.districts,
    random: context.random,
    now: options.now,
  })
  for (let i = 0; i < postings.length; i += 1000)
    await writer.insertMany('jobs', postings.slice(i, i + 1000) as unknown as Record<string, unknown>[])
  await writer.insertMany(
    'places',
    generatePlaces(context.districts, context.random) as unknown as Record<string, unknown>[],
  )
}

export default seed
