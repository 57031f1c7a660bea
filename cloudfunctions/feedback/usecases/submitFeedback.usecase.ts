/**
 * submit: content check first (risky → CONTENT_REJECTED, nothing stored; check unavailable → held as
 * pendingReview for the `recheck` timer, never shown to staff), routing by category and region, deadlines in
 * working days, a tracking number. The same requestId twice gives the first answer (once).
 */
import { maskPhone } from '../../../shared/mask'
import { encryptField } from '../../_core/pii'
import { randomInt, randomUUID } from 'node:crypto'
import type { InputOf } from '../../../shared/actions/define'
import type { feedbackActions } from '../../../shared/actions/feedback'
import { workingCalendar } from '../../_core/workingCalendar'
import { AppError } from '../../../shared/errors'
import { chooseDepartment } from '../../../shared/feedback/routing'
import type { FeedbackCategory } from '../../../shared/feedback/rules'
import { type ActionContext, requireCaller } from '../../_core/function'
import { once } from '../../_core/idempotency'
import { listDepartmentsForRegions, type DepartmentDoc } from '../repositories/department.repository'
import { type FeedbackDoc, insertFeedback } from '../repositories/feedback.repository'
import { addEvent } from '../repositories/feedbackEvent.repository'
import { findPersonRegion } from '../repositories/staff.repository'
import { regionChain } from '../../../shared/feedback/routing'
import { cstDateOf, toIsoCst } from '../../../shared/calendar/chinaTime'
import { RECHECK_DELAY_MS, checkedText, checkContent, deadlinesFrom } from '../helpers/contentHold'

type Input = InputOf<typeof feedbackActions, 'submit'>

export const TEXT_REJECTED = '反馈内容含有不适宜发布的信息，未能提交，请修改后重新提交'
export const IMAGE_REJECTED = '上传的图片未通过安全审核，请更换图片后重新提交'

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
export function newTrackingNo(now: Date): string {
  const d = cstDateOf(now).replace(/-/g, '').slice(2)
  let s = ''
  for (let i = 0; i < 6; i++) s += ALPHABET[randomInt(ALPHABET.length)]
  return `F${d}${s}`
}

export async function routeFeedback(
  category: FeedbackCategory,
  regionCode: string | null,
): Promise<DepartmentDoc | null> {
  if (!regionCode) return null
  const candidates = await listDepartmentsForRegions(regionChain(regionCode))
  return chooseDepartment(candidates, category, regionCode)
}

export async function submitFeedback(input: Input, ctx: ActionContext) {
  const caller = requireCaller(ctx)
  return once(ctx, input.requestId, async () => {
    const images = input.images ?? []
    const verdict = await checkContent(checkedText(input), images, caller.openid, ctx.now().getTime())
    if (verdict === 'risky') throw new AppError('CONTENT_REJECTED', TEXT_REJECTED)
    if (verdict === 'riskyImage') throw new AppError('CONTENT_REJECTED', IMAGE_REJECTED)
    if (verdict === 'missingImage')
      throw new AppError('VALIDATION_FAILED', '图片不存在或已过期，请重新上传', {
        fields: [{ path: 'images', message: '图片不存在' }],
      })
    const held = verdict === 'unavailable'

    const now = ctx.now()
    const profileRegion =
      typeof caller.user.profile?.regionCode === 'string' ? (caller.user.profile.regionCode as string) : null
    const personRegion =
      !input.regionCode && !profileRegion && caller.user.personId ? await findPersonRegion(caller.user.personId) : null
    const regionCode = input.regionCode ?? profileRegion ?? personRegion
    const department = await routeFeedback(input.category, regionCode)
    const anonymous = input.anonymous ?? false
    const contactConsent = !anonymous && (input.contactConsent ?? false)
    const at = toIsoCst(now)
    const base: Omit<FeedbackDoc, 'trackingNo'> = {
      _id: randomUUID(),
      openid: caller.openid,
      anonymous,
      contactConsent,
      // stored masked for display and sealed for the audited reveal, never in clear
      contactPhone: contactConsent && input.contactPhone ? maskPhone(input.contactPhone) : null,
      contactPhoneEnc: contactConsent && input.contactPhone ? encryptField(input.contactPhone) : null,
      category: input.category,
      content: input.content,
      images,
      serviceName: input.serviceName ?? null,
      place: input.place ?? null,
      regionCode: regionCode ?? null,
      status: held ? 'pendingReview' : 'submitted',
      version: 1,
      round: 1,
      reopenCount: 0,
      departmentId: department?._id ?? null,
      departmentName: department?.name ?? null,
      createdAt: at,
      createdAtMs: now.getTime(),
      month: cstDateOf(now).slice(0, 7),
      ...deadlinesFrom(now, input.category, await workingCalendar()),
      firstAcceptedAtMs: null,
      firstRepliedAtMs: null,
      firstReplyDueAtMs: null,
      repliedAt: null,
      repliedAtMs: null,
      resolvedAtMs: null,
      closedAtMs: null,
      reply: null,
      rating: null,
      escalatedAt: null,
      escalatedAtMs: null,
      extension: null,
      review: held
        ? { state: 'pending', attempts: 0, nextCheckAtMs: now.getTime() + RECHECK_DELAY_MS }
        : { state: 'passed', attempts: 0, nextCheckAtMs: null },
      updatedAt: at,
    }
    let doc: FeedbackDoc | null = null
    for (let i = 0; i < 5 && !doc; i++) {
      const candidate = { ...base, trackingNo: newTrackingNo(now) }
      if ((await insertFeedback(candidate)) === 'ok') doc = candidate
    }
    if (!doc) throw new Error('could not allocate a tracking number')
    await addEvent({
      _id: `${doc._id}:1`,
      feedbackId: doc._id,
      seq: 1,
      type: 'submit',
      fromStatus: null,
      toStatus: doc.status,
      actorRole: 'resident',
      actorOpenid: caller.openid,
      departmentId: doc.departmentId,
      departmentName: doc.departmentName,
      note: held ? '内容审核中，审核通过后转交办理' : null,
      public: true,
      at,
      atMs: now.getTime(),
    })
    return {
      trackingNo: doc.trackingNo,
      status: doc.status,
      dueAt: doc.dueAt,
      acceptDueAt: doc.acceptDueAt,
      departmentName: doc.departmentName,
      message: held ? '内容审核暂不可用，您的反馈已保存，审核通过后将转交办理' : '提交成功，请记下受理编号以便查询',
    }
  })
}
