/**
 * Apply to a posting with a snapshot of the resume (profile + bound person record, masked).
 * Idempotent twice over: the same requestId gives the first answer (`once`), and a second apply to the same
 * posting (any requestId) gives the first application (unique index jobId + openid).
 */
import { AppError } from '../../../shared/errors'
import { salaryText } from '../../../shared/job/salary'
import { FOLLOW_UP_DAYS, type ApplicationDoc, type ResumeSnapshot } from '../../../shared/job/types'
import { requireCaller, type ActionContext, type Caller } from '../../_core/function'
import { once } from '../../_core/idempotency'
import { findJob } from '../repositories/job.repository'
import { findApplicationOf, insertApplication } from '../repositories/application.repository'
import { findPerson } from '../repositories/profile.repository'
import { regionNames as regionNamesOf } from '../../_core/reference.repository'
import { certificatesOf } from '../../_core/trainingRecords.repository'
import { composeResume, shownResume, type ResumeEdits } from '../../../shared/user/resume'
import type { JobSeekingProfile } from '../../../shared/user/profile'
import { isActive } from '../helpers/jobView'
import type { ApplyResult } from '../../../shared/job/views'
import { toIsoCst } from '../../../shared/calendar/chinaTime'
import { resumeSnapshot } from '../helpers/resumeSnapshot'

const DAY = 86400_000
const answer = (a: ApplicationDoc): ApplyResult => ({
  applicationId: a._id,
  status: a.status,
  jobId: a.jobId,
  createdAt: a.createdAt,
})

/** The snapshot attached to an application: the matching facts plus 我的简历 as the applicant chose to show it. */
export async function applicationResume(caller: Caller): Promise<ResumeSnapshot> {
  const profile = (caller.user.profile ?? {}) as JobSeekingProfile
  const edits = ((caller.user as { resume?: ResumeEdits }).resume ?? {}) as ResumeEdits
  const [person, training, regionNames] = await Promise.all([
    caller.user.personId ? findPerson(caller.user.personId) : null,
    certificatesOf(caller.openid),
    regionNamesOf(Array.isArray(profile.desiredCities) ? profile.desiredCities : []),
  ])
  const base = await resumeSnapshot(caller, person)
  return { ...base, resume: shownResume(composeResume({ profile, edits, person, training, regionNames })) }
}

export async function applyToJob(
  input: { jobId: string; requestId: string; contactConsent?: boolean },
  ctx: ActionContext,
): Promise<ApplyResult> {
  const caller = requireCaller(ctx)
  const firstOf = async () => {
    const a = await findApplicationOf(input.jobId, caller.openid)
    return a ? answer(a) : undefined
  }
  // the same requestId again: the application itself is the first answer (a refusal is kept on the claim)
  return once(
    ctx,
    input.requestId,
    async () => {
      // the posting and the resume in one round trip; an application already there is found by the insert
      const [job, resume] = await Promise.all([findJob(input.jobId), applicationResume(caller)])
      const now = ctx.now()
      if (!job || !isActive(job, now.getTime())) {
        const first = await firstOf()
        if (first) return first
        if (!job) throw new AppError('NOT_FOUND', '岗位不存在或已删除')
        throw new AppError('CONFLICT', '该岗位已停止招聘')
      }
      const at = toIsoCst(now)
      const doc: ApplicationDoc = {
        _id: `app_${now.getTime().toString(36)}${Math.random().toString(36).slice(2, 8)}`,
        jobId: job._id,
        openid: caller.openid,
        requestId: input.requestId,
        status: 'submitted',
        history: [{ status: 'submitted', at }],
        resume,
        job: {
          title: job.title,
          employerName: job.employerName,
          cityName: job.cityName,
          districtName: job.districtName,
          salaryText: salaryText(job.salaryMin, job.salaryMax, job.salaryUnit),
          jobType: job.jobType,
        },
        createdAt: at,
        createdAtMs: now.getTime(),
        updatedAt: at,
        updatedAtMs: now.getTime(),
        followUpAtMs: now.getTime() + FOLLOW_UP_DAYS * DAY,
        outcome: null,
        // 同意招聘方/经办人员联系我: off unless chosen (changed later from 我的投递: job.setContactConsent)
        contactConsent: input.contactConsent === true,
        contactConsentAt: input.contactConsent === true ? at : null,
      }
      if (await insertApplication(doc)) return answer(doc)
      const first = await firstOf()
      if (!first) throw new AppError('CONFLICT')
      return first
    },
    { replay: firstOf },
  )
}
