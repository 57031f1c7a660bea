/**
 * 数据汇聚 import templates: for each kind the Chinese column headers an office's file carries (any order), the
 * field each one fills, whether it is required, and an example value. docs/import/<kind>.csv is generated from
 * these (scripts/importTemplates.ts), so the template a staff member downloads and the parser never disagree.
 */
import type { Education, EmploymentStatus, KeyGroup } from '../domain/person'
import { EDUCATION_LABELS, EMPLOYMENT_STATUS_LABELS, KEY_GROUP_LABELS } from '../domain/person'
import { JOB_TYPE_LABELS, type JobType } from '../job/types'
import type { SalaryUnit } from '../job/salary'

export const IMPORT_KINDS = ['persons', 'jobs', 'courses'] as const
export type ImportKind = (typeof IMPORT_KINDS)[number]

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  persons: '人员（就业失业登记）',
  jobs: '岗位',
  courses: '培训课程',
}

export interface TemplateColumn {
  header: string
  key: string
  required: boolean
  /** Shown in the template's example row; ID and phone numbers masked (never a number that looks real). */
  example: string
  /** How to fill it (shown in docs/import/README.md). */
  note?: string
}

export const PERSON_COLUMNS: readonly TemplateColumn[] = [
  { header: '姓名', key: 'name', required: true, example: '王小明' },
  {
    header: '身份证号',
    key: 'idNumber',
    required: true,
    example: '3701**********1231',
    note: '18位，校验位与出生日期须正确',
  },
  { header: '手机号', key: 'phone', required: true, example: '138****5678', note: '11位手机号' },
  { header: '户籍地区划代码', key: 'hukouRegion', required: true, example: '370102', note: 'GB/T 2260 六位代码' },
  { header: '网格编码', key: 'gridCode', required: true, example: '370102001-01', note: '本系统已有的社区网格' },
  {
    header: '学历',
    key: 'education',
    required: true,
    example: '本科',
    note: '无/小学/初中/高中/中专/技校/大专/本科/硕士/博士',
  },
  { header: '毕业年份', key: 'graduationYear', required: false, example: '2025' },
  {
    header: '就业状态',
    key: 'employmentStatus',
    required: true,
    example: '失业',
    note: '已就业/失业/灵活就业/自主创业/在校/已退休',
  },
  { header: '状态起始日期', key: 'employmentStatusSince', required: false, example: '2025-07-01', note: 'YYYY-MM-DD' },
  { header: '是否登记失业', key: 'registeredUnemployed', required: true, example: '是', note: '是/否' },
  {
    header: '登记失业日期',
    key: 'registeredUnemployedSince',
    required: false,
    example: '2025-08-15',
    note: '登记失业为「是」时必填',
  },
  {
    header: '重点群体',
    key: 'keyGroups',
    required: false,
    example: '高校毕业生、登记失业人员',
    note: '多个用顿号「、」分隔',
  },
  { header: '社保缴费月数', key: 'socialInsuranceMonths', required: true, example: '0', note: '0 或正整数' },
  { header: '户口性质', key: 'hukouType', required: false, example: '城镇', note: '城镇/农村' },
]

