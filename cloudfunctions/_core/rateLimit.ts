/** Per-openid fixed-window counters in `rate_limits` (_id = openid|action|windowStart). */
import { AppError } from '../../shared/errors'
import { db } from './app'
import { isDuplicateWrite } from './insertOnce'

export async function checkRateLimit(openid: string, key: string, limit: { max: number; windowSec?: number }, now: Date): Promise<void> {
  const windowMs = (limit.windowSec ?? 3600) * 1000
  const start = Math.floor(now.getTime() / windowMs) * windowMs
  const id = `${openid}|${key}|${start}`
  const col = db().collection('rate_limits')
  const _ = db().command
  const res = await col.doc(id).update({ count: _.inc(1) })
  let count: number
  if (!res.updated) {
    try {
      await col.add({ _id: id, count: 1, expireAt: new Date(start + windowMs * 2) })
      count = 1
    } catch (e) {
      if (!isDuplicateWrite(e)) throw e
      await col.doc(id).update({ count: _.inc(1) })
      const again = await col.doc(id).get()
      count = Number((again.data as { count: number }[])[0]?.count ?? limit.max + 1)
    }
  } else {
    const again = await col.doc(id).get()
    count = Number((again.data as { count: number }[])[0]?.count ?? 0)
  }
  if (count > limit.max) throw new AppError('RATE_LIMITED')
}
