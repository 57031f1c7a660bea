/**
 * The caller's marks on job cards (applied with status, saved) in one round trip: the `applications` and
 * `favorites` reads of application.repository / favorite.repository run beside each other (readsBeside).
 */
import { db } from '../../_core/app'
import { readBeside } from '../../_core/readsBeside.repository'
import type { ApplicationStatus } from '../../../shared/job/types'
import { favId } from './favorite.repository'

export interface CallerMarks {
  statuses: Map<string, ApplicationStatus>
  saved: Set<string>
}

/** Null when the caller has no user record yet (then the two reads are made separately). */
export async function marksAmong(openid: string, jobIds: string[]): Promise<CallerMarks | null> {
  const _ = db().command
  const r = await readBeside(openid, {
    applied: {
      collection: 'applications',
      match: { openid, jobId: _.in(jobIds) },
      limit: jobIds.length,
      project: { jobId: true, status: true },
    },
    saved: {
      collection: 'favorites',
      match: { _id: _.in(jobIds.map((j) => favId(openid, j))) },
      limit: jobIds.length,
      project: { jobId: true },
    },
  })
  if (!r) return null
  return {
    statuses: new Map(r.applied.map((a) => [String(a.jobId), a.status as ApplicationStatus])),
    saved: new Set(r.saved.map((f) => String(f.jobId))),
  }
}
