/**
 * 数据回流 and 汇聚: a region's records as a CSV (UTF-8 with BOM, Excel opens it) or XLSX in the import template's
 * columns, so a file exported here imports again unchanged.
 * - persons / jobs / courses: a district (6 digits), street (9) or grid code; without one the caller's regions.
 *   With `year` only the records created or updated in that year (the province's extract of served records).
 * - services: the region's people's service records: visits, job applications, completed training.
 * ID and phone numbers are masked unless an admin asks for `unmasked` with a reason; every export is audited.
 */
import { randomBytes } from 'node:crypto'
import ExcelJS from 'exceljs'
import type { InputOf } from '../../../shared/actions/define'
import type { exchangeActions } from '../../../shared/actions/exchange'
import {
  EDUCATION_LABELS,
  EMPLOYMENT_STATUS_LABELS,
  KEY_GROUP_LABELS,
  type Education,
  type EmploymentStatus,
  type KeyGroup,
} from '../../../shared/domain/person'
import { AppError } from '../../../shared/errors'
import { csvLine } from '../../../shared/exchange/csv'
import { TEMPLATES } from '../../../shared/exchange/templates'
import { JOB_TYPE_LABELS, type JobType } from '../../../shared/job/types'
import { salaryUnitLabel, type SalaryUnit } from '../../../shared/job/salary'
import { maskIdNumber, maskPhone } from '../../../shared/mask'
import { audit } from '../../_core/audit'
import { requireCaller, type ActionContext } from '../../_core/function'
import { revealPersonIdentifiers, revealPhone } from '../../_core/pii'
import { recordsPage, recordsWhereIn, type Doc } from '../repositories/record.repository'
import { tempUrlOf, upload } from '../services/fileStore'
import { callerScope, withinRegions } from '../helpers/scope'

/** One export holds at most this many rows (a larger region is exported street by street). */
export const MAX_EXPORT_ROWS = 200_000
const PAGE = 500

type Input = InputOf<typeof exchangeActions, 'export'>

/** The where clause of a region code on a collection's region fields. */
function regionWhere(kind: Input['kind'], code: string): Record<string, unknown> {
  if (kind === 'persons' || kind === 'services') {
    if (code.includes('-')) return { gridCode: code }
    if (code.length === 9) return { streetCode: code }
    if (code.endsWith('0000')) return {}
    if (code.endsWith('00')) return { cityCode: code }
    return { residenceRegion: code }
  }
  const field = kind === 'jobs' ? 'districtCode' : 'regionCode'
  if (code.endsWith('0000')) return {}
  if (code.endsWith('00')) return { cityCode: code }
  return { [field]: code.slice(0, 6) }
}

const label = <K extends string>(labels: Record<K, string>, v: unknown): string =>
  typeof v === 'string' && v in labels ? labels[v as K] : ''
const yesNo = (v: unknown) => (v ? '是' : '否')

function personCells(p: Doc, unmasked: boolean): Record<string, unknown> {
  const open = unmasked ? revealPersonIdentifiers(p) : { idNumber: null, phone: null }
  return {
    name: p.name,
    idNumber: open.idNumber ?? maskIdNumber(String(p.idNumber ?? '')),
    phone: open.phone ?? maskPhone(String(p.phone ?? '')),
    hukouRegion: p.hukouRegion,
    gridCode: p.gridCode,
    education: label(EDUCATION_LABELS as Record<Education, string>, p.education),
    graduationYear: p.graduationYear ?? '',
    employmentStatus: label(EMPLOYMENT_STATUS_LABELS as Record<EmploymentStatus, string>, p.employmentStatus),
    employmentStatusSince: p.employmentStatusSince ?? '',
    registeredUnemployed: yesNo(p.registeredUnemployed),
    registeredUnemployedSince: p.registeredUnemployedSince ?? '',
    keyGroups: ((p.keyGroups as KeyGroup[] | undefined) ?? []).map((k) => KEY_GROUP_LABELS[k] ?? k).join('、'),
    socialInsuranceMonths: p.socialInsuranceMonths ?? 0,
    hukouType: p.hukouType === 'rural' ? '农村' : '城镇',
  }
}

