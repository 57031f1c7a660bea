/** One of my applications as 我的投递 shows it: status labels, history, the hired? follow-up, contact consent. */
import { APPLICATION_STATUS_LABELS, JOB_TYPE_LABELS, type ApplicationDoc } from '../../../shared/job/types'
import type { MyApplicationItem } from '../../../shared/job/views'
import { AppError } from '../../../shared/errors'
import { findApplication } from '../repositories/application.repository'

export const FOLLOW_UP_QUESTION = '您通过这次投递找到工作了吗？'

export function toMyItem(a: ApplicationDoc, nowMs: number): MyApplicationItem {
  const open = a.status === 'submitted' || a.status === 'viewed' || a.status === 'interview'
  return {
    id: a._id,
    jobId: a.jobId,
    status: a.status,
    statusLabel: APPLICATION_STATUS_LABELS[a.status],
    job: { ...a.job, jobTypeLabel: JOB_TYPE_LABELS[a.job.jobType] },
    history: a.history.map((h) => ({
      status: h.status,
      statusLabel: APPLICATION_STATUS_LABELS[h.status],
      at: h.at,
      note: h.note ?? null,
    })),
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    followUp: {
      asked: !a.outcome && open && nowMs >= a.followUpAtMs,
      question: FOLLOW_UP_QUESTION,
      outcome: a.outcome ? (a.outcome.hired ? 'hired' : 'notHired') : null,
      answeredAt: a.outcome?.at ?? null,
    },
    contactConsent: a.contactConsent === true,
    contactConsentAt: a.contactConsentAt ?? null,
  }
}

/** The caller's own application; someone else's is not disclosed (NOT_FOUND, like one that does not exist). */
export async function findMyApplication(openid: string, applicationId: string): Promise<ApplicationDoc> {
  const app = await findApplication(applicationId)
  if (!app || app.openid !== openid) throw new AppError('NOT_FOUND', '投递记录不存在')
  return app
}
