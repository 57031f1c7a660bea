/** `import_jobs`: one document per import (dry run or real), its checkpoint, counts and lease. */
import { db } from '../../_core/app'
import type { ImportKind } from '../../../shared/exchange/templates'

export type ImportState = 'queued' | 'running' | 'done' | 'failed'

export interface ImportCounts {
  total: number
  imported: number
  updated: number
  unchanged: number
  rejected: number
}

export interface ImportCursor {
  /** CSV: byte offset of the next record's start; XLSX: unused. */
  offset: number
  /** The last row number processed (the header is row 1). */
  row: number
  encoding: 'utf8' | 'gb18030' | null
  delimiter: string | null
  /** Column index → template key (null: ignored column). */
  columns: (string | null)[] | null
  headers: string[] | null
}

export interface ImportJobDoc {
  _id: string
  kind: ImportKind
  fileID: string
  format: 'csv' | 'xlsx'
  dryRun: boolean
  state: ImportState
  createdBy: string
  createdByRoles: string[]
  departmentId: string | null
  /** Region codes the rows must lie in; null: every region (admin). */
  scopeRegions: string[] | null
  cursor: ImportCursor
  counts: ImportCounts
  unknownColumns: string[]
  /** File-level problems (a missing required column, an unreadable file). */
  fileErrors: { row: number; column: string; message: string }[]
  fileSize: number | null
  errorsFileID: string | null
  leaseToken: string | null
  leaseUntilMs: number
  invocations: number
  createdAt: string
  createdAtMs: number
  startedAt: string | null
  finishedAt: string | null
  updatedAtMs: number
}

const col = () => db().collection('import_jobs')

export async function insertImportJob(doc: ImportJobDoc): Promise<void> {
  await col().add(doc)
}

export async function findImportJob(id: string): Promise<ImportJobDoc | null> {
  const res = await col().doc(id).get()
  return ((res.data as ImportJobDoc[] | undefined) ?? [])[0] ?? null
}

/** The oldest queued or running job whose lease has expired. */
export async function findRunnableJob(nowMs: number): Promise<ImportJobDoc | null> {
  const _ = db().command
  const res = await col()
    .where({ state: _.in(['queued', 'running']), leaseUntilMs: _.lt(nowMs) })
    .orderBy('createdAtMs', 'asc')
    .limit(1)
    .get()
  return ((res.data as ImportJobDoc[] | undefined) ?? [])[0] ?? null
}

/** Takes the lease when nobody else did since `job` was read; true when this worker holds it now. */
export async function claimJob(job: ImportJobDoc, token: string, untilMs: number, at: string): Promise<boolean> {
  const res = await col()
    .where({ _id: job._id, leaseUntilMs: job.leaseUntilMs, invocations: job.invocations })
    .update({
      leaseToken: token,
      leaseUntilMs: untilMs,
      invocations: job.invocations + 1,
      state: 'running',
      startedAt: job.startedAt ?? at,
    })
  return (res as { updated?: number }).updated === 1
}

/** Saves a checkpoint (and anything else) while this worker holds the lease; false when the lease was lost. */
export async function saveUnderLease(id: string, token: string, fields: Partial<ImportJobDoc>): Promise<boolean> {
  const res = await col().where({ _id: id, leaseToken: token }).update(fields)
  return (res as { updated?: number }).updated === 1
}

export async function listImportJobs(
  filter: { createdBy?: string; departmentId?: string },
  after: { createdAtMs: number; id: string } | null,
  limit: number,
): Promise<ImportJobDoc[]> {
  const _ = db().command
  const where: Record<string, unknown> = { ...filter }
  if (after) where.createdAtMs = _.lte(after.createdAtMs)
  const res = await col()
    .where(where)
    .orderBy('createdAtMs', 'desc')
    .orderBy('_id', 'desc')
    .limit(limit + 20)
    .get()
  const docs = (res.data as ImportJobDoc[]) ?? []
  return after
    ? docs
        .filter((d) => d.createdAtMs < after.createdAtMs || (d.createdAtMs === after.createdAtMs && d._id < after.id))
        .slice(0, limit + 1)
    : docs.slice(0, limit + 1)
}
