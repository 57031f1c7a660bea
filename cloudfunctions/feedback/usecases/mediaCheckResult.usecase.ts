/**
 * Push `wxa_media_check` (云开发 消息推送 → feedback): WeChat's verdict on an asynchronous image check. Only a trace_id
 * this function got from media_check_async and still waits for is recorded (anyone can send such an event; the
 * trace_id is the secret); the held items with that photo are then due for the `recheck` timer at once.
 */
import type { TriggerContext } from '../../_core/function'
import { parseMediaCheckPush } from '../../_core/wechat/client'
import { decideMediaCheck } from '../repositories/mediaCheck.repository'
import { markHeldWithImageDue } from '../repositories/feedback.repository'

export async function recordMediaCheck(event: Record<string, unknown>, ctx: TriggerContext) {
  const push = parseMediaCheckPush(event)
  if (!push) return { recorded: false }
  const nowMs = ctx.now().getTime()
  const doc = await decideMediaCheck(push.traceId, push.verdict, push.label, nowMs)
  if (!doc) {
    ctx.log.warn('media check push without a pending check', { traceId: push.traceId.slice(0, 8) })
    return { recorded: false }
  }
  const due = await markHeldWithImageDue(doc.fileId, nowMs)
  ctx.log.info('media check recorded', { verdict: push.verdict, due })
  return { recorded: true }
}
