/**
 * One batch of rows of an import: parse and validate each row (shared/exchange/rows), check references (regions,
 * grids, the caller's regions), find the records by natural key in one query, and classify each row as imported,
 * updated, unchanged or rejected; then write (unless a dry run): new records in one insert, changed ones updated
 * with their facts marked changed (policy re-matching, the grid workers' lists), rejected rows with their reasons.
 *
 * Idempotent: every record an import writes carries `lastImport: {jobId, row, action}`. A batch processed again
 * after a crash (its writes done, its checkpoint lost) finds its own marks and counts the same rows the same way,
 * so the counts have no gaps and no doubles, and a later row of the same file with the same key is a duplicate.
 */
import { createHash } from 'node:crypto'
import type { KeyGroup } from '../../../shared/domain/person'
import { findOccupation, occupationName } from '../../../shared/occupations/occupations'
import { isBlankRecord } from '../../../shared/exchange/csv'
import {
  naturalKeyParts,
  parseCourseRow,
  parseJobRow,
  parsePersonRow,
  REJECTIONS,
  type CourseRow,
  type JobRow,
  type PersonRow,
  type RowOptions,
} from '../../../shared/exchange/rows'
import { headerOf, type ImportKind } from '../../../shared/exchange/templates'
import { toIsoCst } from '../../../shared/calendar/chinaTime'
import { encryptField, idHash, phoneHash, protectIdentifiers } from '../../_core/pii'
import { maskPhone } from '../../../shared/mask'
import { derivedFields, sealedContactPhone } from '../../job/helpers/postingDoc'
import type { ImportCounts, ImportJobDoc } from '../repositories/importJob.repository'
import {
  findByKeys,
  insertRecords,
  updateRecords,
  type Doc,
  type RecordCollection,
} from '../repositories/record.repository'
import { findGrids, findRegions, type GridRef, type RegionRef } from '../repositories/reference.repository'
import { rejectionId, saveRejections, type RejectionDoc } from '../repositories/rejection.repository'
import { withinRegions } from './scope'

export interface RawRow {
  row: number
  fields: string[]
}

/** Reference lookups cached for one invocation. */
export interface RefCache {
  grids: Map<string, GridRef | null>
  regions: Map<string, RegionRef | null>
}
export const newRefCache = (): RefCache => ({ grids: new Map(), regions: new Map() })

async function fill<T>(
  cache: Map<string, T | null>,
  codes: string[],
  load: (c: string[]) => Promise<(T & { _id: string })[]>,
): Promise<void> {
  const missing = [...new Set(codes)].filter((c) => !cache.has(c))
  if (!missing.length) return
  const found = await load(missing)
  for (const c of missing) cache.set(c, null)
  for (const d of found) cache.set(d._id, d)
}

const DAY = 86_400_000
const importKey = (kind: ImportKind, parts: string[]): string =>
  createHash('sha256')
    .update([kind, ...parts].join('\u0001'))
    .digest('hex')
const sameList = (a: unknown, b: unknown[]): boolean =>
  Array.isArray(a) && a.length === b.length && [...a].sort().join('|') === [...b].sort().join('|')
const collectionOf: Record<ImportKind, RecordCollection> = { persons: 'persons', jobs: 'jobs', courses: 'courses' }

interface Candidate {
  row: number
  key: string
  /** The new record (insert) — built lazily. */
  build: () => Doc
  /** The fields to set when the record exists and differs; null when nothing changed. */
  changes: (existing: Doc) => Record<string, unknown> | null
}

interface BatchContext {
  job: ImportJobDoc
  now: Date
  cache: RefCache
}

