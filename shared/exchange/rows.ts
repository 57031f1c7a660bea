/**
 * One imported row → a record, or the reasons it is rejected (column + Chinese reason). Pure: reference checks
 * that need the database (the region exists, the grid exists, the row lies in the caller's regions) are done by
 * the exchange function with REJECTIONS' messages; everything that can be decided from the row is decided here,
 * with the same schemas the actions use (idNumberInput of user.bindResident, job.post's and training.create's
 * input schemas, regionCode).
 */
import { z } from 'zod'
import { regionCode, text } from '../actions/common'
import { jobActions } from '../actions/job'
import { trainingActions } from '../actions/training'
import { idNumberInput } from '../actions/user'
import type { Education, EmploymentStatus, KeyGroup } from '../domain/person'
import { idNumberFacts, normalizeIdNumber } from '../idNumber'
import {
  EDUCATION_VALUES,
  EMPLOYMENT_STATUS_VALUES,
  HUKOU_TYPE_VALUES,
  JOB_TYPE_VALUES,
  KEY_GROUP_VALUES,
  MULTI_SEPARATOR,
  SALARY_UNIT_VALUES,
  TEMPLATES,
  TRAINING_LEVEL_VALUES,
  TRAINING_MODE_VALUES,
  YES_NO_VALUES,
  headerOf,
  type ImportKind,
} from './templates'

export interface RowError {
  /** 1-based row number in the file, the header being row 1. */
  row: number
  /** The Chinese header of the column ('' for the whole row). */
  column: string
  message: string
}

/** Every reason a row can be rejected for (tests walk this list; the docs print it). */
export const REJECTIONS = {
  required: '必填项为空',
  tooLong: (max: number) => `内容过长（最多${max}个字）`,
  phone: '手机号应为11位数字且以1开头',
  regionFormat: '行政区划代码应为6位数字（GB/T 2260）',
  regionUnknown: '行政区划代码不存在（GB/T 2260）',
  gridUnknown: '网格编码在本系统中不存在',
  outOfScope: '该记录所在地区不属于本部门管辖，不能导入',
  enumValue: (value: string, allowed: string) => `无法识别「${value.slice(0, 20)}」，可填：${allowed}`,
  dateFormat: '日期格式应为 YYYY-MM-DD',
  dateInFuture: '日期不能晚于今天',
  dateBeforeBirth: '日期不能早于出生日期',
  year: '年份应为四位数字且不晚于明年',
  nonNegativeInt: '应为0或正整数',
  number: '应为数字',
  registeredDateMissing: '「是否登记失业」为「是」时须填写登记失业日期',
  duplicateInFile: (row: number) => `与第${row}行重复（同一记录在文件中出现两次，以先出现的为准）`,
  occupationUnknown: '职业编码在本系统职业分类中不存在',
  dateTimeFormat: '时间格式应为 YYYY-MM-DD HH:mm',
  deadlineAfterStart: '报名截止不能晚于开课时间',
  startInPast: '开课时间不能早于现在',
  expiresInPast: '截止日期应晚于今天',
} as const

export interface PersonRow {
  name: string
  idNumber: string
  phone: string
  hukouRegion: string
  gridCode: string
  education: Education
  graduationYear: number | null
  employmentStatus: EmploymentStatus
  employmentStatusSince: string | null
  registeredUnemployed: boolean
  registeredUnemployedSince: string | null
  keyGroups: KeyGroup[]
  socialInsuranceMonths: number
  hukouType: 'urban' | 'rural' | null
  birthDate: string
  sex: 'male' | 'female'
}

export type JobRow = z.output<typeof jobActions.actions.post.input>
export type CourseRow = z.output<typeof trainingActions.actions.create.input> & { providerName: string }

export type RowResult<T> = { ok: true; value: T } | { ok: false; errors: Omit<RowError, 'row'>[] }

export interface RowOptions {
  /** Today in China time, YYYY-MM-DD (dates after it are refused). */
  today: string
  /** Now (ms), for course start times and posting expiry. */
  nowMs: number
}

const labelsOf = (values: Record<string, unknown>): string =>
  Object.keys(values)
    .filter((k) => /[\u4e00-\u9fa5/]/.test(k))
    .slice(0, 10)
    .join('/')