export const JOB_COLUMNS: readonly TemplateColumn[] = [
  { header: '用人单位', key: 'employerName', required: true, example: '济南示例机械有限公司' },
  { header: '岗位名称', key: 'title', required: true, example: '电焊工' },
  { header: '职业编码', key: 'occupationCode', required: true, example: '6-18-02-04', note: '本系统职业分类代码' },
  { header: '工作地区划代码', key: 'districtCode', required: true, example: '370102', note: '区县 GB/T 2260 代码' },
  { header: '工作地址', key: 'address', required: true, example: '历下区经十路100号' },
  { header: '薪资下限', key: 'salaryMin', required: true, example: '5000' },
  { header: '薪资上限', key: 'salaryMax', required: true, example: '7000' },
  { header: '薪资单位', key: 'salaryUnit', required: true, example: '元/月', note: '元/月、元/天、元/小时' },
  { header: '用工形式', key: 'jobType', required: true, example: '全职', note: '全职/兼职/零工' },
  { header: '学历要求', key: 'education', required: false, example: '高中' },
  { header: '招聘人数', key: 'headcount', required: false, example: '3' },
  { header: '联系人', key: 'contactName', required: true, example: '李经理' },
  { header: '联系电话', key: 'contactPhone', required: true, example: '139****1111' },
  { header: '技能要求', key: 'skills', required: false, example: '电焊、识图', note: '多个用顿号「、」分隔' },
  { header: '岗位描述', key: 'description', required: false, example: '持焊工证，两班倒' },
  { header: '截止日期', key: 'expiresAt', required: false, example: '', note: 'YYYY-MM-DD，最长30天；空则30天' },
  { header: '经度', key: 'lng', required: false, example: '', note: '空则取区县中心' },
  { header: '纬度', key: 'lat', required: false, example: '' },
]

export const COURSE_COLUMNS: readonly TemplateColumn[] = [
  { header: '培训机构', key: 'providerName', required: true, example: '济南示例职业培训学校' },
  { header: '课程名称', key: 'title', required: true, example: '焊工（初级）培训班' },
  { header: '职业编码', key: 'occupationCode', required: true, example: '6-18-02-04' },
  { header: '开课地区划代码', key: 'regionCode', required: true, example: '370102' },
  {
    header: '开课时间',
    key: 'startAt',
    required: true,
    example: '2027-01-10 09:00',
    note: 'YYYY-MM-DD HH:mm（北京时间）',
  },
  { header: '结课时间', key: 'endAt', required: false, example: '2027-01-10 12:00' },
  { header: '报名截止', key: 'signupDeadline', required: true, example: '2027-01-05 18:00' },
  { header: '名额', key: 'capacity', required: true, example: '30' },
  { header: '培训等级', key: 'level', required: false, example: '初级', note: '初级/中级/高级' },
  { header: '培训方式', key: 'mode', required: false, example: '线下', note: '线下/线上' },
  { header: '培训地址', key: 'address', required: false, example: '历下区解放路20号' },
  { header: '费用', key: 'fee', required: false, example: '0', note: '元' },
]

export const TEMPLATES: Record<ImportKind, readonly TemplateColumn[]> = {
  persons: PERSON_COLUMNS,
  jobs: JOB_COLUMNS,
  courses: COURSE_COLUMNS,
}

/** The natural key of each kind (what makes a row "the same record" again), in Chinese for the docs and UI. */
export const NATURAL_KEY_TEXT: Record<ImportKind, string> = {
  persons: '身份证号',
  jobs: '用人单位 + 岗位名称 + 工作地区划代码',
  courses: '培训机构 + 课程名称 + 开课时间',
}

// ---- Chinese values → stored enumerations ----

const invert = <K extends string>(labels: Record<K, string>): Record<string, K> =>
  Object.fromEntries(Object.entries(labels).map(([k, v]) => [v as string, k as K]))

export const EDUCATION_VALUES: Record<string, Education> = {
  ...invert(EDUCATION_LABELS),
  无学历: 'none',
  文盲: 'none',
  中专: 'secondaryVocational',
  技校: 'secondaryVocational',
  职高: 'secondaryVocational',
  中职: 'secondaryVocational',
  专科: 'college',
  高职: 'college',
  大学专科: 'college',
  大学本科: 'bachelor',
  研究生: 'master',
  硕士研究生: 'master',
  博士研究生: 'doctor',
}

export const EMPLOYMENT_STATUS_VALUES: Record<string, EmploymentStatus> = {
  ...invert(EMPLOYMENT_STATUS_LABELS),
  就业: 'employed',
  在职: 'employed',
  失业: 'unemployed',
  未就业: 'unemployed',
  创业: 'selfEmployed',
  个体: 'selfEmployed',
  学生: 'student',
  在读: 'student',
  退休: 'retired',
}

