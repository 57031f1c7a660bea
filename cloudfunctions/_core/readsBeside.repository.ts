/**
 * Several independent reads in one round trip: one aggregate on the caller's own user record (`users/<openid>`,
 * which every signed-in caller has: the wrapper creates it on the first call) with one uncorrelated `$lookup`
 * sub-pipeline per read (`$match`, then `$sort`, `$limit`, `$project` as asked). Each read is the query it
 * replaces, run by the database beside the others; the answers come back on the one joined document.
 * Null when there is no user record (a caller never seen, e.g. an openid-only public read): then read separately.
 */
import { db } from './app'

export interface BesideRead {
  collection: string
  /** Query conditions (commands from `db().command` allowed), as for `where()`. */
  match: object
  sort?: Record<string, 1 | -1>
  limit: number
  project?: Record<string, boolean | 0 | 1>
}

export async function readBeside<K extends string>(
  openid: string,
  reads: Record<K, BesideRead>,
): Promise<Record<K, Record<string, unknown>[]> | null> {
  const $ = db().command.aggregate
  let agg = db().collection('users').aggregate().match({ _id: openid }).project({ _id: 1 })
  const names = Object.keys(reads) as K[]
  for (const name of names) {
    const r = reads[name]
    let sub = $.pipeline().match(r.match)
    if (r.sort) sub = sub.sort(r.sort)
    sub = sub.limit(r.limit)
    if (r.project) sub = sub.project(r.project)
    agg = agg.lookup({ from: r.collection, pipeline: sub.done(), as: name })
  }
  const res = (await agg.end()) as { data?: Record<string, unknown>[] }
  const doc = res.data?.[0]
  if (!doc) return null
  const out = {} as Record<K, Record<string, unknown>[]>
  for (const name of names) out[name] = Array.isArray(doc[name]) ? (doc[name] as Record<string, unknown>[]) : []
  return out
}
