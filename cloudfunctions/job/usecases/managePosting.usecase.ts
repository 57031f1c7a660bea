/** Staff side: post, edit and close postings (on behalf of employers), and list their own. Every write is audited. */
import type { JobPostInput, JobUpdateInput } from '../../../shared/actions/job'
import type { Page } from '../../../shared/actions/common'
import { AppError } from '../../../shared/errors'
import type { JobDoc } from '../../../shared/job/types'
import { requireCaller, type ActionContext } from '../../_core/function'
import { audit } from '../../_core/audit'
import { once } from '../../_core/idempotency'
import { decodeCursor, encodeCursor, pageSizeOf } from '../../_core/paging'
import { findDistrict, findJob, findJobsPage, insertJob, updateJob, type Keyset } from '../repositories/job.repository'
import { MAX_VALID_DAYS } from '../../../shared/job/searchKeys'
import { derivedFields, sealedContactPhone } from '../helpers/postingDoc'
import { toDetail, toListItem, type JobDetail, type JobListItem } from '../helpers/jobView'
import { endOfCstDayMs, toIsoCst } from '../../../shared/calendar/chinaTime'

const DAY = 86400_000
const DEFAULT_VALID_DAYS = 30

/** End of the given day (YYYY-MM-DD) in China time. */
const endOfDayCst = endOfCstDayMs

/** Postings run until a day after today and at most MAX_VALID_DAYS after they were posted. */
function checkExpiry(expiresAtMs: number, nowMs: number, postedAtMs: number): void {
  const bad = (message: string) =>
    new AppError('VALIDATION_FAILED', `expiresAt：${message}`, { fields: [{ path: 'expiresAt', message }] })
  if (expiresAtMs <= nowMs) throw bad('截止日期应晚于今天')
  if (expiresAtMs > postedAtMs + MAX_VALID_DAYS * DAY) throw bad(`岗位有效期最长${MAX_VALID_DAYS}天，到期后请重新发布`)
}

async function district(code: string): Promise<{ name: string; cityCode: string }> {
  const d = await findDistrict(code)
  if (!d)
    throw new AppError('VALIDATION_FAILED', 'districtCode：未知的区县代码', {
      fields: [{ path: 'districtCode', message: '未知的区县代码' }],
    })
  return d
}

export async function postJob(input: JobPostInput, ctx: ActionContext): Promise<{ id: string }> {
  const caller = requireCaller(ctx)
  const work = async () => {
    const now = ctx.now()
    const d = await district(input.districtCode)
    const expiresAtMs = input.expiresAt ? endOfDayCst(input.expiresAt) : now.getTime() + DEFAULT_VALID_DAYS * DAY
    checkExpiry(expiresAtMs, now.getTime(), now.getTime())
    const core = {
      title: input.title,
      occupationCode: input.occupationCode,
      employerName: input.employerName,
      skills: input.skills ?? [],
      salaryMin: input.salaryMin,
      salaryMax: input.salaryMax,
      salaryUnit: input.salaryUnit,
      lat: input.lat,
      lng: input.lng,
      districtCode: input.districtCode,
      cityCode: d.cityCode,
      postedAtMs: now.getTime(),
    }
    const at = toIsoCst(now)
    const doc: JobDoc = {
      _id: `job_${now.getTime().toString(36)}${Math.random().toString(36).slice(2, 8)}`,
      ...core,
      ...derivedFields(core),
      description: input.description ?? '',
      districtName: d.name,
      address: input.address,
      jobType: input.jobType,
      education: input.education ?? 'none',
      ageMin: input.ageMin ?? null,
      ageMax: input.ageMax ?? null,
      headcount: input.headcount ?? 1,
      contactName: input.contactName,
      ...sealedContactPhone(input.contactPhone),
      status: 'open',
      postedAt: at,
      postedAtMs: now.getTime(),
      expiresAt: toIsoCst(expiresAtMs),
      expiresAtMs,
      createdBy: caller.openid,
      updatedAt: at,
    }
    await insertJob(doc)
    await audit(ctx, {
      event: 'job.post',
      targetType: 'job',
      targetId: doc._id,
      outcome: 'ok',
      detail: { title: doc.title, districtCode: doc.districtCode },
    })
    return { id: doc._id }
  }
  return input.requestId ? once(ctx, input.requestId, work) : work()
}

export async function updateJobPosting(input: JobUpdateInput, ctx: ActionContext): Promise<JobDetail> {
  requireCaller(ctx)
  const cur = await findJob(input.id)
  if (!cur) throw new AppError('NOT_FOUND', '岗位不存在或已删除')
  const now = ctx.now()
  const { id: _id, expiresAt, ...changes } = input
  const merged = { ...cur, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) } as JobDoc
  if (merged.salaryMin > merged.salaryMax)
    throw new AppError('VALIDATION_FAILED', 'salaryMin：最低薪资不能高于最高薪资', {
      fields: [{ path: 'salaryMin', message: '最低薪资不能高于最高薪资' }],
    })
  if (input.districtCode && input.districtCode !== cur.districtCode) {
    const d = await district(input.districtCode)
    merged.districtName = d.name
    merged.cityCode = d.cityCode
  }
  if (input.contactPhone !== undefined) Object.assign(merged, sealedContactPhone(input.contactPhone))
  if (expiresAt) {
    merged.expiresAtMs = endOfDayCst(expiresAt)
    checkExpiry(merged.expiresAtMs, now.getTime(), cur.postedAtMs)
    merged.expiresAt = toIsoCst(merged.expiresAtMs)
  }
  Object.assign(merged, derivedFields(merged), { updatedAt: toIsoCst(now) })
  const { _id: _ignored, ...patch } = merged
  await updateJob(cur._id, patch)
  await audit(ctx, {
    event: 'job.update',
    targetType: 'job',
    targetId: cur._id,
    outcome: 'ok',
    detail: { fields: Object.keys(changes).filter((k) => (changes as Record<string, unknown>)[k] !== undefined) },
  })
  return toDetail(merged, now.getTime())
}

export async function closeJob(input: { id: string }, ctx: ActionContext): Promise<{ id: string; status: 'closed' }> {
  requireCaller(ctx)
  const cur = await findJob(input.id)
  if (!cur) throw new AppError('NOT_FOUND', '岗位不存在或已删除')
  const now = ctx.now()
  if (cur.status !== 'closed') {
    await updateJob(cur._id, { status: 'closed', updatedAt: toIsoCst(now) })
    await audit(ctx, { event: 'job.close', targetType: 'job', targetId: cur._id, outcome: 'ok' })
  }
  return { id: cur._id, status: 'closed' }
}

const isKeyset = (v: unknown): v is Keyset =>
  !!v && typeof (v as Keyset).k === 'number' && typeof (v as Keyset).id === 'string'

export async function myPostings(
  input: { includeClosed?: boolean; cursor?: string; pageSize?: number },
  ctx: ActionContext,
): Promise<Page<JobListItem & { status: JobDoc['status'] }>> {
  const caller = requireCaller(ctx)
  const size = pageSizeOf(input.pageSize)
  const nowMs = ctx.now().getTime()
  const rows = await findJobsPage(
    { nowMs, createdBy: caller.openid, includeInactive: !!input.includeClosed },
    'postedAtMs',
    decodeCursor(input.cursor, isKeyset),
    size + 1,
  )
  const page = rows.slice(0, size)
  const last = page[page.length - 1]
  return {
    items: page.map((d) => ({ ...toListItem(d, nowMs), status: d.status })),
    nextCursor: rows.length > size && last ? encodeCursor({ k: last.postedAtMs, id: last._id }) : null,
  }
}
