/**
 * submit: the declaration (承诺书) accepted, every required answer and material present → a receipt (受理回执)
 * with a tracking number and the due date in working days (the case clock). The same requestId gives the first
 * answer again; a case already submitted answers with its receipt and writes nothing.
 */
import { createHash } from 'node:crypto'
import type { InputOf } from '../../../shared/actions/define'
import type { applicationActions } from '../../../shared/actions/application'
import { kindOf } from '../../../shared/application/kinds'
import { startClock } from '../../../shared/calendar/caseClock'
import { cstDateOf } from '../../../shared/calendar/chinaTime'
import { AppError } from '../../../shared/errors'
import { cstDateOf as cstDate } from '../../../shared/calendar/chinaTime'
import { audit } from '../../_core/audit'
import { toIsoCst } from '../../../shared/calendar/chinaTime'
import { type ActionContext, requireCaller } from '../../_core/function'
import { once } from '../../_core/idempotency'
import { workingCalendar } from '../../_core/workingCalendar'
import type { ApplicationDoc } from '../repositories/application.repository'
import { keepMaterial } from '../repositories/kept.repository'
import { findRegisterPerson } from '../repositories/register.repository'
import { departmentOfRegion } from '../repositories/staff.repository'
import { unanswered } from '../services/prefill.service'
import { loadForApplicant } from '../helpers/caseAccess'
import { applyStep } from '../helpers/caseStep'
import { eligibilityOf } from '../helpers/draftChecks'
import { checkAnswerTexts } from '../helpers/answerRule'

/**
 * The free-text answers of the draft pass the content check again before anyone reads them (a draft saved before
 * the rule, or by an older function version). Outside `once`: a refusal is not kept as the requestId's answer, so
 * the corrected draft is submitted with the same requestId (the client keeps it across failures).
 */
async function checkStoredAnswers(applicationId: string, ctx: ActionContext) {
  const { doc } = await loadForApplicant(ctx, applicationId)
  const kind = kindOf(doc.kind)
  if (doc.status === 'draft' && kind) await checkAnswerTexts(kind, doc.answers, requireCaller(ctx).openid)
}

export const trackingNoOf = (doc: Pick<ApplicationDoc, '_id'>, atMs: number) =>
  `BS${cstDateOf(atMs).replace(/-/g, '')}${parseInt(createHash('sha1').update(doc._id).digest('hex').slice(0, 10), 16).toString(36).toUpperCase().padStart(7, '0').slice(0, 7)}`

const receipt = (d: ApplicationDoc) => ({
  applicationId: d._id,
  trackingNo: d.trackingNo as string,
  status: d.status,
  dueAt: d.dueAt ?? null,
  submittedAt: d.submittedAt ?? null,
  departmentName: null as string | null,
})

export async function submitApplication(input: InputOf<typeof applicationActions, 'submit'>, ctx: ActionContext) {
  await checkStoredAnswers(input.applicationId, ctx)
  return once(ctx, input.requestId, async () => {
    const { doc, onBehalf } = await loadForApplicant(ctx, input.applicationId)
    if (doc.status !== 'draft') {
      if (doc.trackingNo) return receipt(doc)
      throw new AppError('CONFLICT', '该申请已撤回，不能提交')
    }
    const kind = kindOf(doc.kind)
    if (!kind) throw new AppError('NOT_FOUND', '没有该办事事项')
    const lacking = unanswered(kind, doc.prefill, doc.answers, doc.attachments)
    if (lacking.length) {
      const labels = lacking.map(
        (k) => kind.questions.find((q) => q.key === k)?.label ?? kind.materials.find((m) => m.key === k)?.label ?? k,
      )
      throw new AppError('VALIDATION_FAILED', `还有未填写的项目：${labels.join('、')}`.slice(0, 150), {
        fields: lacking.map((k) => ({ path: k, message: '必填' })),
      })
    }
    const dept = doc.regionCode ? await departmentOfRegion(doc.regionCode) : null
    if (!dept) throw new AppError('NOT_ELIGIBLE', '您所在地区暂未开通网上办理，请到就近的人社服务窗口办理')
    const now = ctx.now()
    const nowMs = now.getTime()
    const clock = startClock(nowMs, kind.reviewWorkingDays, await workingCalendar())
    const person = await findRegisterPerson(doc.personId)
    const trackingNo = trackingNoOf(doc, nowMs)
    const updated = await applyStep(
      ctx,
      doc,
      'submit',
      {
        trackingNo,
        departmentId: dept._id,
        submittedAt: toIsoCst(now),
        submittedAtMs: nowMs,
        dueAt: toIsoCst(clock.dueAtMs),
        dueAtMs: clock.dueAtMs,
        clockStoppedAt: null,
        clockStoppedAtMs: null,
        remainingWorkingDays: null,
        ...(person ? { eligibility: eligibilityOf(kind, person, doc.answers, cstDate(now)) } : {}),
      },
      {
        note: `已提交，受理编号 ${trackingNo}，${dept.name}将于${clock.dueAtMs ? toIsoCst(clock.dueAtMs).slice(0, 10) : ''}前办结`,
        actorRole: onBehalf ? 'onBehalf' : 'applicant',
      },
    )
    for (const m of kind.materials) {
      const files = doc.attachments[m.key]
      if (files?.length) {
        await keepMaterial({
          _id: `${doc.openid}:${m.label}`.slice(0, 120),
          openid: doc.openid,
          personId: doc.personId,
          label: m.label,
          fileIds: files,
          fromApplicationId: doc._id,
          keptAt: toIsoCst(now),
          keptAtMs: nowMs,
        })
      }
    }
    if (onBehalf) {
      await audit(ctx, {
        event: 'application.submit.onBehalf',
        targetType: 'application',
        targetId: doc._id,
        onBehalfOf: doc.personId,
        outcome: 'ok',
        detail: { kind: doc.kind, trackingNo },
      })
    }
    return { ...receipt(updated), departmentName: dept.name }
  })
}