const dt = (iso: unknown) => (typeof iso === 'string' ? iso.slice(0, 16).replace('T', ' ') : '')

function jobCells(j: Doc, unmasked: boolean): Record<string, unknown> {
  const phone = unmasked ? revealPhone(j.contactPhoneEnc, j.contactPhone) : null
  return {
    employerName: j.employerName,
    title: j.title,
    occupationCode: j.occupationCode,
    districtCode: j.districtCode,
    address: j.address,
    salaryMin: j.salaryMin,
    salaryMax: j.salaryMax,
    salaryUnit: salaryUnitLabel(j.salaryUnit as SalaryUnit),
    jobType: label(JOB_TYPE_LABELS as Record<JobType, string>, j.jobType),
    education: label(EDUCATION_LABELS as Record<Education, string>, j.education),
    headcount: j.headcount,
    contactName: j.contactName,
    contactPhone: phone ?? maskPhone(String(j.contactPhone ?? '')),
    skills: ((j.skills as string[] | undefined) ?? []).join('、'),
    description: j.description ?? '',
    expiresAt: typeof j.expiresAt === 'string' ? j.expiresAt.slice(0, 10) : '',
    lng: j.lng,
    lat: j.lat,
  }
}

function courseCells(c: Doc): Record<string, unknown> {
  return {
    providerName: c.providerName,
    title: c.title,
    occupationCode: c.occupationCode,
    regionCode: c.regionCode,
    startAt: dt(c.startAt),
    endAt: dt(c.endAt),
    signupDeadline: dt(c.signupDeadline),
    capacity: c.capacity,
    level: ({ junior: '初级', intermediate: '中级', senior: '高级' } as Record<string, string>)[String(c.level)] ?? '',
    mode: c.mode === 'online' ? '线上' : '线下',
    address: c.address ?? '',
    fee: c.fee ?? 0,
  }
}

const SERVICE_HEADERS = ['姓名', '身份证号', '网格编码', '服务类型', '时间', '内容', '结果']
const VISIT_OUTCOMES: Record<string, string> = {
  reached: '已联系',
  unreachable: '未联系上',
  refused: '拒绝',
  movedAway: '已迁出',
}

export async function exportRecords(input: Input, ctx: ActionContext) {
  const caller = requireCaller(ctx)
  const scope = await callerScope(ctx)
  if (input.unmasked && !scope.admin) throw new AppError('FORBIDDEN', '不脱敏导出仅限管理员')
  const codes = input.regionCode ? [input.regionCode] : (scope.regions ?? ['370000'])
  if (input.regionCode && !withinRegions(input.regionCode, scope.regions))
    throw new AppError('FORBIDDEN', '只能导出本部门管辖地区的数据')
  const unmasked = !!input.unmasked
  const yearRange = input.year ? { from: `${input.year}-01-01`, to: `${input.year + 1}-01-01` } : null

  const headers = input.kind === 'services' ? SERVICE_HEADERS : TEMPLATES[input.kind].map((c) => c.header)
  const keys = input.kind === 'services' ? [] : TEMPLATES[input.kind].map((c) => c.key)
  const lines: unknown[][] = []
  const collection = input.kind === 'services' ? 'persons' : input.kind
  for (const code of codes) {
    let after: string | null = null
    for (;;) {
      const page = await recordsPage(collection, regionWhere(input.kind, code), after, PAGE)
      const rows = yearRange ? page.filter((d) => inYear(d, yearRange)) : page
      if (input.kind === 'services') lines.push(...(await serviceLines(rows, unmasked)))
      else
        for (const d of rows) {
          const cells =
            input.kind === 'persons'
              ? personCells(d, unmasked)
              : input.kind === 'jobs'
                ? jobCells(d, unmasked)
                : courseCells(d)
          lines.push(keys.map((k) => cells[k] ?? ''))
        }
      if (lines.length > MAX_EXPORT_ROWS)
        throw new AppError('VALIDATION_FAILED', `导出超过${MAX_EXPORT_ROWS}行，请按街道或网格分别导出`)
      if (page.length < PAGE) break
      after = page[page.length - 1]._id
    }
  }

  const format = input.format ?? 'csv'
  const content =
    format === 'xlsx'
      ? await xlsxOf(headers, lines)
      : Buffer.from('\uFEFF' + [csvLine(headers), ...lines.map(csvLine)].join('\r\n') + '\r\n', 'utf8')
  const now = ctx.now()
  const name = `${input.kind}-${input.regionCode ?? 'all'}-${now.getTime().toString(36)}${randomBytes(3).toString('hex')}.${format}`
  const fileID = await upload(`exchange/exports/${caller.openid.replace(/[^\w-]/g, '_')}/${name}`, content)
  await audit(ctx, {
    event: unmasked ? 'exchange.export.unmasked' : 'exchange.export',
    targetType: 'export',
    targetId: fileID,
    outcome: 'ok',
    detail: {
      kind: input.kind,
      regionCode: input.regionCode ?? null,
      year: input.year ?? null,
      rows: lines.length,
      unmasked,
      reason: input.reason ?? null,
      format,
    },
  })
  return { fileID, rows: lines.length, url: await tempUrlOf(fileID) }
}

