/**
 * Per-openid fixed-window counters in `rate_limits` (_id = openid|action|windowStart). One conditional atomic
 * update per allowed call in the usual case: the counter only moves while it is below the limit, so a refused call
 * changes nothing and concurrent calls can never pass the limit together.
 */
import { AppError } from '../../shared/errors'
import { db } from './app'
import { isDuplicateWrite } from './insertOnce'

export async function checkRateLimit(
  openid: string,
  key: string,
  limit: { max: number; windowSec?: number },
  now: Date,
): Promise<void> {
  const windowMs = (limit.windowSec ?? 3600) * 1000
  const start = Math.floor(now.getTime() / windowMs) * windowMs
  const id = `${openid}|${key}|${start}`
  const col = db().collection('rate_limits')
  const _ = db().command
  const takeOne = async () =>
    Number((await col.where({ _id: id, count: _.lt(limit.max) }).update({ count: _.inc(1) })).updated) === 1
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

/** `users.rateLimits.<key>`: the counter of the current window kept on the caller's own user record. */
export interface UserRateCounter {
  /** Window start (ms). */
  w: number
  n: number
}

/** The field key of a rate-limited action on the user record ('training.signup' → 'training_signup'). */
export const rateFieldOf = (key: string): string => key.replace(/[^A-Za-z0-9]/g, '_')

/**
 * Identity and rate limit in one request: the caller's user record is read by the same conditional atomic update
 * that counts the call (`updateAndReturn` on users/<openid> while its counter for this action is below the limit
 * or not there yet, and the account is not blocked). A counter left from a past window (or just created) is reset
 * by one more conditional update (once per window). A miss means a first-ever caller (the user is created with
 * this call counted: 2 requests), a blocked account or the limit: then the user is read and the window opened or
 * the call refused. `findOrCreate` is the wrapper's user lookup (it puts `initial` into a user it creates).
 * Returns the user, or throws RATE_LIMITED. A blocked account is returned uncounted when `skipBlocked` (its write
 * is refused next, and a refused call changes nothing).
 */
export async function identifyAndCount<U extends { blocked?: boolean; rateLimits?: Record<string, UserRateCounter> }>(
  openid: string,
  key: string,
  limit: { max: number; windowSec?: number },
  now: Date,
  opts: {
    skipBlocked: boolean
    findOrCreate: (initial: Partial<U>, insertFirst: boolean) => Promise<{ user: U; created: boolean }>
    normalize: (raw: U) => U
  },
): Promise<U> {
  const windowMs = (limit.windowSec ?? 3600) * 1000
  const start = Math.floor(now.getTime() / windowMs) * windowMs
  const name = rateFieldOf(key)
  const field = `rateLimits.${name}`
  const users = db().collection('users')
  const _ = db().command
  const openWindow = async () =>
    Number(
      (await users.where({ _id: openid, [`${field}.w`]: _.neq(start) }).update({ [field]: _.set({ w: start, n: 1 }) }))
        .updated,
    ) === 1
  const countInCurrent = async () =>
    Number(
      (
        await users
          .where({ _id: openid, [`${field}.w`]: start, [`${field}.n`]: _.lt(limit.max) })
          .update({ [`${field}.n`]: _.inc(1) })
      ).updated,
    ) === 1

  // below the limit, or this action's first use by this caller (no counter yet: the increment creates it)
  const below = _.or([{ [`${field}.n`]: _.lt(limit.max) }, { [field]: _.exists(false) }])
  const fast = await users
    .where(_.and([{ _id: openid, blocked: _.neq(true) }, below]))
    .updateAndReturn({ [`${field}.n`]: _.inc(1) })
  const doc = (fast as { doc?: U | null }).doc
  if (doc) {
    const user = opts.normalize(doc)
    if (doc.rateLimits?.[name]?.w === start) return user
    // counted on a past window's counter: this window starts now (or a concurrent call just started it)
    if ((await openWindow()) || (await countInCurrent())) return user
    throw new AppError('RATE_LIMITED')
  }
  // a miss: most often a first-ever caller, created here with this call counted
  const { user, created } = await opts.findOrCreate({ rateLimits: { [name]: { w: start, n: 1 } } } as Partial<U>, true)
  if (created) return user
  if (user.blocked && opts.skipBlocked) return user
  if (user.rateLimits?.[name]?.w !== start && (await openWindow())) return user
  if (await countInCurrent()) return user
  throw new AppError('RATE_LIMITED')
}
