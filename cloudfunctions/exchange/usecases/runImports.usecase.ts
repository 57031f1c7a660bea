/**
 * The background side of an import (timer trigger `continue`, every minute; `POST /_emulator/trigger/exchange`
 * runs it now): takes the oldest queued or running job whose lease has expired, works through it chunk by chunk
 * within this invocation's time budget, and saves a checkpoint (byte offset or row, counts) after every chunk
 * under its lease. A crash or a timeout loses at most the chunk in hand, which the next run does again without
 * doubling anything (importRows.ts). Finished jobs get their rejected-rows file and an audit entry with counts.
 */
import { randomBytes } from 'node:crypto'
import { csvLine } from '../../../shared/exchange/csv'

import { mapHeaders } from '../../../shared/exchange/templates'
import { audit } from '../../_core/audit'
import { toIsoCst } from '../../../shared/calendar/chinaTime'
import type { TriggerContext } from '../../_core/function'
import { decryptField } from '../../_core/pii'
import {
  claimJob,
  findImportJob,
  findRunnableJob,
  saveUnderLease,
  type ImportCounts,
  type ImportJobDoc,
} from '../repositories/importJob.repository'
import { rejectionsPage } from '../repositories/rejection.repository'
import { upload } from '../services/fileStore'
import { readCsvChunk, readCsvHeader, streamXlsx } from '../services/readers'
import { newRefCache, processBatch, type RefCache } from '../helpers/importRows'

/** Work time per invocation: well inside the function's 60 s timeout (cloudbaserc.json). */
export const BUDGET_MS = 40_000
/** A lease outlives the invocation that took it; after it expires another run resumes the job. */
export const LEASE_MS = 70_000
/** Rows per XLSX batch (EXCHANGE_XLSX_BATCH overrides it in tests). */
const xlsxBatch = (): number => Number(process.env.EXCHANGE_XLSX_BATCH) || 1000

/** Fault injection for tests: crash after N chunks' writes are done but before their checkpoint is saved. */
function maybeCrash(chunksDone: number): void {
  const n = Number(process.env.EXCHANGE_IMPORT_CRASH_AFTER_CHUNKS)
  if (Number.isFinite(n) && n > 0 && chunksDone >= n) {
    delete process.env.EXCHANGE_IMPORT_CRASH_AFTER_CHUNKS
    throw new Error('injected crash (EXCHANGE_IMPORT_CRASH_AFTER_CHUNKS)')
  }
}

const add = (a: ImportCounts, b: ImportCounts): ImportCounts => ({
  total: a.total + b.total,
  imported: a.imported + b.imported,
  updated: a.updated + b.updated,
  unchanged: a.unchanged + b.unchanged,
  rejected: a.rejected + b.rejected,
})

type Outcome = 'done' | 'failed' | 'paused' | 'lost'

export async function continueImports(
  ctx: TriggerContext,
  budgetMs = BUDGET_MS,
): Promise<{ jobs: { jobId: string; outcome: Outcome }[] }> {
  const deadline = Date.now() + budgetMs
  const jobs: { jobId: string; outcome: Outcome }[] = []
  const cache = newRefCache()
  while (Date.now() < deadline) {
    const job = await findRunnableJob(ctx.now().getTime())
    if (!job) break
    const token = randomBytes(8).toString('hex')
    if (!(await claimJob(job, token, ctx.now().getTime() + LEASE_MS, toIsoCst(ctx.now())))) continue
    const fresh = (await findImportJob(job._id)) as ImportJobDoc
    let outcome: Outcome
    try {
      outcome = await runJob(fresh, token, deadline, ctx, cache)
    } catch (e) {
      ctx.log.error('import chunk failed', { error: e as Error, jobId: job._id })
      // leave the lease to expire: the next run resumes from the last checkpoint
      throw e
    }
    jobs.push({ jobId: job._id, outcome })
    // out of time with work left: give the lease back now (its checkpoint is saved), so the next run continues
    // at once instead of waiting for the lease to expire
    if (outcome === 'paused') await saveUnderLease(job._id, token, { leaseUntilMs: 0, leaseToken: null })
    if (outcome === 'paused' || outcome === 'lost') break
  }
  return { jobs }
}

