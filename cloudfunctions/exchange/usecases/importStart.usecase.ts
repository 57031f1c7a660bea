/**
 * importStart: checks the caller may import, that the uploaded file exists, and what it is (XLSX by its zip
 * signature or name, else CSV), then queues the job; the `continue` trigger does the work (runImports.usecase.ts).
 */
import { randomBytes } from 'node:crypto'
import type { InputOf } from '../../../shared/actions/define'
import type { exchangeActions } from '../../../shared/actions/exchange'
import { AppError } from '../../../shared/errors'
import { audit } from '../../_core/audit'
import { toIsoCst } from '../../../shared/calendar/chinaTime'
import { requireCaller, type ActionContext } from '../../_core/function'
import { insertImportJob, type ImportJobDoc } from '../repositories/importJob.repository'
import { fileSize, readRange } from '../services/fileStore'
import { callerScope } from '../helpers/scope'

/** CloudBase storage holds files up to 5 GB; an import file beyond this is refused as unreasonable. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024 * 1024

export async function importStart(
  input: InputOf<typeof exchangeActions, 'importStart'>,
  ctx: ActionContext,
): Promise<{ jobId: string }> {
  const caller = requireCaller(ctx)
  const scope = await callerScope(ctx)
  const size = await fileSize(input.fileID)
  if (size === 0) throw new AppError('VALIDATION_FAILED', '文件是空的')
  if (size > MAX_IMPORT_BYTES) throw new AppError('VALIDATION_FAILED', '文件过大（最大2GB），请分成几个文件导入')
  const magic = await readRange(input.fileID, 0, 4)
  const zip = magic.length === 4 && magic[0] === 0x50 && magic[1] === 0x4b && magic[2] === 0x03 && magic[3] === 0x04
  if (/\.xls$/i.test(input.fileID))
    throw new AppError('VALIDATION_FAILED', '不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 CSV')
  const format: ImportJobDoc['format'] = zip || /\.xlsx$/i.test(input.fileID) ? 'xlsx' : 'csv'
  const now = ctx.now()
  const at = toIsoCst(now)
  const jobId = `imp_${now.getTime().toString(36)}${randomBytes(4).toString('hex')}`
  await insertImportJob({
    _id: jobId,
    kind: input.kind,
    fileID: input.fileID,
    format,
    dryRun: input.dryRun ?? false,
    state: 'queued',
    createdBy: caller.openid,
    createdByRoles: caller.roles,
    departmentId: scope.departmentId,
    scopeRegions: scope.regions,
    cursor: { offset: 0, row: 0, encoding: null, delimiter: null, columns: null, headers: null },
    counts: { total: 0, imported: 0, updated: 0, unchanged: 0, rejected: 0 },
    unknownColumns: [],
    fileErrors: [],
    fileSize: size,
    errorsFileID: null,
    leaseToken: null,
    leaseUntilMs: 0,
    invocations: 0,
    createdAt: at,
    createdAtMs: now.getTime(),
    startedAt: null,
    finishedAt: null,
    updatedAtMs: now.getTime(),
  })
  await audit(ctx, {
    event: 'exchange.importStart',
    targetType: 'import',
    targetId: jobId,
    outcome: 'ok',
    detail: { kind: input.kind, dryRun: input.dryRun ?? false, format, bytes: size, scope: scope.regions ?? 'all' },
  })
  return { jobId }
}
