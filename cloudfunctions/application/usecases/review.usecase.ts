/** Staff: queues (indexed by department, status and deadline), take, assign, notes, 补正 (the clock stops), reopen. */
import type { InputOf } from '../../../shared/actions/define'
import type { applicationActions } from '../../../shared/actions/application'
import { kindOf } from '../../../shared/application/kinds'
import { startClock, stopClock } from '../../../shared/calendar/caseClock'
import { AppError } from '../../../shared/errors'
import { toIsoCst } from '../../../shared/calendar/chinaTime'
import { type ActionContext, requireCaller } from '../../_core/function'
import { decodeCursor, encodeCursor, pageSizeOf } from '../../_core/paging'
import { workingCalendar } from '../../_core/workingCalendar'
import { queuePage } from '../repositories/application.repository'
import { findUserDepartment } from '../repositories/staff.repository'
import { isAdmin, loadForStaff } from '../helpers/caseAccess'
import { applyStep, recordEvent } from '../helpers/caseStep'
import { summaryView } from '../helpers/caseView'
import { queueQueryOf } from '../helpers/queueQuery'

type Cur = { ms: number; id: string }
const isCur = (v: unknown): v is Cur =>
  typeof v === 'object' && v !== null && typeof (v as Cur).ms === 'number' && typeof (v as Cur).id === 'string'

export async function reviewQueue(input: InputOf<typeof applicationActions, 'queue'>, ctx: ActionContext) {
  const caller = requireCaller(ctx)
  const nowMs = ctx.now().getTime()
  const q = queueQueryOf(input, caller, nowMs, await workingCalendar())
  const size = pageSizeOf(input.pageSize)
  const docs = await queuePage(q, decodeCursor(input.cursor, isCur), size + 1)
  const page = docs.slice(0, size)
  const last = page[page.length - 1]
  const ms = (d: typeof last) => (q.order === 'due' ? (d.dueAtMs ?? 0) : (d.decidedAtMs ?? 0))
  return {
    items: page.map((d) => summaryView(d, nowMs)),
    nextCursor: docs.length > size && last ? encodeCursor({ ms: ms(last), id: last._id }) : null,
  }
}

export async function takeCase(input: InputOf<typeof applicationActions, 'take'>, ctx: ActionContext) {
  const caller = requireCaller(ctx)
  const doc = await loadForStaff(ctx, input.applicationId)
  if (doc.reviewerOpenid && doc.reviewerOpenid !== caller.openid)
    throw new AppError('CONFLICT', '该案件已由其他经办人受理')
  const updated = await applyStep(ctx, doc, 'take', { reviewerOpenid: caller.openid }, { note: '已受理，进入审核' })
  return { applicationId: updated._id, status: updated.status, reviewerOpenid: updated.reviewerOpenid ?? null }
}

export async function assignCase(input: InputOf<typeof applicationActions, 'assign'>, ctx: ActionContext) {
  const doc = await loadForStaff(ctx, input.applicationId)
  const target = await findUserDepartment(input.reviewerOpenid)
  if (!target || !target.roles.includes('handler') || target.departmentId !== doc.departmentId)
    throw new AppError('VALIDATION_FAILED', '只能分派给本部门的经办人', {
      fields: [{ path: 'reviewerOpenid', message: '不是本部门经办人' }],
    })
  const updated = await applyStep(
    ctx,
    doc,
    'assign',
    { reviewerOpenid: input.reviewerOpenid },
    { note: '已分派经办人', notify: doc.status === 'submitted' },
  )
  return { applicationId: updated._id, status: updated.status, reviewerOpenid: updated.reviewerOpenid ?? null }
}

export async function addNote(input: InputOf<typeof applicationActions, 'note'>, ctx: ActionContext) {
  const doc = await loadForStaff(ctx, input.applicationId)
  await recordEvent(ctx, doc, 'note', { note: input.note, public: false, actorRole: 'staff' })
  return { applicationId: doc._id, saved: true }
}

export async function requestCorrection(
  input: InputOf<typeof applicationActions, 'requestCorrection'>,
  ctx: ActionContext,
) {
  const caller = requireCaller(ctx)
  const doc = await loadForStaff(ctx, input.applicationId)
  const kind = kindOf(doc.kind)
  if (!kind) throw new AppError('NOT_FOUND', '没有该办事事项')
  const keys = new Set([...kind.questions.map((q) => q.key), ...kind.materials.map((m) => m.key)])
  const bad = input.items.filter((k) => !keys.has(k))
  if (bad.length)
    throw new AppError('VALIDATION_FAILED', `该申请没有这些项目：${bad.join('、')}`.slice(0, 120), {
      fields: bad.map((k) => ({ path: 'items', message: `未知项目 ${k}` })),
    })
  if (doc.reviewerOpenid && doc.reviewerOpenid !== caller.openid && !isAdmin(caller))
    throw new AppError('FORBIDDEN', '该案件由其他经办人审核')
  const now = ctx.now()
  const nowMs = now.getTime()
  const cal = await workingCalendar()
  const stopped = stopClock(
    {
      dueAtMs: doc.dueAtMs ?? startClock(nowMs, kind.reviewWorkingDays, cal).dueAtMs,
      stoppedAtMs: null,
      remainingWorkingDays: null,
    },
    nowMs,
    cal,
  )
  const correctionDue = cal.workingDayDeadline(nowMs, kind.correctionWorkingDays)
  const labels = input.items.map(
    (k) => kind.questions.find((q) => q.key === k)?.label ?? kind.materials.find((m) => m.key === k)?.label ?? k,
  )
  const updated = await applyStep(
    ctx,
    doc,
    'requestCorrection',
    {
      reviewerOpenid: doc.reviewerOpenid ?? caller.openid,
      clockStoppedAt: toIsoCst(nowMs),
      clockStoppedAtMs: nowMs,
      remainingWorkingDays: stopped.remainingWorkingDays,
      correction: {
        items: input.items,
        note: input.note,
        requestedAt: toIsoCst(now),
        dueAt: toIsoCst(correctionDue),
        dueAtMs: correctionDue,
      },
    },
    {
      note: `请补正：${labels.join('、')}。${input.note}（请于${toIsoCst(correctionDue).slice(0, 10)}前补正，补正期间办理时限暂停）`,
      detail: { items: input.items },
    },
  )
  return { applicationId: updated._id, status: updated.status, correctionDueAt: updated.correction?.dueAt ?? null }
}

export async function reopenCase(input: InputOf<typeof applicationActions, 'reopen'>, ctx: ActionContext) {
  const caller = requireCaller(ctx)
  const doc = await loadForStaff(ctx, input.applicationId)
  const kind = kindOf(doc.kind)
  const nowMs = ctx.now().getTime()
  const clock = startClock(nowMs, kind?.reviewWorkingDays ?? 20, await workingCalendar())
  const updated = await applyStep(
    ctx,
    doc,
    'reopen',
    {
      reviewerOpenid: caller.openid,
      decision: null,
      decidedAt: null,
      decidedAtMs: null,
      dueAt: toIsoCst(clock.dueAtMs),
      dueAtMs: clock.dueAtMs,
      escalatedAtMs: null,
      remindedForDueAtMs: null,
    },
    { note: `重新审核：${input.note}` },
  )
  return { applicationId: updated._id, status: updated.status, dueAt: updated.dueAt }
}
