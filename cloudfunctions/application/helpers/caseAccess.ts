/**
 * Object-level checks: the applicant (or the grid worker who acts on their behalf with recorded consent) and the
 * department staff of the applicant's region. Someone else's case is NOT_FOUND (its existence is not disclosed);
 * another department's case is FORBIDDEN for staff.
 */
import { AppError } from '../../../shared/errors'
import { type ActionContext, type Caller, requireCaller } from '../../_core/function'
import { type ApplicationDoc, findApplication } from '../repositories/application.repository'

export const NOT_FOUND_MESSAGE = '未找到该申请'

export const isAdmin = (c: Caller): boolean => c.roles.includes('admin')
export const isStaffOf = (c: Caller, doc: ApplicationDoc): boolean =>
  isAdmin(c) || (c.roles.includes('handler') && !!doc.departmentId && c.user.departmentId === doc.departmentId)

/** The applicant's own case, or the on-behalf worker's while it is theirs to fill (draft) or just submitted by them. */
export async function loadForApplicant(
  ctx: ActionContext,
  applicationId: string,
): Promise<{ doc: ApplicationDoc; onBehalf: boolean }> {
  const caller = requireCaller(ctx)
  const doc = await findApplication(applicationId)
  if (!doc) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE)
  if (doc.openid === caller.openid) return { doc, onBehalf: false }
  if (doc.onBehalf?.by === caller.openid && caller.roles.includes('grid')) return { doc, onBehalf: true }
  throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE)
}

/** A submitted case for its department's staff (drafts are the resident's own). */
export async function loadForStaff(ctx: ActionContext, applicationId: string): Promise<ApplicationDoc> {
  const caller = requireCaller(ctx)
  const doc = await findApplication(applicationId)
  if (!doc || doc.status === 'draft') throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE)
  if (!isStaffOf(caller, doc)) throw new AppError('FORBIDDEN', '该申请不属于您所在部门审核')
  return doc
}

export async function loadForViewer(
  ctx: ActionContext,
  applicationId: string,
): Promise<{ doc: ApplicationDoc; viewer: 'owner' | 'staff' }> {
  const caller = requireCaller(ctx)
  const doc = await findApplication(applicationId)
  if (!doc) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE)
  if (doc.openid === caller.openid || doc.onBehalf?.by === caller.openid) return { doc, viewer: 'owner' }
  const staff = isAdmin(caller) || caller.roles.includes('handler')
  if (!staff || doc.status === 'draft') throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE)
  if (!isStaffOf(caller, doc)) throw new AppError('FORBIDDEN', '该申请不属于您所在部门审核')
  return { doc, viewer: 'staff' }
}