export const KEY_GROUP_VALUES: Record<string, KeyGroup> = {
  ...invert(KEY_GROUP_LABELS),
  登记失业: 'registeredUnemployed',
  离校未就业高校毕业生: 'recentGraduate',
  高校毕业生: 'recentGraduate',
  就业困难: 'employmentDifficulty',
  残疾人员: 'disabled',
  脱贫人员: 'povertyAlleviated',
  退役士兵: 'veteran',
  返乡入乡创业人员: 'returnedMigrant',
  零就业家庭: 'zeroEmploymentFamily',
}

export const YES_NO_VALUES: Record<string, boolean> = {
  是: true,
  否: false,
  Y: true,
  N: false,
  y: true,
  n: false,
  1: true,
  0: false,
}
export const HUKOU_TYPE_VALUES: Record<string, 'urban' | 'rural'> = {
  城镇: 'urban',
  非农业: 'urban',
  城市: 'urban',
  农村: 'rural',
  农业: 'rural',
}
export const JOB_TYPE_VALUES: Record<string, JobType> = {
  ...invert(JOB_TYPE_LABELS),
  全日制: 'fullTime',
  非全日制: 'partTime',
  临时工: 'gig',
}
export const SALARY_UNIT_VALUES: Record<string, SalaryUnit> = {
  '元/月': 'month',
  月: 'month',
  '元/天': 'day',
  天: 'day',
  日: 'day',
  '元/日': 'day',
  '元/小时': 'hour',
  小时: 'hour',
  时: 'hour',
}
export const TRAINING_LEVEL_VALUES: Record<string, 'junior' | 'intermediate' | 'senior'> = {
  初级: 'junior',
  中级: 'intermediate',
  高级: 'senior',
  五级: 'junior',
  四级: 'intermediate',
  三级: 'senior',
}
export const TRAINING_MODE_VALUES: Record<string, 'offline' | 'online'> = {
  线下: 'offline',
  线上: 'online',
  面授: 'offline',
  网络: 'online',
}

/** Separators between several values in one cell (重点群体, 技能要求): 、 first, also ，,；; and /. */
export const MULTI_SEPARATOR = /[、，,；;/|]+/

// ---- headers ----

export interface HeaderMap {
  /** Column index → field key. */
  columns: (string | null)[]
  /** Headers the template does not know (ignored, reported). */
  unknown: string[]
  /** Required headers missing from the file (the whole file is refused). */
  missing: string[]
  /** Headers present twice (the first is used). */
  duplicate: string[]
}

/** Headers are matched after removing blanks, a BOM, * (required marks) and full-width parentheses notes. */
export const normalizeHeader = (h: string): string =>
  h
    .replace(/^\uFEFF/, '')
    .replace(/[\s\u3000*＊]/g, '')
    .replace(/[（(][^）)]*[）)]$/, '')

export function mapHeaders(kind: ImportKind, headers: readonly string[]): HeaderMap {
  const byHeader = new Map(TEMPLATES[kind].map((c) => [c.header, c.key]))
  const seen = new Set<string>()
  const unknown: string[] = []
  const duplicate: string[] = []
  const columns = headers.map((raw) => {
    const h = normalizeHeader(raw)
    if (!h) return null
    const key = byHeader.get(h)
    if (!key) {
      unknown.push(raw.trim())
      return null
    }
    if (seen.has(key)) {
      duplicate.push(h)
      return null
    }
    seen.add(key)
    return key
  })
  const missing = TEMPLATES[kind].filter((c) => c.required && !seen.has(c.key)).map((c) => c.header)
  return { columns, unknown, missing, duplicate }
}

export const headerOf = (kind: ImportKind, key: string): string =>
  TEMPLATES[kind].find((c) => c.key === key)?.header ?? key
