/** Loading an item for the resident who submitted it or for the staff who may handle it (object-level checks). */
import { AppError } from '../../../shared/errors'
import { STAFF_VISIBLE } from '../../../shared/feedback/status'
import { type ActionContext, requireCaller, type Caller } from '../../_core/function'
import { findByTrackingNo, type FeedbackDoc } from '../repositories/feedback.repository'

export const NOT_FOUND_MESSAGE = '未找到该反馈，请核对受理编号'

export const isAdmin = (c: Caller | null): boolean => !!c?.roles.includes('admin')
export const isHandlerOf = (c: Caller | null, departmentId: string | null): boolean =>
  !!c && c.roles.includes('handler') && !!departmentId && c.user.departmentId === departmentId

/** The resident's own item; anyone else's is NOT_FOUND (its existence is not disclosed). */
export async function loadOwn(ctx: ActionContext, trackingNo: string): Promise<FeedbackDoc> {
  const caller = requireCaller(ctx)
  const doc = await findByTrackingNo(trackingNo)
  if (!doc || doc.openid !== caller.openid) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE)
  return doc
}

/**
 * An item for staff: a handler of the department it is routed to, or an administrator. Held or rejected items
 * (never checked as safe) are NOT_FOUND for staff; another department's item is FORBIDDEN.
 */
export async function loadForStaff(ctx: ActionContext, trackingNo: string): Promise<FeedbackDoc> {
  const caller = requireCaller(ctx)
  const doc = await findByTrackingNo(trackingNo)
  if (!doc || !STAFF_VISIBLE.includes(doc.status)) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE)
  if (!isAdmin(caller) && !isHandlerOf(caller, doc.departmentId))
    throw new AppError('FORBIDDEN', '该反馈不属于您所在部门办理')
  return doc
}

export type Viewer = 'owner' | 'staff'

/** get: the owner sees their own view; staff of the routed department (or an admin) the staff view. */
export async function loadForViewer(
  ctx: ActionContext,
  trackingNo: string,
): Promise<{ doc: FeedbackDoc; viewer: Viewer }> {
  const caller = requireCaller(ctx)
  const doc = await findByTrackingNo(trackingNo)
  if (!doc) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE)
  if (doc.openid === caller.openid) return { doc, viewer: 'owner' }
  const staff = isAdmin(caller) || caller.roles.includes('handler')
  if (!staff || !STAFF_VISIBLE.includes(doc.status)) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE)
  if (!isAdmin(caller) && !isHandlerOf(caller, doc.departmentId))
    throw new AppError('FORBIDDEN', '该反馈不属于您所在部门办理')
  return { doc, viewer: 'staff' }
}
