/** withdraw (with a reason) and respond (补正: the case goes back under review, to the same reviewer, clock resumed). */
import type { InputOf } from '../../../shared/actions/define'
import type { applicationActions } from '../../../shared/actions/application'
import { kindOf } from '../../../shared/application/kinds'
import { resumeClock } from '../../../shared/calendar/caseClock'
import { AppError } from '../../../shared/errors'
import { toIsoCst } from '../../../shared/calendar/chinaTime'
import { type ActionContext, requireCaller } from '../../_core/function'
import { workingCalendar } from '../../_core/workingCalendar'
import { loadForApplicant } from '../helpers/caseAccess'
import { applyStep } from '../helpers/caseStep'
import { checkKeys, checkNewFiles } from '../helpers/draftChecks'
import { checkAnswerTexts } from '../helpers/answerRule'

export async function withdrawApplication(input: InputOf<typeof applicationActions, 'withdraw'>, ctx: ActionContext) {
  const { doc, onBehalf } = await loadForApplicant(ctx, input.applicationId)
  const updated = await applyStep(
    ctx,
    doc,
    'withdraw',
    { decidedAt: null },
    { note: `撤回原因：${input.reason}`, actorRole: onBehalf ? 'onBehalf' : 'applicant' },
  )
  return { applicationId: updated._id, status: updated.status }
}

export async function respondToCorrection(input: InputOf<typeof applicationActions, 'respond'>, ctx: ActionContext) {
  const { doc, onBehalf } = await loadForApplicant(ctx, input.applicationId)
  if (doc.status !== 'correctionRequested') throw new AppError('CONFLICT', '该申请当前无需补正')
  const kind = kindOf(doc.kind)
  if (!kind) throw new AppError('NOT_FOUND', '没有该办事事项')
  const answers = input.answers ?? {}
  const attachments = input.attachments ?? {}
  checkKeys(kind, answers, attachments)
  const asked = new Set(doc.correction?.items ?? [])
  const outside = [...Object.keys(answers), ...Object.keys(attachments)].filter((k) => !asked.has(k))
  if (outside.length)
    throw new AppError(
      'VALIDATION_FAILED',
      `只需补正要求的项目，以下项目未被要求：${outside.join('、')}`.slice(0, 120),
      { fields: outside.map((k) => ({ path: k, message: '未要求补正' })) },
    )
  await checkAnswerTexts(kind, answers, requireCaller(ctx).openid, doc.answers)
  await checkNewFiles(doc, attachments, requireCaller(ctx).openid)
  const nowMs = ctx.now().getTime()
  const clock = resumeClock(
    {
      dueAtMs: doc.dueAtMs ?? nowMs,
      stoppedAtMs: doc.clockStoppedAtMs ?? nowMs,
      remainingWorkingDays: doc.remainingWorkingDays ?? 1,
    },
    nowMs,
    await workingCalendar(),
  )
  const updated = await applyStep(
    ctx,
    doc,
    'respond',
    {
      answers: { ...doc.answers, ...answers },
      attachments: { ...doc.attachments, ...attachments },
      dueAt: toIsoCst(clock.dueAtMs),
      dueAtMs: clock.dueAtMs,
      clockStoppedAt: null,
      clockStoppedAtMs: null,
      remainingWorkingDays: null,
      correction: doc.correction ? { ...doc.correction } : null,
    },
    {
      note: `已补正：${input.note}`,
      actorRole: onBehalf ? 'onBehalf' : 'applicant',
      detail: { items: Object.keys({ ...answers, ...attachments }) },
    },
  )
  return {
    applicationId: updated._id,
    status: updated.status,
    dueAt: updated.dueAt ?? null,
    reviewerOpenid: updated.reviewerOpenid ?? null,
  }
}