export async function processBatch(rows: RawRow[], bctx: BatchContext): Promise<ImportCounts> {
  const { job, now } = bctx
  const counts: ImportCounts = { total: 0, imported: 0, updated: 0, unchanged: 0, rejected: 0 }
  const columns = job.cursor.columns ?? []
  const opts: RowOptions = { today: toIsoCst(now).slice(0, 10), nowMs: now.getTime() }
  const rejections: RejectionDoc[] = []
  const reject = (r: RawRow, errors: { column: string; message: string }[]) => {
    counts.rejected++
    rejections.push({
      _id: rejectionId(job._id, r.row),
      jobId: job._id,
      row: r.row,
      errors,
      cellsEnc: encryptField(JSON.stringify(r.fields)),
    })
  }

  const live = rows.filter((r) => !isBlankRecord(r.fields))
  counts.total = live.length
  const cellsOf = (r: RawRow): Record<string, string> => {
    const cells: Record<string, string> = {}
    columns.forEach((key, i) => {
      if (key) cells[key] = r.fields[i] ?? ''
    })
    return cells
  }

  const candidates = await buildCandidates(
    job.kind,
    live.map((r) => ({ raw: r, cells: cellsOf(r) })),
    opts,
    bctx,
    reject,
  )

  // the same key twice in this batch: the first row wins
  const firstRowOfKey = new Map<string, number>()
  const unique: Candidate[] = []
  for (const c of candidates) {
    const first = firstRowOfKey.get(c.key)
    if (first !== undefined) {
      reject(live.find((r) => r.row === c.row) as RawRow, [
        { column: keyColumn(job.kind), message: REJECTIONS.duplicateInFile(first) },
      ])
      continue
    }
    firstRowOfKey.set(c.key, c.row)
    unique.push(c)
  }

  const collection = collectionOf[job.kind]
  const existing = await findByKeys(
    collection,
    unique.map((c) => c.key),
  )
  const inserts: Doc[] = []
  const updates: { id: string; fields: Record<string, unknown> }[] = []
  const at = toIsoCst(now)
  for (const c of unique) {
    const cur = existing.get(c.key)
    const mark = (action: 'imported' | 'updated') => ({ lastImport: { jobId: job._id, row: c.row, action } })
    if (!cur) {
      counts.imported++
      if (!job.dryRun) inserts.push({ ...c.build(), ...mark('imported') })
      continue
    }
    const last = cur.lastImport as { jobId?: string; row?: number; action?: 'imported' | 'updated' } | undefined
    if (last?.jobId === job._id) {
      if (last.row === c.row) {
        // this very row was written before a crash: count it as it was counted then
        counts[last.action ?? 'updated']++
        continue
      }
      reject(live.find((r) => r.row === c.row) as RawRow, [
        { column: keyColumn(job.kind), message: REJECTIONS.duplicateInFile(last.row ?? 0) },
      ])
      continue
    }
    const changes = c.changes(cur)
    if (!changes) {
      counts.unchanged++
      continue
    }
    counts.updated++
    if (!job.dryRun)
      updates.push({
        id: cur._id,
        fields: {
          ...changes,
          ...mark('updated'),
          updatedAt: at,
          ...(job.kind === 'persons' ? { factsChangedAtMs: now.getTime() } : {}),
        },
      })
  }
  if (!job.dryRun) {
    await insertRecords(collection, inserts)
    await updateRecords(collection, updates)
  }
  await saveRejections(rejections)
  return counts
}

const keyColumn = (kind: ImportKind): string =>
  kind === 'persons' ? '身份证号' : kind === 'jobs' ? '岗位名称' : '课程名称'

type Reject = (r: RawRow, errors: { column: string; message: string }[]) => void

async function buildCandidates(
  kind: ImportKind,
  rows: { raw: RawRow; cells: Record<string, string> }[],
  opts: RowOptions,
  bctx: BatchContext,
  reject: Reject,
): Promise<Candidate[]> {
  if (kind === 'persons') return personCandidates(rows, opts, bctx, reject)
  if (kind === 'jobs') return jobCandidates(rows, opts, bctx, reject)
  return courseCandidates(rows, opts, bctx, reject)
}

// ---- persons ----

const PERSON_FIELDS = [
  'name',
  'hukouRegion',
  'gridCode',
  'education',
  'graduationYear',
  'employmentStatus',
  'employmentStatusSince',
  'registeredUnemployed',
  'registeredUnemployedSince',
  'socialInsuranceMonths',
] as const