/** 2025-07-01, 2025/7/1, 2025.7.1, 20250701, 2025年7月1日 → 2025-07-01; null when not a real date. */
export function normalizeDate(raw: string): string | null {
  const s = raw.trim()
  const m =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]00:00(?::00)?)?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s)
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  if (y < 1900 || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/** 2027-01-10 09:00 (China time; also / and T, seconds optional) → ISO-8601 with +08:00; null when invalid. */
export function normalizeDateTime(raw: string): string | null {
  const m = /^(\S+?)[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(raw.trim())
  if (!m) return null
  const date = normalizeDate(m[1])
  const [h, mi, sec] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)]
  if (!date || h > 23 || mi > 59 || sec > 59) return null
  return `${date}T${String(h).padStart(2, '0')}:${m[3]}:${String(sec).padStart(2, '0')}+08:00`
}

/** Field readers collecting errors by column. */
function reader(kind: ImportKind, cells: Record<string, string>) {
  const errors: Omit<RowError, 'row'>[] = []
  const fail = (key: string, message: string) => {
    if (!errors.some((e) => e.column === headerOf(kind, key))) errors.push({ column: headerOf(kind, key), message })
    return undefined
  }
  const raw = (key: string): string => (cells[key] ?? '').trim()
  const required = (key: string): string | undefined => raw(key) || fail(key, REJECTIONS.required)
  const oneOf = <T>(key: string, values: Record<string, T>, isRequired: boolean): T | null | undefined => {
    const v = raw(key)
    if (!v) return isRequired ? fail(key, REJECTIONS.required) : null
    const hit = values[v] ?? values[v.replace(/\s/g, '')]
    return hit !== undefined ? hit : fail(key, REJECTIONS.enumValue(v, labelsOf(values)))
  }
  const date = (key: string, isRequired: boolean, today: string): string | null | undefined => {
    const v = raw(key)
    if (!v) return isRequired ? fail(key, REJECTIONS.required) : null
    const d = normalizeDate(v)
    if (!d) return fail(key, REJECTIONS.dateFormat)
    return d > today ? fail(key, REJECTIONS.dateInFuture) : d
  }
  const int = (key: string, isRequired: boolean): number | null | undefined => {
    const v = raw(key)
    if (!v) return isRequired ? fail(key, REJECTIONS.required) : null
    return /^\d{1,7}$/.test(v) ? Number(v) : fail(key, REJECTIONS.nonNegativeInt)
  }
  const num = (key: string): number | undefined => {
    const v = raw(key).replace(/,/g, '')
    if (!v) return undefined
    return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : fail(key, REJECTIONS.number)
  }
  const list = (key: string): string[] =>
    raw(key)
      .split(MULTI_SEPARATOR)
      .map((s) => s.trim())
      .filter(Boolean)
  return { errors, fail, raw, required, oneOf, date, int, num, list }
}

const personSchema = z.object({ name: text(30, 1), idNumber: idNumberInput(), hukouRegion: regionCode() })

