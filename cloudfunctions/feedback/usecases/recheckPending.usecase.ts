/**
 * Timer `recheck`: held items (the content check was unavailable at submission) are checked again. Pass →
 * submitted, with deadlines counted from now (staff could not see it before); risky → rejected, never shown,
 * the resident told; still unavailable → next try later with backoff (5 min doubling, at most 2 h).
 */
import { workingCalendar } from '../../_core/workingCalendar'
import type { TriggerContext } from '../../_core/function'
import { listPendingReview, updateIfVersion } from '../repositories/feedback.repository'
import { applyStep, notifyResident } from '../helpers/feedbackStep'
import { triggerStepContext } from '../helpers/triggerStep'
import { checkContent, checkedText, deadlinesFrom, RECHECK_DELAY_MS } from '../helpers/contentHold'

const MAX_DELAY_MS = 2 * 3600_000

export async function recheckPending(ctx: TriggerContext) {
  const sctx = triggerStepContext(ctx)
  const now = ctx.now()
  const docs = await listPendingReview(now.getTime(), 200)
  let passed = 0,
    rejected = 0,
    stillHeld = 0
  for (const doc of docs) {
    const verdict = await checkContent(checkedText(doc), doc.images, doc.openid, now.getTime())
    try {
      if (verdict === 'pass') {
        await applyStep(
          sctx,
          doc,
          'pass',
          {
            review: { state: 'passed', attempts: doc.review.attempts + 1, nextCheckAtMs: null },
            ...deadlinesFrom(now, doc.category, await workingCalendar()),
          },
          { note: '内容审核通过，已转交办理' },
        )
        passed++
      } else if (verdict === 'risky' || verdict === 'riskyImage' || verdict === 'missingImage') {
        const updated = await applyStep(
          sctx,
          doc,
          'reject',
          { review: { state: 'rejected', attempts: doc.review.attempts + 1, nextCheckAtMs: null } },
          { note: '内容未通过安全审核，未予公开' },
        )
        await notifyResident(sctx, updated, 'reject')
        rejected++
      } else {
        const attempts = doc.review.attempts + 1
        const delay = Math.min(RECHECK_DELAY_MS * 2 ** attempts, MAX_DELAY_MS)
        await updateIfVersion(doc._id, doc.version, {
          review: { state: 'pending', attempts, nextCheckAtMs: now.getTime() + delay },
        })
        stillHeld++
      }
    } catch (e) {
      if ((e as { code?: string }).code !== 'CONFLICT') throw e
    }
  }
  ctx.log.info('feedback recheck', { passed, rejected, stillHeld })
  return { passed, rejected, stillHeld }
}
