/**
 * approve / refuse / bulkDecide. An approval of a registration writes the register facts and re-runs 政策找人
 * for the person before it answers; an approval of a policy application marks the person's matches of that
 * policy claimed and closes the visit tasks it made (the outreach reason disappears). A refusal needs a
 * published reason code and a text the resident sees; it leaves the 政策找人 reason in place.
 */
import type { InputOf } from '../../../shared/actions/define'
import type { applicationActions } from '../../../shared/actions/application'
import { kindOf } from '../../../shared/application/kinds'
import { REFUSAL_REASON_LABELS, type RefusalReason } from '../../../shared/application/status'
import { decidedOnTime } from '../../../shared/calendar/caseClock'
import { AppError } from '../../../shared/errors'
import { cstDateOf as cstDate } from '../../../shared/calendar/chinaTime'
import { toIsoCst } from '../../../shared/calendar/chinaTime'
import { type ActionContext, requireCaller } from '../../_core/function'
import type { ApplicationDoc } from '../repositories/application.repository'
import { closePolicyVisitTasks, dropPendingPolicyFallbacks, markMatchesClaimed } from '../repositories/claim.repository'
import { findRegisterPerson, updateRegisterFacts } from '../repositories/register.repository'
import { rematchPerson } from '../../policy/ports/rematchPerson.port'
import { isAdmin, loadForStaff } from '../helpers/caseAccess'
import { applyStep, assertStep } from '../helpers/caseStep'

const onTimeOf = (doc: ApplicationDoc, nowMs: number) =>
  decidedOnTime(
    {
      dueAtMs: doc.dueAtMs ?? nowMs,
      stoppedAtMs: doc.clockStoppedAtMs ?? null,
      remainingWorkingDays: doc.remainingWorkingDays ?? null,
    },
    nowMs,
  )

function checkReviewer(ctx: ActionContext, doc: ApplicationDoc) {
  const caller = requireCaller(ctx)
  if (doc.reviewerOpenid && doc.reviewerOpenid !== caller.openid && !isAdmin(caller))
    throw new AppError('FORBIDDEN', '该案件由其他经办人审核')
}

async function applyRegisterEffects(doc: ApplicationDoc, now: Date): Promise<void> {
  const kind = kindOf(doc.kind)
  if (!kind?.onApproval) return
  const person = await findRegisterPerson(doc.personId)
  if (!person) return
  const groups = new Set((person.keyGroups ?? []) as string[])
  const today = cstDate(now)
  let facts: Record<string, unknown>
  if (kind.onApproval === 'registerUnemployed') {
    groups.add('registeredUnemployed')
    facts = {
      registeredUnemployed: true,
      registeredUnemployedSince: today,
      employmentStatus: 'unemployed',
      employmentStatusSince: typeof doc.answers.unemployedSince === 'string' ? doc.answers.unemployedSince : today,
      ...(doc.answers.involuntarilyUnemployed !== undefined
        ? {
            involuntarilyUnemployed:
              doc.answers.involuntarilyUnemployed === true || doc.answers.involuntarilyUnemployed === 'true',
          }
        : {}),
    }
  } else {
    groups.delete('registeredUnemployed')
    const type = String(doc.answers.employmentType ?? 'employed')
    facts = {
      registeredUnemployed: false,
      registeredUnemployedSince: null,
      employmentStatus: ['employed', 'flexible', 'selfEmployed'].includes(type) ? type : 'employed',
      employmentStatusSince: typeof doc.answers.employedSince === 'string' ? doc.answers.employedSince : today,
    }
  }
  await updateRegisterFacts(doc.personId, { ...facts, keyGroups: [...groups] }, now.getTime(), toIsoCst(now))
  await rematchPerson(doc.personId, now)
}

export async function approveDoc(ctx: ActionContext, doc: ApplicationDoc, note?: string, amount?: number) {
  checkReviewer(ctx, doc)
  assertStep(doc, 'approve')
  const kind = kindOf(doc.kind)
  if (amount !== undefined && kind?.maxAmountYuan !== undefined && amount > kind.maxAmountYuan) {
    throw new AppError('VALIDATION_FAILED', `金额不能超过政策规定的${kind.maxAmountYuan}元`, {
      fields: [{ path: 'amount', message: '超过上限' }],
    })
  }
  const now = ctx.now()
  const nowMs = now.getTime()
  // the register and 政策找人 change first: the answer means they already have
  await applyRegisterEffects(doc, now)
  if (doc.policyId) {
    await markMatchesClaimed(doc.personId, doc.policyId, doc._id, toIsoCst(now))
    await closePolicyVisitTasks(doc.personId, doc.policyId, toIsoCst(now), nowMs)
    await dropPendingPolicyFallbacks(doc.openid, doc.policyId)
  }
  const caller = requireCaller(ctx)
  const updated = await applyStep(
    ctx,
    doc,
    'approve',
    {
      reviewerOpenid: doc.reviewerOpenid ?? caller.openid,
      decidedAt: toIsoCst(now),
      decidedAtMs: nowMs,
      decision: {
        outcome: 'approved',
        ...(amount !== undefined ? { amount } : {}),
        ...(note ? { note } : {}),
        onTime: onTimeOf(doc, nowMs),
      },
    },
    { note: `审核通过${amount !== undefined ? `，核定金额${amount}元` : ''}${note ? `：${note}` : ''}` },
  )
  return { applicationId: updated._id, status: updated.status, decision: updated.decision }
}

export async function refuseDoc(ctx: ActionContext, doc: ApplicationDoc, reasonCode: RefusalReason, note: string) {
  checkReviewer(ctx, doc)
  const now = ctx.now()
  const nowMs = now.getTime()
  const caller = requireCaller(ctx)
  const updated = await applyStep(
    ctx,
    doc,
    'refuse',
    {
      reviewerOpenid: doc.reviewerOpenid ?? caller.openid,
      decidedAt: toIsoCst(now),
      decidedAtMs: nowMs,
      decision: { outcome: 'refused', reasonCode, note, onTime: onTimeOf(doc, nowMs) },
    },
    { note: `审核不通过（${REFUSAL_REASON_LABELS[reasonCode]}）：${note}` },
  )
  return { applicationId: updated._id, status: updated.status, decision: updated.decision }
}

export async function approveApplication(input: InputOf<typeof applicationActions, 'approve'>, ctx: ActionContext) {
  return approveDoc(ctx, await loadForStaff(ctx, input.applicationId), input.note, input.amount)
}

export async function refuseApplication(input: InputOf<typeof applicationActions, 'refuse'>, ctx: ActionContext) {
  return refuseDoc(ctx, await loadForStaff(ctx, input.applicationId), input.reasonCode, input.note)
}

export async function bulkDecide(input: InputOf<typeof applicationActions, 'bulkDecide'>, ctx: ActionContext) {
  const results: {
    applicationId: string
    status: 'done' | 'failed'
    newStatus?: string
    code?: string
    message?: string
  }[] = []
  for (const id of [...new Set(input.applicationIds)]) {
    try {
      const doc = await loadForStaff(ctx, id)
      const r =
        input.decision === 'approve'
          ? await approveDoc(ctx, doc, input.note)
          : await refuseDoc(ctx, doc, input.reasonCode as RefusalReason, input.note)
      results.push({ applicationId: id, status: 'done', newStatus: r.status })
    } catch (e) {
      if (!(e instanceof AppError)) throw e
      results.push({ applicationId: id, status: 'failed', code: e.code, message: e.message })
    }
  }
  return {
    results,
    done: results.filter((r) => r.status === 'done').length,
    failed: results.filter((r) => r.status === 'failed').length,
  }
}