export function parsePersonRow(cells: Record<string, string>, opts: RowOptions): RowResult<PersonRow> {
  const r = reader('persons', cells)
  const name = r.required('name')
  if (name && Array.from(name).length > 30) r.fail('name', REJECTIONS.tooLong(30))
  const idRaw = r.required('idNumber')
  let birthDate: string | null = null
  let sex: 'male' | 'female' = 'male'
  if (idRaw) {
    const res = personSchema.shape.idNumber.safeParse(idRaw.replace(/\s/g, ''))
    if (!res.success) r.fail('idNumber', res.error.issues[0]?.message ?? REJECTIONS.required)
    else ({ birthDate, sex } = idNumberFacts(normalizeIdNumber(res.data)))
  }
  const phone = r.required('phone')?.replace(/[\s-]/g, '')
  if (phone && !/^1[3-9]\d{9}$/.test(phone)) r.fail('phone', REJECTIONS.phone)
  const hukouRegion = r.required('hukouRegion')
  if (hukouRegion && !personSchema.shape.hukouRegion.safeParse(hukouRegion).success)
    r.fail('hukouRegion', REJECTIONS.regionFormat)
  const gridCode = r.required('gridCode')
  const education = r.oneOf('education', EDUCATION_VALUES, true)
  const graduationYear = r.int('graduationYear', false)
  const thisYear = Number(opts.today.slice(0, 4))
  if (typeof graduationYear === 'number' && (graduationYear < 1950 || graduationYear > thisYear + 1))
    r.fail('graduationYear', REJECTIONS.year)
  const employmentStatus = r.oneOf('employmentStatus', EMPLOYMENT_STATUS_VALUES, true)
  const since = r.date('employmentStatusSince', false, opts.today)
  const registered = r.oneOf('registeredUnemployed', YES_NO_VALUES, true)
  const registeredSince = r.date('registeredUnemployedSince', false, opts.today)
  if (registered === true && registeredSince === null)
    r.fail('registeredUnemployedSince', REJECTIONS.registeredDateMissing)
  for (const [key, d] of [
    ['employmentStatusSince', since],
    ['registeredUnemployedSince', registeredSince],
  ] as const) {
    if (typeof d === 'string' && birthDate && d < birthDate) r.fail(key, REJECTIONS.dateBeforeBirth)
  }
  const keyGroups: KeyGroup[] = []
  for (const g of r.list('keyGroups')) {
    const k = KEY_GROUP_VALUES[g]
    if (!k) {
      r.fail('keyGroups', REJECTIONS.enumValue(g, labelsOf(KEY_GROUP_VALUES)))
      break
    }
    if (!keyGroups.includes(k)) keyGroups.push(k)
  }
  if (registered === true && !keyGroups.includes('registeredUnemployed')) keyGroups.push('registeredUnemployed')
  const months = r.int('socialInsuranceMonths', true)
  const hukouType = r.oneOf('hukouType', HUKOU_TYPE_VALUES, false)
  if (r.errors.length) return { ok: false, errors: r.errors }
  return {
    ok: true,
    value: {
      name: (name as string).replace(/[\s\u3000]/g, ''),
      idNumber: normalizeIdNumber((idRaw as string).replace(/\s/g, '')),
      phone: phone as string,
      hukouRegion: hukouRegion as string,
      gridCode: gridCode as string,
      education: education as Education,
      graduationYear: graduationYear ?? null,
      employmentStatus: employmentStatus as EmploymentStatus,
      employmentStatusSince: since ?? null,
      registeredUnemployed: registered as boolean,
      registeredUnemployedSince: registered ? (registeredSince ?? null) : null,
      keyGroups,
      socialInsuranceMonths: months as number,
      hukouType: hukouType ?? null,
      birthDate: birthDate as string,
      sex,
    },
  }
}

/** zod issue path → the template column (job.post / training.create field names are the template keys). */
function zodErrors(kind: ImportKind, error: z.ZodError): Omit<RowError, 'row'>[] {
  const out: Omit<RowError, 'row'>[] = []
  for (const i of error.issues) {
    const key = String(i.path[0] ?? '')
    const column = TEMPLATES[kind].some((c) => c.key === key) ? headerOf(kind, key) : ''
    if (!out.some((e) => e.column === column)) out.push({ column, message: i.message })
  }
  return out
}

