/** `training_records`: a resident's lifelong training record (completed courses and certificates). */
import { db } from '../../_core/app'
import { insertOnce } from '../../_core/insertOnce'

export interface TrainingRecordDoc {
  _id: string
  openid: string
  courseId: string
  title: string
  providerName: string
  occupationCode: string
  occupationName: string
  level: string
  certificateType: string
  certificateNo: string | null
  completedAt: string
  completedAtMs: number
}

const col = () => db().collection('training_records')

export function insertRecord(doc: TrainingRecordDoc): Promise<boolean> {
  return insertOnce('training_records', doc)
}

export async function recordsOf(openid: string, after: { ms: number; id: string } | null, limit: number): Promise<TrainingRecordDoc[]> {
  const _ = db().command
  const q = after
    ? _.and([{ openid }, _.or([{ completedAtMs: _.lt(after.ms) }, { completedAtMs: after.ms, _id: _.gt(after.id) }])])
    : { openid }
  const res = await col().where(q).orderBy('completedAtMs', 'desc').orderBy('_id', 'asc').limit(limit).get()
  return res.data as TrainingRecordDoc[]
}
