/**
 * Per-openid fixed-window counters in `rate_limits` (_id = openid|action|windowStart). One conditional atomic
 * update per allowed call in the usual case: the counter only moves while it is below the limit, so a refused call
 * changes nothing and concurrent calls can never pass the limit together.
 */
import { AppError } from '../../shared/errors'
import { db } from './app'
import { isDuplicateWrite } from './insertOnce'

export async function checkRateLimit(openid: string, key: string, limit: { max: number; windowSec?: number }, now: Date): Promise<void> {
  const windowMs = (limit.windowSec ?? 3600) * 1000
  const start = Math.floor(now.getTime() / windowMs) * windowMs
  const id = `${openid}|${key}|${start}`
  const col = db().collection('rate_limits')
  const _ = db().command
  const takeOne = async () => Number((await col.where({ _id: id, count: _.lt(limit.max) }).update({ count: _.inc(1) })).updated) === 1
  if (await takeOne()) return
  // no counter yet in this window (first call), or the limit is reached
  try {
    await col.add({ _id: id, count: 1, expireAt: new Date(start + windowMs * 2) })
    return
  } catch (e) {
    if (!isDuplicateWrite(e)) throw e
  }
  // a concurrent first call created it meanwhile: one more try, then the limit holds
  if (await takeOne()) return
  throw new AppError('RATE_LIMITED')
}