/** Region centres for postings without coordinates: the caller passes the district's lat/lng. */
export function parseJobRow(
  cells: Record<string, string>,
  opts: RowOptions,
  centre: (districtCode: string) => { lat: number; lng: number } | null,
): RowResult<JobRow> {
  const r = reader('jobs', cells)
  for (const key of [
    'employerName',
    'title',
    'occupationCode',
    'districtCode',
    'address',
    'contactName',
    'contactPhone',
  ])
    r.required(key)
  const salaryMin = r.num('salaryMin')
  const salaryMax = r.num('salaryMax')
  if (salaryMin === undefined && !r.raw('salaryMin')) r.fail('salaryMin', REJECTIONS.required)
  if (salaryMax === undefined && !r.raw('salaryMax')) r.fail('salaryMax', REJECTIONS.required)
  const salaryUnit = r.oneOf('salaryUnit', SALARY_UNIT_VALUES, true)
  const jobType = r.oneOf('jobType', JOB_TYPE_VALUES, true)
  const education = r.oneOf('education', EDUCATION_VALUES, false)
  const headcount = r.int('headcount', false)
  let expiresAt: string | undefined
  if (r.raw('expiresAt')) {
    const d = normalizeDate(r.raw('expiresAt'))
    if (!d) r.fail('expiresAt', REJECTIONS.dateFormat)
    else if (d <= opts.today) r.fail('expiresAt', REJECTIONS.expiresInPast)
    else expiresAt = d
  }
  let lat = r.num('lat')
  let lng = r.num('lng')
  const districtCode = r.raw('districtCode')
  if ((lat === undefined || lng === undefined) && /^\d{6}$/.test(districtCode)) {
    const c = centre(districtCode)
    if (c) ({ lat, lng } = c)
  }
  if (r.errors.length) return { ok: false, errors: r.errors }
  const candidate = {
    title: r.raw('title'),
    occupationCode: r.raw('occupationCode'),
    employerName: r.raw('employerName'),
    description: r.raw('description') || undefined,
    districtCode,
    address: r.raw('address'),
    lat,
    lng,
    salaryMin,
    salaryMax,
    salaryUnit,
    jobType,
    education: education ?? undefined,
    headcount: headcount ?? undefined,
    skills: r.list('skills').length ? r.list('skills') : undefined,
    contactName: r.raw('contactName'),
    contactPhone: r.raw('contactPhone').replace(/\s/g, ''),
    expiresAt,
  }
  const res = jobActions.actions.post.input.safeParse(candidate)
  if (!res.success) {
    const errs = zodErrors('jobs', res.error)
    // lat/lng missing means the district is unknown to us (no centre)
    return {
      ok: false,
      errors: errs.map((e) =>
        (e.column === '' || e.column === '经度' || e.column === '纬度') && lat === undefined
          ? { column: '工作地区划代码', message: REJECTIONS.regionUnknown }
          : e,
      ),
    }
  }
  return { ok: true, value: res.data }
}

export function parseCourseRow(cells: Record<string, string>, opts: RowOptions): RowResult<CourseRow> {
  const r = reader('courses', cells)
  for (const key of ['providerName', 'title', 'occupationCode', 'regionCode']) r.required(key)
  const dt = (key: string, isRequired: boolean): string | undefined => {
    const v = r.raw(key)
    if (!v) return isRequired ? r.fail(key, REJECTIONS.required) : undefined
    return normalizeDateTime(v) ?? r.fail(key, REJECTIONS.dateTimeFormat)
  }
  const startAt = dt('startAt', true)
  const endAt = dt('endAt', false)
  const signupDeadline = dt('signupDeadline', true)
  if (startAt && signupDeadline && Date.parse(signupDeadline) > Date.parse(startAt))
    r.fail('signupDeadline', REJECTIONS.deadlineAfterStart)
  if (startAt && Date.parse(startAt) < opts.nowMs) r.fail('startAt', REJECTIONS.startInPast)
  const capacity = r.int('capacity', true)
  const level = r.oneOf('level', TRAINING_LEVEL_VALUES, false)
  const mode = r.oneOf('mode', TRAINING_MODE_VALUES, false)
  const fee = r.num('fee')
  if (r.errors.length) return { ok: false, errors: r.errors }
  const candidate = {
    title: r.raw('title'),
    occupationCode: r.raw('occupationCode'),
    regionCode: r.raw('regionCode'),
    capacity,
    startAt,
    signupDeadline,
    endAt,
    level: level ?? undefined,
    mode: mode ?? undefined,
    address: r.raw('address') || undefined,
    fee,
    providerName: r.raw('providerName'),
  }
  const res = trainingActions.actions.create.input.safeParse(candidate)
  if (!res.success) return { ok: false, errors: zodErrors('courses', res.error) }
  return { ok: true, value: { ...res.data, providerName: r.raw('providerName') } }
}

/** The natural key's parts of a parsed row (persons: the ID number, hashed by the function). */
export function naturalKeyParts(kind: 'jobs' | 'courses', row: JobRow | CourseRow): string[] {
  if (kind === 'jobs') {
    const j = row as JobRow
    return [j.employerName, j.title, j.districtCode]
  }
  const c = row as CourseRow
  return [c.providerName, c.title, c.startAt]
}