async function runJob(
  job: ImportJobDoc,
  token: string,
  deadline: number,
  ctx: TriggerContext,
  cache: RefCache,
): Promise<Outcome> {
  const save = (fields: Partial<ImportJobDoc>) =>
    saveUnderLease(job._id, token, {
      ...fields,
      updatedAtMs: ctx.now().getTime(),
      leaseUntilMs: ctx.now().getTime() + LEASE_MS,
    })
  const fail = async (errors: ImportJobDoc['fileErrors']): Promise<Outcome> => {
    await saveUnderLease(job._id, token, {
      state: 'failed',
      fileErrors: errors,
      finishedAt: toIsoCst(ctx.now()),
      leaseUntilMs: 0,
      leaseToken: null,
      updatedAtMs: ctx.now().getTime(),
    })
    await auditDone({ ...job, state: 'failed', fileErrors: errors }, ctx)
    return 'failed'
  }
  const headerProblems = (headers: string[]) => {
    const map = mapHeaders(job.kind, headers)
    return { map, errors: map.missing.map((h) => ({ row: 1, column: h, message: '缺少必填列' })) }
  }
  let counts = job.counts
  const bctx = { job, now: ctx.now(), cache }

  if (job.format === 'csv') {
    const size = job.fileSize ?? 0
    if (!job.cursor.columns) {
      const header = await readCsvHeader(job.fileID, size)
      if (!header) return fail([{ row: 1, column: '', message: '文件为空或没有表头' }])
      const { map, errors } = headerProblems(header.headers)
      if (errors.length) return fail(errors)
      job.cursor = {
        offset: header.offset,
        row: 1,
        encoding: header.encoding,
        delimiter: header.delimiter,
        columns: map.columns,
        headers: header.headers.map((h) => h.replace(/^\uFEFF/, '').trim()),
      }
      job.unknownColumns = map.unknown
      if (!(await save({ cursor: job.cursor, unknownColumns: map.unknown }))) return 'lost'
    }
    let { offset, row } = job.cursor
    let chunks = 0
    while (Date.now() < deadline) {
      if (offset >= size) return finish(job, token, counts, ctx)
      let chunk
      try {
        chunk = await readCsvChunk(
          job.fileID,
          size,
          offset,
          row + 1,
          job.cursor.encoding ?? 'utf8',
          (job.cursor.delimiter ?? ',') as ',',
        )
      } catch (e) {
        if ((e as { code?: string }).code === 'RECORD_TOO_LONG')
          return fail([{ row: row + 1, column: '', message: '该行过长（超过4MB），可能是引号未闭合' }])
        throw e
      }
      const delta = await processBatch(chunk.rows, bctx)
      maybeCrash(++chunks)
      counts = add(counts, delta)
      offset = chunk.nextOffset
      row = chunk.rows.length ? chunk.rows[chunk.rows.length - 1].row : row
      job.cursor = { ...job.cursor, offset, row }
      if (!(await save({ cursor: job.cursor, counts }))) return 'lost'
    }
    return offset >= size ? finish(job, token, counts, ctx) : 'paused'
  }

  // XLSX
  let chunks = 0
  let lost = false
  let failed: ImportJobDoc['fileErrors'] | null = null
  const complete = await streamXlsx(
    job.fileID,
    job.cursor.row,
    xlsxBatch(),
    async (headers) => {
      if (job.cursor.columns) return true
      const { map, errors } = headerProblems(headers)
      if (errors.length) {
        failed = errors
        return false
      }
      job.cursor = { ...job.cursor, row: 1, columns: map.columns, headers }
      job.unknownColumns = map.unknown
      lost = !(await save({ cursor: job.cursor, unknownColumns: map.unknown }))
      return !lost
    },
    async (rows) => {
      const delta = await processBatch(rows, bctx)
      maybeCrash(++chunks)
      counts = add(counts, delta)
      job.cursor = { ...job.cursor, row: rows[rows.length - 1].row }
      lost = !(await save({ cursor: job.cursor, counts }))
      return !lost && Date.now() < deadline
    },
  )
  if (failed) return fail(failed)
  if (!job.cursor.columns) return fail([{ row: 1, column: '', message: '文件为空或没有表头' }])
  if (lost) return 'lost'
  return complete ? finish(job, token, counts, ctx) : 'paused'
}

async function finish(job: ImportJobDoc, token: string, counts: ImportCounts, ctx: TriggerContext): Promise<Outcome> {
  const errorsFileID = counts.rejected > 0 ? await writeRejectedRows(job) : null
  const ok = await saveUnderLease(job._id, token, {
    state: 'done',
    counts,
    errorsFileID,
    finishedAt: toIsoCst(ctx.now()),
    leaseUntilMs: 0,
    leaseToken: null,
    updatedAtMs: ctx.now().getTime(),
  })
  if (!ok) return 'lost'
  await auditDone({ ...job, counts, state: 'done' }, ctx)
  return 'done'
}

/** The rejected rows as a CSV an office can fix and import again: 行号, 错误列, 原因, then the row as it was. */
async function writeRejectedRows(job: ImportJobDoc): Promise<string> {
  const parts: string[] = ['\uFEFF' + csvLine(['行号', '错误列', '原因', ...(job.cursor.headers ?? [])])]
  let after = 0
  for (;;) {
    const page = await rejectionsPage(job._id, after, 500)
    for (const r of page) {
      let cells: string[] = []
      try {
        cells = JSON.parse(decryptField(r.cellsEnc)) as string[]
      } catch {
        cells = []
      }
      parts.push(
        csvLine([
          r.row,
          r.errors.map((e) => e.column).join('；'),
          r.errors.map((e) => (e.column ? `${e.column}：${e.message}` : e.message)).join('；'),
          ...cells,
        ]),
      )
    }
    if (page.length < 500) break
    after = page[page.length - 1].row
  }
  return upload(`exchange/rejected/${job._id}.csv`, Buffer.from(parts.join('\r\n') + '\r\n', 'utf8'))
}

async function auditDone(job: ImportJobDoc, ctx: TriggerContext): Promise<void> {
  await audit(
    {
      fn: 'exchange',
      action: 'import',
      requestId: ctx.requestId,
      now: ctx.now,
      caller: { openid: job.createdBy, roles: job.createdByRoles as never, user: {} as never },
    },
    {
      event: 'exchange.import.finished',
      targetType: 'import',
      targetId: job._id,
      outcome: job.state === 'done' ? 'ok' : 'failed',
      detail: {
        kind: job.kind,
        dryRun: job.dryRun,
        state: job.state,
        ...job.counts,
        unknownColumns: job.unknownColumns.length,
        fileErrors: job.fileErrors.length,
      },
    },
  )
}
