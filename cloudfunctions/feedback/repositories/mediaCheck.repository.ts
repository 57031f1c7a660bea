/**
 * `media_checks`: one document per asynchronous image check (media_check_async), keyed by WeChat's trace_id. It is
 * `pending` until the `wxa_media_check` push records WeChat's verdict; the image checker reads the newest one of a
 * file. Written only by the feedback function's checker and push handler (the application function uses the same
 * checker).
 */
import { db } from '../../_core/app'

export type MediaCheckState = 'pending' | 'pass' | 'risky' | 'failed'

export interface MediaCheckDoc {
  /** WeChat's trace_id. */
  _id: string
  fileId: string
  /** sha256 of the bytes asked about: a file overwritten since is asked about again. */
  sha256: string
  openid: string
  state: MediaCheckState
  createdAtMs: number
  decidedAtMs: number | null
  /** WeChat's label of a decided check (100 normal). */
  label: number | null
}

const col = () => db().collection('media_checks')

export async function insertMediaCheck(doc: MediaCheckDoc): Promise<void> {
  await col().add(doc)
}

/** The newest check of a stored file, or null. */
export async function latestMediaCheck(fileId: string): Promise<MediaCheckDoc | null> {
  const res = await col().where({ fileId }).orderBy('createdAtMs', 'desc').limit(1).get()
  return (res.data[0] as MediaCheckDoc | undefined) ?? null
}

/** Records a verdict on a pending check; null when the trace is unknown or already decided (nothing written). */
export async function decideMediaCheck(
  traceId: string,
  state: Exclude<MediaCheckState, 'pending'>,
  label: number | null,
  nowMs: number,
): Promise<MediaCheckDoc | null> {
  const res = await col().where({ _id: traceId, state: 'pending' }).update({ state, label, decidedAtMs: nowMs })
  if (!(res as { updated?: number }).updated) return null
  const got = await col().doc(traceId).get()
  return ((got.data as MediaCheckDoc[] | undefined) ?? [])[0] ?? null
}
