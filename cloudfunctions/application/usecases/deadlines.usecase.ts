/**
 * Timer `deadlines`, on the case clock: running cases due within two working days remind their reviewer (or the
 * department's handlers) once per deadline; overdue ones are escalated once (督办) to the department above
 * (its head or handlers) and the admins, as feedback's escalation does. A stopped clock (补正) is neither.
 */
import { dueSoonBefore, isOverdue } from '../../../shared/calendar/caseClock'
import { deepLinks } from '../../../shared/deepLinks'
import { AppError } from '../../../shared/errors'
import { toIsoCst } from '../../../shared/calendar/chinaTime'
import type { TriggerContext } from '../../_core/function'
import { enqueueNotification } from '../../_core/notifications'
import { type ApplicationDoc, runningDueBefore, updateApplication } from '../repositories/application.repository'
import { adminOpenids, departmentHandlers, findDepartment } from '../repositories/staff.repository'
import { workingCalendar } from '../../_core/workingCalendar'
import { recordEvent, type StepContext } from '../helpers/caseStep'

const BATCH = 200

async function tell(openids: string[], doc: ApplicationDoc, what: 'remind' | 'escalate', now: Date) {
  for (const openid of [...new Set(openids)]) {
    await enqueueNotification(
      {
        key: `application:${doc._id}:${what}:${doc.dueAtMs}:${openid}`,
        openid,
        template: 'caseStatus',
        data: {
          trackingNo: doc.trackingNo ?? '',
          title: doc.title,
          status: what === 'remind' ? '即将到期' : '超期督办',
          at: toIsoCst(now).slice(0, 16).replace('T', ' '),
        },
        page: deepLinks.staffApplication(doc._id),
        title: what === 'remind' ? '办事申请即将到期' : '办事申请超期督办',
        body: `受理编号 ${doc.trackingNo}（${doc.title}）${what === 'remind' ? `将于${doc.dueAt?.slice(0, 10)}到期，请及时审核` : `已超过办结期限（${doc.dueAt?.slice(0, 10)}），请督促办理`}。`,
        fallback: null,
        source: { module: 'application', refId: doc._id },
      },
      now,
    )
  }
}

export async function sweepDeadlines(ctx: TriggerContext) {
  const sctx: StepContext = {
    caller: null,
    now: ctx.now,
    fn: ctx.fn,
    action: `trigger.${ctx.trigger}`,
    requestId: ctx.requestId,
  }
  const now = ctx.now()
  const nowMs = now.getTime()
  const adminIds = await adminOpenids()
  const cal = await workingCalendar()
  let reminded = 0
  let escalated = 0
  let after: { ms: number; id: string } | null = null
  for (let b = 0; b < 50; b++) {
    const docs = await runningDueBefore(dueSoonBefore(nowMs, 2, cal), after, BATCH)
    for (const doc of docs) {
      const clock = { dueAtMs: doc.dueAtMs ?? 0, stoppedAtMs: doc.clockStoppedAtMs ?? null, remainingWorkingDays: null }
      try {
        if (isOverdue(clock, nowMs)) {
          if (doc.escalatedAtMs) continue
          await updateApplication(doc, { escalatedAtMs: nowMs })
          const dept = doc.departmentId ? await findDepartment(doc.departmentId) : null
          const parent = dept?.parent ? await findDepartment(dept.parent) : null
          const up = parent ? (parent.headOpenid ? [parent.headOpenid] : await departmentHandlers(parent._id)) : []
          const head = dept?.headOpenid ? [dept.headOpenid] : []
          await recordEvent(sctx, doc, 'escalate', {
            actorRole: 'system',
            public: false,
            note: `已超过办结期限（${doc.dueAt?.slice(0, 10)}），转${parent?.name ?? '管理员'}督办`,
          })
          await tell([...head, ...up, ...adminIds], doc, 'escalate', now)
          escalated++
        } else if (doc.remindedForDueAtMs !== doc.dueAtMs) {
          await updateApplication(doc, { remindedForDueAtMs: doc.dueAtMs ?? null })
          const to = doc.reviewerOpenid
            ? [doc.reviewerOpenid]
            : doc.departmentId
              ? await departmentHandlers(doc.departmentId)
              : []
          await recordEvent(sctx, doc, 'remind', {
            actorRole: 'system',
            public: false,
            note: `将于${doc.dueAt?.slice(0, 10)}到期，已提醒经办人`,
          })
          await tell(to, doc, 'remind', now)
          reminded++
        }
      } catch (e) {
        if (e instanceof AppError && e.code === 'CONFLICT') continue
        throw e
      }
    }
    if (docs.length < BATCH) break
    const last = docs[docs.length - 1]
    after = { ms: last.dueAtMs ?? 0, id: last._id }
  }
  ctx.log.info('application deadlines', { reminded, escalated })
  return { reminded, escalated }
}