async function personCandidates(
  rows: { raw: RawRow; cells: Record<string, string> }[],
  opts: RowOptions,
  { job, now, cache }: BatchContext,
  reject: Reject,
): Promise<Candidate[]> {
  const parsed: { raw: RawRow; value: PersonRow }[] = []
  for (const r of rows) {
    const res = parsePersonRow(r.cells, opts)
    if (res.ok) parsed.push({ raw: r.raw, value: res.value })
    else reject(r.raw, res.errors)
  }
  await fill(
    cache.grids,
    parsed.map((p) => p.value.gridCode),
    findGrids,
  )
  await fill(
    cache.regions,
    parsed.map((p) => p.value.hukouRegion),
    findRegions,
  )
  const at = toIsoCst(now)
  const out: Candidate[] = []
  for (const { raw, value: p } of parsed) {
    const grid = cache.grids.get(p.gridCode)
    const errors: { column: string; message: string }[] = []
    if (!cache.regions.get(p.hukouRegion))
      errors.push({ column: headerOf('persons', 'hukouRegion'), message: REJECTIONS.regionUnknown })
    if (!grid || grid.level !== 'community')
      errors.push({ column: headerOf('persons', 'gridCode'), message: REJECTIONS.gridUnknown })
    else if (!withinRegions(grid.regionCode, job.scopeRegions))
      errors.push({ column: headerOf('persons', 'gridCode'), message: REJECTIONS.outOfScope })
    if (errors.length || !grid) {
      reject(raw, errors)
      continue
    }
    const key = idHash(p.idNumber)
    const place = { residenceRegion: grid.regionCode, streetCode: grid.streetCode ?? '', cityCode: grid.cityCode }
    const facts = {
      name: p.name,
      hukouRegion: p.hukouRegion,
      gridCode: p.gridCode,
      education: p.education,
      graduationYear: p.graduationYear,
      employmentStatus: p.employmentStatus,
      employmentStatusSince: p.employmentStatusSince,
      registeredUnemployed: p.registeredUnemployed,
      registeredUnemployedSince: p.registeredUnemployedSince,
      socialInsuranceMonths: p.socialInsuranceMonths,
    }
    out.push({
      row: raw.row,
      key,
      build: () => ({
        _id: `p_imp_${key.slice(0, 24)}`,
        ...facts,
        ...protectIdentifiers(p.idNumber, p.phone),
        sex: p.sex,
        birthDate: p.birthDate,
        hukouType: p.hukouType ?? 'urban',
        ...place,
        keyGroups: p.keyGroups,
        businessRegisteredAt: p.employmentStatus === 'selfEmployed' ? p.employmentStatusSince : null,
        desiredOccupations: [],
        desiredJobTitles: [],
        skills: [],
        boundOpenid: null,
        boundAt: null,
        factsChangedAtMs: now.getTime(),
        source: { kind: 'import', jobId: job._id },
        createdAt: at,
        updatedAt: at,
      }),
      changes: (cur) => {
        const set: Record<string, unknown> = {}
        for (const f of PERSON_FIELDS) if ((cur[f] ?? null) !== (facts[f] ?? null)) set[f] = facts[f]
        if (set.gridCode !== undefined) Object.assign(set, place)
        if (!sameList(cur.keyGroups, p.keyGroups)) set.keyGroups = p.keyGroups as KeyGroup[]
        if (p.hukouType && cur.hukouType !== p.hukouType) set.hukouType = p.hukouType
        if (cur.phoneHash !== phoneHash(p.phone))
          Object.assign(set, {
            phone: maskPhone(p.phone),
            phoneEnc: encryptField(p.phone),
            phoneHash: phoneHash(p.phone),
          })
        return Object.keys(set).length ? set : null
      },
    })
  }
  return out
}

// ---- jobs ----

