/** assign: transfer to another department (转办); the answer deadline keeps running. */
import type { InputOf } from '../../../shared/actions/define'
import type { feedbackActions } from '../../../shared/actions/feedback'
import { AppError } from '../../../shared/errors'
import type { ActionContext } from '../../_core/function'
import { findDepartment } from '../repositories/department.repository'
import { loadForStaff } from '../helpers/feedbackAccess'
import { applyStep } from '../helpers/feedbackStep'

export async function assignFeedback(input: InputOf<typeof feedbackActions, 'assign'>, ctx: ActionContext) {
  const doc = await loadForStaff(ctx, input.trackingNo)
  const target = await findDepartment(input.departmentId)
  if (!target) throw new AppError('NOT_FOUND', '转办的目标部门不存在')
  if (target._id === doc.departmentId) throw new AppError('CONFLICT', '该反馈已在此部门办理')
  const from = doc.departmentName ?? '待分派'
  const note = `由${from}转至${target.name}${input.note ? `：${input.note}` : ''}`
  const updated = await applyStep(
    ctx,
    doc,
    'assign',
    { departmentId: target._id, departmentName: target.name },
    { note, auditDetail: { fromDepartmentId: doc.departmentId } },
  )
  return {
    trackingNo: updated.trackingNo,
    status: updated.status,
    departmentId: updated.departmentId,
    departmentName: updated.departmentName,
  }
}
