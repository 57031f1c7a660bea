/**
 * Staff side of applications: list a posting's applications (applicant masked) and move one through its
 * statuses. The applicant is told through the notification pipeline (template 'applicationStatus') and sees
 * the new status in myApplications. A hire marks the person's facts changed for the policy batch.
 */
import { deepLinks } from '../../../shared/deepLinks'
import type { Page } from '../../../shared/actions/common'
import { AppError } from '../../../shared/errors'
import {
  APPLICATION_STATUS_LABELS,
  APPLICATION_TRANSITIONS,
  type ApplicationDoc,
  type ApplicationStatus,
} from '../../../shared/job/types'
import { requireCaller, type ActionContext } from '../../_core/function'
import { audit } from '../../_core/audit'
import { enqueueNotification } from '../../_core/notifications'
import { markPersonFactsChanged } from '../../_core/personEvents'
import { findUser } from '../../_core/users.repository'
import { decodeCursor, encodeCursor, pageSizeOf } from '../../_core/paging'
import { findJob, type Keyset } from '../repositories/job.repository'
import type { StaffApplicationItem } from '../../../shared/job/views'
import { findApplication, listApplicationsBy, moveStatus } from '../repositories/application.repository'
import { toIsoCst } from '../../../shared/calendar/chinaTime'

const toStaffItem = (a: ApplicationDoc): StaffApplicationItem => ({
  id: a._id,
  jobId: a.jobId,
  status: a.status,
  statusLabel: APPLICATION_STATUS_LABELS[a.status],
  resume: a.resume,
  history: a.history,
  createdAt: a.createdAt,
  updatedAt: a.updatedAt,
  outcome: a.outcome,
  contactConsent: a.contactConsent === true,
})

const isKeyset = (v: unknown): v is Keyset =>
  !!v && typeof (v as Keyset).k === 'number' && typeof (v as Keyset).id === 'string'

export async function listJobApplications(
  input: { jobId: string; status?: ApplicationStatus; cursor?: string; pageSize?: number },
  ctx: ActionContext,
): Promise<Page<StaffApplicationItem>> {
  requireCaller(ctx)
  if (!(await findJob(input.jobId))) throw new AppError('NOT_FOUND', '岗位不存在或已删除')
  const size = pageSizeOf(input.pageSize)
  const rows = await listApplicationsBy(
    'jobId',
    input.jobId,
    decodeCursor(input.cursor, isKeyset),
    size + 1,
    input.status,
  )
  const page = rows.slice(0, size)
  const last = page[page.length - 1]
  return {
    items: page.map(toStaffItem),
    nextCursor: rows.length > size && last ? encodeCursor({ k: last.createdAtMs, id: last._id }) : null,
  }
}

const STATUS_BODY: Record<ApplicationStatus, string> = {
  submitted: '您的投递已提交。',
  viewed: '招聘单位已查看您的投递。',
  interview: '招聘单位邀请您参加面试，请留意联系电话，或到就业服务站咨询。',
  rejected: '很遗憾，本次投递未被录用。可以看看其他推荐岗位。',
  hired: '恭喜！您已被录用。',
}

export async function setApplicationStatus(
  input: { applicationId: string; status: Exclude<ApplicationStatus, 'submitted'>; note?: string },
  ctx: ActionContext,
): Promise<StaffApplicationItem> {
  requireCaller(ctx)
  const app = await findApplication(input.applicationId)
  if (!app) throw new AppError('NOT_FOUND', '投递记录不存在')
  if (app.status === input.status) return toStaffItem(app)
  if (!APPLICATION_TRANSITIONS[app.status].includes(input.status)) {
    throw new AppError(
      'CONFLICT',
      `当前状态为“${APPLICATION_STATUS_LABELS[app.status]}”，不能改为“${APPLICATION_STATUS_LABELS[input.status]}”`,
    )
  }
  const now = ctx.now()
  const at = toIsoCst(now)
  const entry = { status: input.status, at, note: input.note ?? null }
  const moved = await moveStatus(
    app._id,
    app.status,
    { status: input.status, updatedAt: at, updatedAtMs: now.getTime() },
    entry,
  )
  if (!moved) throw new AppError('CONFLICT', '该投递刚被其他工作人员处理，请刷新后重试')

  const label = APPLICATION_STATUS_LABELS[input.status]
  await enqueueNotification(
    {
      key: `job:application:${app._id}:${input.status}`,
      openid: app.openid,
      template: 'applicationStatus',
      data: { jobTitle: app.job.title, employer: app.job.employerName, status: label, at },
      page: deepLinks.myApplications(),
      title: `求职进度：${label}`,
      body: `「${app.job.title}」${STATUS_BODY[input.status]}${input.note ? `说明：${input.note}` : ''}`,
      source: { module: 'job', refId: app._id },
    },
    now,
  )
  if (input.status === 'hired') {
    const user = await findUser(app.openid)
    if (user?.personId) await markPersonFactsChanged(user.personId, now)
  }
  await audit(ctx, {
    event: 'job.setApplicationStatus',
    targetType: 'application',
    targetId: app._id,
    onBehalfOf: app.openid,
    outcome: 'ok',
    detail: { from: app.status, to: input.status },
  })
  return toStaffItem({
    ...app,
    status: input.status,
    history: [...app.history, entry],
    updatedAt: at,
    updatedAtMs: now.getTime(),
  })
}