const JOB_FIELDS = [
  'occupationCode',
  'description',
  'address',
  'lat',
  'lng',
  'salaryMin',
  'salaryMax',
  'salaryUnit',
  'jobType',
  'education',
  'headcount',
  'contactName',
] as const

async function jobCandidates(
  rows: { raw: RawRow; cells: Record<string, string> }[],
  opts: RowOptions,
  { job, now, cache }: BatchContext,
  reject: Reject,
): Promise<Candidate[]> {
  await fill(
    cache.regions,
    rows.map((r) => (r.cells.districtCode ?? '').trim()).filter((c) => /^\d{6}$/.test(c)),
    findRegions,
  )
  const centre = (code: string) => {
    const d = cache.regions.get(code)
    return d && d.level === 'district' && typeof d.lat === 'number' && typeof d.lng === 'number'
      ? { lat: d.lat, lng: d.lng }
      : null
  }
  const out: Candidate[] = []
  const at = toIsoCst(now)
  for (const r of rows) {
    const res = parseJobRow(r.cells, opts, centre)
    if (!res.ok) {
      reject(r.raw, res.errors)
      continue
    }
    const j: JobRow = res.value
    const district = cache.regions.get(j.districtCode)
    const errors: { column: string; message: string }[] = []
    if (!district || district.level !== 'district')
      errors.push({ column: headerOf('jobs', 'districtCode'), message: REJECTIONS.regionUnknown })
    else if (!withinRegions(j.districtCode, job.scopeRegions))
      errors.push({ column: headerOf('jobs', 'districtCode'), message: REJECTIONS.outOfScope })
    if (!findOccupation(j.occupationCode))
      errors.push({ column: headerOf('jobs', 'occupationCode'), message: REJECTIONS.occupationUnknown })
    if (errors.length || !district) {
      reject(r.raw, errors)
      continue
    }
    const key = importKey('jobs', naturalKeyParts('jobs', j))
    const cityCode = district.cityCode ?? `${j.districtCode.slice(0, 4)}00`
    const fields = {
      occupationCode: j.occupationCode,
      description: j.description ?? '',
      address: j.address,
      lat: j.lat,
      lng: j.lng,
      salaryMin: j.salaryMin,
      salaryMax: j.salaryMax,
      salaryUnit: j.salaryUnit,
      jobType: j.jobType,
      education: j.education ?? 'none',
      headcount: j.headcount ?? 1,
      contactName: j.contactName,
    }
    const core = {
      title: j.title,
      occupationCode: j.occupationCode,
      employerName: j.employerName,
      skills: j.skills ?? [],
      salaryMin: j.salaryMin,
      salaryMax: j.salaryMax,
      salaryUnit: j.salaryUnit,
      lat: j.lat,
      lng: j.lng,
      districtCode: j.districtCode,
      cityCode,
      postedAtMs: now.getTime(),
    }
    const expiresAtMs = j.expiresAt ? Date.parse(`${j.expiresAt}T23:59:59.999+08:00`) : now.getTime() + 30 * DAY
    const contact = sealedContactPhone(j.contactPhone)
    out.push({
      row: r.raw.row,
      key,
      build: () => ({
        _id: `job_imp_${key.slice(0, 24)}`,
        ...core,
        ...derivedFields(core),
        ...fields,
        ...contact,
        districtName: district.name,
        status: 'open',
        postedAt: at,
        expiresAt: toIsoCst(expiresAtMs),
        expiresAtMs,
        createdBy: job.createdBy,
        importKey: key,
        source: { kind: 'import', jobId: job._id },
        updatedAt: at,
      }),
      changes: (cur) => {
        const set: Record<string, unknown> = {}
        for (const f of JOB_FIELDS) if ((cur[f] ?? null) !== (fields[f] ?? null)) set[f] = fields[f]
        if (!sameList(cur.skills, core.skills)) set.skills = core.skills
        if (cur.contactPhoneHash !== contact.contactPhoneHash) Object.assign(set, contact)
        if (!Object.keys(set).length) return null
        // derived fields follow the changed ones (search tokens, monthly pay, location); the posting keeps its date
        return {
          ...set,
          ...derivedFields({ ...core, postedAtMs: Number(cur.postedAtMs) || now.getTime() }),
          status: 'open',
        }
      },
    })
  }
  return out
}

