/**
 * draft: start or resume the one open draft of this person and kind, prefilled from the register and profile
 * (each line with its source), asking only what is missing, with the engine's explanation beside the form.
 * A grid worker may start it on a resident's behalf (their grid, recorded consent, audited as on-behalf).
 * save: answers and materials of a draft (free-text answers pass the content check, the rest their shape; new photos
 * pass the feedback image pipeline; kept files are reused).
 */
import { answersShown } from '../helpers/answerRule'
import { createHash } from 'node:crypto'
import type { InputOf } from '../../../shared/actions/define'
import type { applicationActions } from '../../../shared/actions/application'
import { kindOf } from '../../../shared/application/kinds'
import type { ApplicationKind } from '../../../shared/application/types'
import { AppError } from '../../../shared/errors'
import { cstDateOf as cstDate } from '../../../shared/calendar/chinaTime'
import { audit } from '../../_core/audit'
import { toIsoCst } from '../../../shared/calendar/chinaTime'
import { type ActionContext, type Caller, requireCaller } from '../../_core/function'
import { once } from '../../_core/idempotency'
import {
  countPastApplications,
  findApplication,
  findOpenDraft,
  insertApplication,
  type ApplicationDoc,
  updateApplication,
} from '../repositories/application.repository'
import { findRegisterPerson } from '../repositories/register.repository'
import { prefillOf, questionView } from '../services/prefill.service'
import { loadForApplicant } from '../helpers/caseAccess'
import { applicationsOfOpenid } from '../repositories/application.repository'
import { whyNotApply } from '../helpers/kindAccess'
import { eligibilityOf, checkKeys, checkNewFiles } from '../helpers/draftChecks'
import { checkAnswerTexts } from '../helpers/answerRule'

export function draftView(doc: ApplicationDoc, kind: ApplicationKind) {
  const prefilled = new Set(doc.prefill.map((p) => p.key))
  return {
    applicationId: doc._id,
    kind: doc.kind,
    title: doc.title,
    status: doc.status,
    prefill: doc.prefill.map((p) => ({
      key: p.key,
      label: p.label,
      value: p.value,
      display: p.display,
      source: p.source,
      sourceLabel: p.sourceLabel,
    })),
    missing: [
      ...kind.questions.filter((q) => !prefilled.has(q.key)).map(questionView),
      ...kind.materials.map((m) => ({ key: m.key, label: m.label, type: 'attachment' as const, required: m.required })),
    ],
    answers: answersShown(kind, doc.answers),
    attachments: doc.attachments,
    eligibility: doc.eligibility ?? null,
    onBehalf: !!doc.onBehalf,
  }
}

async function resolveApplicant(
  ctx: ActionContext,
  caller: Caller,
  onBehalf: InputOf<typeof applicationActions, 'draft'>['onBehalf'],
) {
  if (!onBehalf) {
    if (!caller.user.personId) throw new AppError('NOT_ELIGIBLE', '请先完成实名认证（绑定本人居民信息）后办理')
    const person = await findRegisterPerson(caller.user.personId)
    if (!person) throw new AppError('NOT_ELIGIBLE', '未找到您的居民信息，请重新绑定')
    return { person, openid: caller.openid }
  }
  if (!caller.roles.includes('grid')) throw new AppError('FORBIDDEN', '只有网格员可以代居民办理')
  const person = await findRegisterPerson(onBehalf.personId)
  const grids = (caller.user.gridCodes ?? []).filter((g) => typeof g === 'string' && g)
  if (
    !person ||
    !person.gridCode ||
    !grids.some((g) => person.gridCode === g || String(person.gridCode).startsWith(`${g}-`))
  ) {
    throw new AppError('FORBIDDEN', '该居民不在您的网格内')
  }
  if (!person.boundOpenid) throw new AppError('NOT_ELIGIBLE', '该居民尚未在小程序实名认证，请协助其先完成认证')
  return { person, openid: String(person.boundOpenid) }
}

export async function startDraft(input: InputOf<typeof applicationActions, 'draft'>, ctx: ActionContext) {
  const caller = requireCaller(ctx)
  const kind = kindOf(input.kind)
  if (!kind) throw new AppError('NOT_FOUND', '没有该办事事项')
  return once(ctx, input.requestId, async () => {
    const { person, openid } = await resolveApplicant(ctx, caller, input.onBehalf)
    const existing = await findOpenDraft(person._id, kind.kind)
    if (existing) return draftView(existing, kind)
    const why = whyNotApply(kind, person, await applicationsOfOpenid(openid, null, 100), cstDate(ctx.now()))
    if (why) throw new AppError('NOT_ELIGIBLE', why)
    const seq = await countPastApplications(person._id, kind.kind)
    const now = ctx.now()
    const { prefill } = prefillOf(kind, person, caller.user.profile as { nickname?: string } | undefined)
    const id = 'a' + createHash('sha256').update(`${person._id}|${kind.kind}|${seq}`).digest('hex').slice(0, 23)
    const doc: ApplicationDoc = {
      _id: id,
      kind: kind.kind,
      title: kind.title,
      policyId: kind.policyId ?? null,
      personId: person._id,
      openid,
      regionCode: String(person.residenceRegion ?? ''),
      streetCode: person.streetCode ?? null,
      gridCode: person.gridCode ?? null,
      departmentId: null,
      status: 'draft',
      answers: {},
      attachments: {},
      prefill,
      trackingNo: null,
      reviewerOpenid: null,
      createdAt: toIsoCst(now),
      createdAtMs: now.getTime(),
      updatedAtMs: now.getTime(),
      seq,
      version: 1,
      eligibility: eligibilityOf(kind, person, {}, cstDate(now)),
      onBehalf: input.onBehalf
        ? {
            by: caller.openid,
            consent: {
              method: input.onBehalf.consent.method,
              ...(input.onBehalf.consent.note ? { note: input.onBehalf.consent.note } : {}),
            },
            at: toIsoCst(now),
          }
        : null,
    }
    const created = await insertApplication(doc)
    const current = created ? doc : await findApplication(id)
    if (!current) throw new AppError('CONFLICT', '请稍后重试')
    if (created && input.onBehalf) {
      await audit(ctx, {
        event: 'application.draft.onBehalf',
        targetType: 'application',
        targetId: id,
        onBehalfOf: person._id,
        outcome: 'ok',
        detail: { kind: kind.kind, consent: input.onBehalf.consent.method },
      })
    }
    return draftView(current, kind)
  })
}

export async function saveDraft(input: InputOf<typeof applicationActions, 'save'>, ctx: ActionContext) {
  const { doc } = await loadForApplicant(ctx, input.applicationId)
  if (doc.status !== 'draft') throw new AppError('CONFLICT', '已提交的申请不能再修改；如需补充请等待补正通知')
  const kind = kindOf(doc.kind)
  if (!kind) throw new AppError('NOT_FOUND', '没有该办事事项')
  const attachments = input.attachments ?? {}
  checkKeys(kind, input.answers, attachments)
  await checkAnswerTexts(kind, input.answers, requireCaller(ctx).openid, doc.answers)
  await checkNewFiles(doc, attachments, requireCaller(ctx).openid)
  const person = await findRegisterPerson(doc.personId)
  const answers = { ...doc.answers, ...input.answers }
  const updated = await updateApplication(doc, {
    answers,
    attachments: { ...doc.attachments, ...attachments },
    updatedAtMs: ctx.now().getTime(),
    ...(person ? { eligibility: eligibilityOf(kind, person, answers, cstDate(ctx.now())) } : {}),
  })
  return draftView(updated, kind)
}
