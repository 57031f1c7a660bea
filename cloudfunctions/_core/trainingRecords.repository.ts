/**
 * The lifelong training record (`training_records`, written by the training function) as other functions read
 * it: a resident's certificates, read-only. One reader for 我的资料, 我的简历 (user) and the résumé attached to a
 * job application (job).
 */
import { db } from './app'
import type { TrainingCertificate } from '../../shared/user/views'

export type { TrainingCertificate }

/** The resident's completed trainings, newest first (at most 50). */
export async function certificatesOf(openid: string): Promise<TrainingCertificate[]> {
  const res = await db()
    .collection('training_records')
    .where({ openid })
    .orderBy('completedAtMs', 'desc')
    .orderBy('_id', 'asc')
    .limit(50)
    .field({
      title: true,
      occupationCode: true,
      occupationName: true,
      level: true,
      certificateType: true,
      completedAt: true,
    })
    .get()
  return ((res.data as TrainingCertificate[] | undefined) ?? []).map((d) => ({
    title: d.title,
    occupationCode: d.occupationCode,
    occupationName: d.occupationName,
    level: d.level,
    certificateType: d.certificateType,
    completedAt: d.completedAt,
  }))
}