// ---- courses ----

const COURSE_FIELDS = [
  'occupationCode',
  'regionCode',
  'capacity',
  'level',
  'mode',
  'address',
  'fee',
  'signupDeadline',
  'endAt',
] as const

async function courseCandidates(
  rows: { raw: RawRow; cells: Record<string, string> }[],
  opts: RowOptions,
  { job, now, cache }: BatchContext,
  reject: Reject,
): Promise<Candidate[]> {
  await fill(
    cache.regions,
    rows.map((r) => (r.cells.regionCode ?? '').trim()).filter((c) => /^\d{6}$/.test(c)),
    findRegions,
  )
  const out: Candidate[] = []
  const at = toIsoCst(now)
  for (const r of rows) {
    const res = parseCourseRow(r.cells, opts)
    if (!res.ok) {
      reject(r.raw, res.errors)
      continue
    }
    const c: CourseRow = res.value
    const region = cache.regions.get(c.regionCode)
    const errors: { column: string; message: string }[] = []
    if (!region) errors.push({ column: headerOf('courses', 'regionCode'), message: REJECTIONS.regionUnknown })
    else if (!withinRegions(c.regionCode, job.scopeRegions))
      errors.push({ column: headerOf('courses', 'regionCode'), message: REJECTIONS.outOfScope })
    if (!findOccupation(c.occupationCode))
      errors.push({ column: headerOf('courses', 'occupationCode'), message: REJECTIONS.occupationUnknown })
    if (errors.length) {
      reject(r.raw, errors)
      continue
    }
    const key = importKey('courses', naturalKeyParts('courses', c))
    const startAtMs = Date.parse(c.startAt)
    const endAt = toIsoCst(c.endAt ? Date.parse(c.endAt) : startAtMs + 3 * 3600_000)
    const deadlineMs = Date.parse(c.signupDeadline)
    const fields = {
      occupationCode: c.occupationCode,
      regionCode: c.regionCode,
      capacity: c.capacity,
      level: c.level ?? 'junior',
      mode: c.mode ?? 'offline',
      address: c.address ?? '',
      fee: c.fee ?? 0,
      signupDeadline: toIsoCst(deadlineMs),
      endAt,
    }
    out.push({
      row: r.raw.row,
      key,
      build: () => ({
        _id: `course_imp_${key.slice(0, 24)}`,
        title: c.title,
        providerName: c.providerName,
        ...fields,
        occupationName: occupationName(c.occupationCode),
        cityCode: `${c.regionCode.slice(0, 4)}00`,
        lat: null,
        lng: null,
        confirmedCount: 0,
        waitlistCount: 0,
        subsidyPolicyId: 'vocational-training-subsidy',
        subsidyAmount: null,
        certificateType: 'skillLevel',
        startAt: toIsoCst(startAtMs),
        startAtMs,
        sessions: [{ startAt: toIsoCst(startAtMs), endAt, startAtMs }],
        sessionStartsMs: [startAtMs],
        signupDeadlineMs: deadlineMs,
        status: 'open',
        importKey: key,
        source: { kind: 'import', jobId: job._id },
        createdAt: at,
      }),
      changes: (cur) => {
        const set: Record<string, unknown> = {}
        for (const f of COURSE_FIELDS) if ((cur[f] ?? null) !== (fields[f] ?? null)) set[f] = fields[f]
        if (!Object.keys(set).length) return null
        if (set.signupDeadline) set.signupDeadlineMs = deadlineMs
        if (set.occupationCode) set.occupationName = occupationName(c.occupationCode)
        if (set.regionCode) set.cityCode = `${c.regionCode.slice(0, 4)}00`
        return set
      },
    })
  }
  return out
}
