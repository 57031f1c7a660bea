/** `training_records`: a resident's lifelong training record (completed courses and certificates). */
import type { TrainingRecordView } from '../../../shared/training/views'
import { db } from '../../_core/app'
import { insertOnce } from '../../_core/insertOnce'

/** The stored record: the view's fields (its `id` is the document's `_id`) plus the owner and a sort key. */
export interface TrainingRecordDoc extends Omit<TrainingRecordView, 'id'> {
  _id: string
  openid: string
  completedAtMs: number
}

const col = () => db().collection('training_records')

export function insertRecord(doc: TrainingRecordDoc): Promise<boolean> {
  return insertOnce('training_records', doc)
}

export async function recordsOf(
  openid: string,
  after: { ms: number; id: string } | null,
  limit: number,
): Promise<TrainingRecordDoc[]> {
  const _ = db().command
  const q = after
    ? _.and([{ openid }, _.or([{ completedAtMs: _.lt(after.ms) }, { completedAtMs: after.ms, _id: _.gt(after.id) }])])
    : { openid }
  const res = await col().where(q).orderBy('completedAtMs', 'desc').orderBy('_id', 'asc').limit(limit).get()
  return res.data as TrainingRecordDoc[]
}
