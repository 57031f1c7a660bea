/**
 * revealContact: the one unmasked path to a job applicant's number, for a phone call about the application.
 * Allowed to an administrator, the staff member who posted the job, or a handler of a department serving the
 * posting's district, city or province; and only while the applicant agrees to be contacted. The number comes
 * from the sealed identifiers of the applicant's bound person record and is never stored anywhere else. Every
 * attempt is audited, refusals and unknown applications included (the wrapper audits the blocked and rate-limit
 * refusals: `auditAttempts`).
 */
import { AppError, type ErrorCode } from '../../../shared/errors'
import type { JobDoc } from '../../../shared/job/types'
import type { ApplicantContact } from '../../../shared/job/views'
import { requireCaller, type ActionContext, type Caller } from '../../_core/function'
import { audit } from '../../_core/audit'
import { findApplication } from '../repositories/application.repository'
import { findJob } from '../repositories/job.repository'
import { departmentRegions, findApplicantContact } from '../repositories/profile.repository'

const EVENT = 'job.revealContact'

/** Whether this staff member's reach covers the posting (an unknown or deleted posting: administrators only). */
export async function reachesPosting(caller: Caller, job: JobDoc | null): Promise<boolean> {
  if (caller.roles.includes('admin')) return true
  if (!job || !caller.roles.includes('handler')) return false
  if (job.createdBy && job.createdBy === caller.openid) return true
  const dept = caller.user.departmentId
  if (!dept) return false
  const served = await departmentRegions(dept)
  const province = `${job.districtCode.slice(0, 2)}0000`
  return [job.districtCode, job.cityCode, province].some((c) => served.includes(c))
}

export async function revealApplicantContact(
  input: { applicationId: string },
  ctx: ActionContext,
): Promise<ApplicantContact> {
  const caller = requireCaller(ctx)
  const entry = { event: EVENT, targetType: 'application', targetId: input.applicationId }
  const refuse = async (code: ErrorCode, message: string, reason: string, onBehalfOf?: string): Promise<never> => {
    await audit(ctx, { ...entry, ...(onBehalfOf ? { onBehalfOf } : {}), outcome: 'denied', detail: { reason } })
    throw new AppError(code, message)
  }
  const app = await findApplication(input.applicationId)
  if (!app) return refuse('NOT_FOUND', '投递记录不存在', 'NOT_FOUND')
  if (!(await reachesPosting(caller, await findJob(app.jobId))))
    return refuse('FORBIDDEN', '该岗位不在您所在部门的服务范围内', 'FORBIDDEN', app.openid)
  if (app.contactConsent !== true)
    return refuse('FORBIDDEN', '求职者未同意被联系，暂不能查看完整号码', 'noConsent', app.openid)
  const person = await findApplicantContact(app.openid)
  if (!person.phone) return refuse('CONFLICT', '求职者未实名绑定，没有登记的联系电话', 'noPhone', app.openid)
  await audit(ctx, { ...entry, onBehalfOf: app.openid, outcome: 'ok', detail: { jobId: app.jobId } })
  return { applicationId: app._id, name: person.name ?? app.resume.name, phone: person.phone }
}
