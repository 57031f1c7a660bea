/**
 * `import_rejections`: the rejected rows of an import (row, reasons, the row's cells sealed: they may hold an ID or
 * phone number). One document per row with a deterministic id, so a chunk processed twice writes it once.
 */
import { db } from '../../_core/app'

export interface RejectionDoc {
  _id: string
  jobId: string
  row: number
  errors: { column: string; message: string }[]
  /** The row's cells as JSON, sealed with the PII key (_core/pii encryptField). */
  cellsEnc: string
}

const col = () => db().collection('import_rejections')

export const rejectionId = (jobId: string, row: number): string => `${jobId}-r${row}`

export async function saveRejections(docs: RejectionDoc[]): Promise<void> {
  // set() by id: idempotent when a chunk is processed again after a crash
  for (let i = 0; i < docs.length; i += 20) {
    await Promise.all(docs.slice(i, i + 20).map(({ _id, ...rest }) => col().doc(_id).set(rest)))
  }
}

/** Rejections in row order from `afterRow` on. */
export async function rejectionsPage(jobId: string, afterRow: number, limit: number): Promise<RejectionDoc[]> {
  const _ = db().command
  const res = await col()
    .where({ jobId, row: _.gt(afterRow) })
    .orderBy('row', 'asc')
    .limit(limit)
    .get()
  return (res.data as RejectionDoc[]) ?? []
}
