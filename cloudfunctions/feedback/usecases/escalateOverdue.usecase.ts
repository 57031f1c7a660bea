/**
 * Timer `escalate` (督办): every item past its answer deadline without a reply, not yet escalated in this
 * round, is marked (escalatedAt) exactly once (a version-conditional update; a concurrent run loses and
 * skips), and the department head (or, when none is named, its handlers), the parent department's handlers
 * and every admin are told.
 */
import { deepLinks } from '../../../shared/deepLinks'
import { AWAITING_REPLY } from '../../../shared/feedback/status'
import type { TriggerContext } from '../../_core/function'
import { enqueueNotification } from '../../_core/notifications'
import { findDepartment } from '../repositories/department.repository'
import { listOverdueUnescalated, type FeedbackDoc } from '../repositories/feedback.repository'
import { listAdminOpenids, listDepartmentHandlerOpenids } from '../repositories/staff.repository'
import { applyStep } from '../helpers/feedbackStep'
import { toIsoCst } from '../../../shared/calendar/chinaTime'
import { triggerStepContext } from '../helpers/triggerStep'

const BATCH = 200
const MAX_BATCHES = 20

async function recipientsOf(doc: FeedbackDoc, admins: string[]): Promise<string[]> {
  const out: string[] = []
  if (doc.departmentId) {
    const dept = await findDepartment(doc.departmentId)
    out.push(...(dept?.headOpenid ? [dept.headOpenid] : await listDepartmentHandlerOpenids(doc.departmentId)))
    if (dept?.parent) out.push(...(await listDepartmentHandlerOpenids(dept.parent)))
  }
  return [...new Set([...out, ...admins])]
}

export async function escalateOverdue(ctx: TriggerContext) {
  const sctx = triggerStepContext(ctx)
  const admins = await listAdminOpenids()
  let escalated = 0
  let skipped = 0
  for (let b = 0; b < MAX_BATCHES; b++) {
    const nowMs = ctx.now().getTime()
    const docs = await listOverdueUnescalated(AWAITING_REPLY, nowMs, BATCH)
    if (docs.length === 0) break
    for (const doc of docs) {
      let updated: FeedbackDoc
      try {
        updated = await applyStep(
          sctx,
          doc,
          'escalate',
          { escalatedAt: toIsoCst(nowMs), escalatedAtMs: nowMs },
          {
            note: `已超过答复期限（${doc.dueAt.slice(0, 10)}），转${doc.departmentName ?? '管理员'}负责人督办`,
          },
        )
      } catch (e) {
        if ((e as { code?: string }).code === 'CONFLICT') {
          skipped++
          continue
        }
        throw e
      }
      escalated++
      for (const openid of await recipientsOf(updated, admins)) {
        await enqueueNotification(
          {
            key: `feedback:${doc._id}:escalate:${doc.round}:${openid}`,
            openid,
            template: 'feedbackUpdate',
            data: {
              trackingNo: doc.trackingNo,
              status: '超期督办',
              step: '督办',
              department: doc.departmentName ?? '待分派',
              time: toIsoCst(nowMs).slice(0, 16).replace('T', ' '),
            },
            page: deepLinks.staffFeedback(doc.trackingNo),
            title: '反馈超期督办',
            body: `受理编号 ${doc.trackingNo}（${doc.departmentName ?? '待分派'}）已超过答复期限，请督促办理。`,
            fallback: null,
            source: { module: 'feedback', refId: doc._id },
          },
          ctx.now(),
        )
      }
    }
    if (docs.length < BATCH) break
  }
  ctx.log.info('feedback escalation', { escalated, skipped })
  return { escalated, skipped }
}
