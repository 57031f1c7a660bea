/** The `applications` collection: one per (jobId, openid), enforced by a unique index. */
import { db } from '../../_core/app'
import { insertOnce } from '../../_core/insertOnce'
import type { ApplicationDoc, ApplicationStatus } from '../../../shared/job/types'
import type { Keyset } from './job.repository'

const col = () => db().collection('applications')

export async function findApplication(id: string): Promise<ApplicationDoc | null> {
  const res = await col().doc(id).get()
  return ((res.data as ApplicationDoc[] | undefined) ?? [])[0] ?? null
}

export async function findApplicationOf(jobId: string, openid: string): Promise<ApplicationDoc | null> {
  const res = await col().where({ jobId, openid }).limit(1).get()
  return ((res.data as ApplicationDoc[] | undefined) ?? [])[0] ?? null
}

/** Inserts; false when this applicant already applied to the job (unique index jobId + openid). */
export async function insertApplication(doc: ApplicationDoc): Promise<boolean> {
  return insertOnce('applications', doc)
}

function keyset(after: Keyset | null): object | null {
  if (!after) return null
  const _ = db().command
  return _.or([{ createdAtMs: _.lt(after.k) }, { createdAtMs: after.k, _id: _.lt(after.id) }])
}

export async function listApplicationsBy(
  field: 'openid' | 'jobId',
  value: string,
  after: Keyset | null,
  limit: number,
  status?: ApplicationStatus,
): Promise<ApplicationDoc[]> {
  const _ = db().command
  const c: object[] = [{ [field]: value }]
  if (status) c.push({ status })
  const k = keyset(after)
  if (k) c.push(k)
  const res = await col().where(_.and(c)).orderBy('createdAtMs', 'desc').orderBy('_id', 'desc').limit(limit).get()
  return res.data as ApplicationDoc[]
}

/** The status ids of the caller's applications to these jobs. */
export async function statusesFor(openid: string, jobIds: string[]): Promise<Map<string, ApplicationStatus>> {
  if (!jobIds.length) return new Map()
  const _ = db().command
  const res = await col()
    .where({ openid, jobId: _.in(jobIds) })
    .limit(jobIds.length)
    .field({ jobId: true, status: true })
    .get()
  return new Map((res.data as { jobId: string; status: ApplicationStatus }[]).map((a) => [a.jobId, a.status]))
}

/** Moves the status only if it is still `from` (no lost update between two staff members). */
export async function moveStatus(
  id: string,
  from: ApplicationStatus,
  patch: Partial<ApplicationDoc>,
  historyEntry: ApplicationDoc['history'][number],
): Promise<boolean> {
  const _ = db().command
  const res = await col()
    .where({ _id: id, status: from })
    .update({ ...patch, history: _.push([historyEntry]) })
  return (res as { updated?: number }).updated === 1
}

export async function setOutcome(
  id: string,
  outcome: ApplicationDoc['outcome'],
  updatedAt: string,
  updatedAtMs: number,
): Promise<void> {
  await col().doc(id).update({ outcome, updatedAt, updatedAtMs })
}

/** Gives or withdraws the applicant's consent to be contacted. */
export async function setContactConsent(id: string, consent: boolean, at: string, updatedAtMs: number): Promise<void> {
  await col().doc(id).update({ contactConsent: consent, contactConsentAt: at, updatedAt: at, updatedAtMs })
}