function inYear(d: Doc, range: { from: string; to: string }): boolean {
  const stamps = [d.createdAt, d.updatedAt, d.postedAt, d.startAt].filter((s): s is string => typeof s === 'string')
  return stamps.some((s) => s >= range.from && s < range.to)
}

async function serviceLines(persons: Doc[], unmasked: boolean): Promise<unknown[][]> {
  if (!persons.length) return []
  const _ids = persons.map((p) => p._id)
  const byId = new Map(persons.map((p) => [p._id, p]))
  const byOpenid = new Map(
    persons.filter((p) => typeof p.boundOpenid === 'string').map((p) => [String(p.boundOpenid), p]),
  )
  const who = (p: Doc) => {
    const c = personCells(p, unmasked)
    return [c.name, c.idNumber, p.gridCode]
  }
  const out: unknown[][] = []
  const visits = await inList('visits', 'personId', _ids)
  for (const v of visits) {
    const p = byId.get(String(v.personId))
    if (p)
      out.push([
        ...who(p),
        '走访',
        dt(v.visitedAt),
        String(v.notes ?? '').slice(0, 200),
        VISIT_OUTCOMES[String(v.outcome)] ?? String(v.outcome ?? ''),
      ])
  }
  const openids = [...byOpenid.keys()]
  for (const a of await inList('applications', 'openid', openids)) {
    const p = byOpenid.get(String(a.openid))
    const job = (a.job ?? {}) as { title?: string; employerName?: string }
    if (p)
      out.push([
        ...who(p),
        '求职投递',
        dt(a.createdAt),
        `${job.employerName ?? ''} ${job.title ?? ''}`.trim(),
        String(a.status ?? ''),
      ])
  }
  for (const t of await inList('training_records', 'openid', openids)) {
    const p = byOpenid.get(String(t.openid))
    if (p)
      out.push([...who(p), '培训', dt(t.completedAt), String(t.title ?? ''), t.certificateNo ? '已取得证书' : '已结业'])
  }
  return out
}

async function inList(
  collection: 'visits' | 'applications' | 'training_records',
  field: string,
  values: string[],
): Promise<Doc[]> {
  if (!values.length) return []
  const out: Doc[] = []
  for (let i = 0; i < values.length; i += 100) {
    let after: string | null = null
    for (;;) {
      const page = await recordsWhereIn(collection, field, values.slice(i, i + 100), after, PAGE)
      out.push(...page)
      if (page.length < PAGE) break
      after = page[page.length - 1]._id
    }
  }
  return out
}

async function xlsxOf(headers: string[], lines: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('导出')
  ws.addRow(headers)
  for (const l of lines)
    ws.addRow(l.map((v) => (v === null || v === undefined ? '' : typeof v === 'number' ? v : String(v))))
  return Buffer.from(await wb.xlsx.writeBuffer())
}
