/**
 * Client-made request ids: "the same id sent again gives the first answer again and writes nothing new".
 * A claim document (_id = openid|fn.action|requestId) is inserted first, so concurrent repeats cannot
 * both run the work; the first answer (data or expected error) is stored on it, or, for work whose answer can be
 * rebuilt from what it wrote (`replay`), only an expected error.
 */
import { AppError, type ErrorBody } from '../../shared/errors'
import { db } from './app'
import { isDuplicateWrite } from './insertOnce'
import type { ActionContext } from './function'
import { toIsoCst } from '../../shared/calendar/chinaTime'

interface Claim {
  _id: string
  state: 'pending' | 'done'
  data?: unknown
  error?: ErrorBody
  createdAt: string
  createdAtMs?: number
}

/**
 * A `pending` claim older than this was left by an invocation that died (killed at its time limit, the instance
 * recycled): longer than any function's timeout in cloudbaserc.json (60 s at most), so a live first call is never
 * taken over. A retry with the same requestId then takes the claim over (one conditional update, so two retries
 * cannot both) and does the work, instead of answering CONFLICT for ever.
 */
export const PENDING_CLAIM_TTL_MS = 120_000

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export interface OnceOptions<T> {
  /**
   * Rebuilds the first answer from what the work wrote (e.g. the signup it created), or undefined while that is not
   * there yet. With it, a successful first call costs one request (the claim): its answer is not stored on the
   * claim, a repeat asks `replay` instead. An expected error (AppError) is still stored on the claim.
   */
  replay?: () => Promise<T | undefined>
}

export async function once<T>(
  ctx: ActionContext,
  requestId: string,
  work: () => Promise<T>,
  opts: OnceOptions<T> = {},
): Promise<T> {
  const who = ctx.caller?.openid ?? 'anonymous'
  const id = `${who}|${ctx.fn}.${ctx.action}|${requestId}`
  const col = db().collection('idempotency')
  try {
    await col.add({ _id: id, state: 'pending', createdAt: toIsoCst(ctx.now()), createdAtMs: ctx.now().getTime() })
  } catch (e) {
    if (!isDuplicateWrite(e)) throw e
    let tookOver = false
    for (let i = 0; i < 50; i++) {
      const doc = ((await col.doc(id).get()).data as Claim[])[0]
      if (!doc) break
      const nowMs = ctx.now().getTime()
      if (
        doc.state === 'pending' &&
        typeof doc.createdAtMs === 'number' &&
        nowMs - doc.createdAtMs > PENDING_CLAIM_TTL_MS
      ) {
        const res = await col
          .where({ _id: id, state: 'pending', createdAtMs: doc.createdAtMs })
          .update({ createdAt: toIsoCst(ctx.now()), createdAtMs: nowMs, takenOverAtMs: nowMs })
        if (Number((res as { updated?: number }).updated ?? 0) === 1) {
          tookOver = true
          break
        }
        continue
      }
      if (doc.state === 'done') {
        if (doc.error) throw new AppError(doc.error.code, doc.error.message, doc.error.details)
        return doc.data as T
      }
      if (opts.replay) {
        const again = await opts.replay()
        if (again !== undefined) return again
      }
      await sleep(40)
    }
    if (!tookOver) throw new AppError('CONFLICT', '相同的请求正在处理中，请稍后查看结果')
  }
  try {
    const data = await work()
    if (!opts.replay) await col.doc(id).update({ state: 'done', data: data === undefined ? null : data })
    return data
  } catch (e) {
    if (e instanceof AppError) {
      await col.doc(id).update({ state: 'done', error: e.toBody() })
    } else {
      await col
        .doc(id)
        .remove()
        .catch(() => undefined)
    }
    throw e
  }
}
