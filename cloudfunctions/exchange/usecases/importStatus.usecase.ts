/** importStatus and imports: the report of one import (counts, the first 100 errors, the rejected-rows file) and the list. */
import type { InputOf } from '../../../shared/actions/define'
import type { Page } from '../../../shared/actions/common'
import type { exchangeActions } from '../../../shared/actions/exchange'
import { AppError } from '../../../shared/errors'
import { IMPORT_KIND_LABELS } from '../../../shared/exchange/templates'
import { requireCaller, type ActionContext } from '../../_core/function'
import { decodeCursor, encodeCursor, pageSizeOf } from '../../_core/paging'
import { findImportJob, listImportJobs, type ImportJobDoc } from '../repositories/importJob.repository'
import { rejectionsPage } from '../repositories/rejection.repository'
import { tempUrlOf } from '../services/fileStore'

export const MAX_REPORTED_ERRORS = 100

/** Admins see every import; department staff those of their department (and their own). */
function visible(job: ImportJobDoc, ctx: ActionContext): boolean {
  const caller = requireCaller(ctx)
  if (caller.roles.includes('admin')) return true
  return (
    job.createdBy === caller.openid || (!!job.departmentId && job.departmentId === (caller.user.departmentId ?? null))
  )
}

const summary = (j: ImportJobDoc) => ({
  jobId: j._id,
  kind: j.kind,
  kindLabel: IMPORT_KIND_LABELS[j.kind],
  format: j.format,
  state: j.state,
  dryRun: j.dryRun,
  ...j.counts,
  progress:
    j.state === 'done' ? 1 : j.format === 'csv' && j.fileSize ? Math.min(0.99, j.cursor.offset / j.fileSize) : null,
  createdAt: j.createdAt,
  finishedAt: j.finishedAt,
})

export async function importStatus(input: InputOf<typeof exchangeActions, 'importStatus'>, ctx: ActionContext) {
  const job = await findImportJob(input.jobId)
  if (!job || !visible(job, ctx)) throw new AppError('NOT_FOUND', '没有找到这次导入')
  const errors: { row: number; column: string; message: string }[] = [...job.fileErrors]
  let after = 0
  while (errors.length < MAX_REPORTED_ERRORS) {
    const page = await rejectionsPage(job._id, after, MAX_REPORTED_ERRORS)
    for (const r of page) for (const e of r.errors) errors.push({ row: r.row, column: e.column, message: e.message })
    if (page.length < MAX_REPORTED_ERRORS) break
    after = page[page.length - 1].row
  }
  return {
    ...summary(job),
    errors: errors.slice(0, MAX_REPORTED_ERRORS),
    unknownColumns: job.unknownColumns,
    ...(job.errorsFileID ? { errorsFileID: job.errorsFileID, errorsFileURL: await tempUrlOf(job.errorsFileID) } : {}),
  }
}

interface Cur {
  t: number
  id: string
}
const isCur = (v: unknown): v is Cur =>
  typeof v === 'object' && v !== null && typeof (v as Cur).t === 'number' && typeof (v as Cur).id === 'string'

export async function listImports(
  input: InputOf<typeof exchangeActions, 'imports'>,
  ctx: ActionContext,
): Promise<Page<ReturnType<typeof summary>>> {
  const caller = requireCaller(ctx)
  const size = pageSizeOf(input.pageSize)
  const cur = decodeCursor(input.cursor, isCur)
  const filter = caller.roles.includes('admin')
    ? {}
    : caller.user.departmentId
      ? { departmentId: caller.user.departmentId }
      : { createdBy: caller.openid }
  const docs = await listImportJobs(filter, cur ? { createdAtMs: cur.t, id: cur.id } : null, size)
  const items = docs.slice(0, size)
  const last = items[items.length - 1]
  return {
    items: items.map(summary),
    nextCursor: docs.length > size && last ? encodeCursor({ t: last.createdAtMs, id: last._id }) : null,
  }
}
