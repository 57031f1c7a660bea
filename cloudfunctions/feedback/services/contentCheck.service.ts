/**
 * Content safety checks before any person sees a submission: text through WeChat's msgSecCheck (v2), images
 * on the stored bytes, both with the shared WeChat client (the double locally).
 * - An image within img_sec_check's limits (1 MB, 750 × 1334 px: shared/media/imageLimits.ts) is checked at once.
 *   A larger one (an old client that did not compress, or WeChat answering 40006) goes to media_check_async:
 *   `pending` until the `wxa_media_check` push records WeChat's verdict in `media_checks` (recordMediaCheck), then
 *   the newest verdict for these very bytes (sha256) answers. A push that never came is asked again after 45 min.
 * - `unavailable` means the check could not be made (network, errcode -1, fault injection); like `pending`, the
 *   caller holds the item (pendingReview) and the `recheck` timer tries again. Nothing is ever published unchecked.
 * - `missing`: an image file id that storage does not have (bad input, not a failure of ours).
 * Behind an interface so that tests can count or replace the checks.
 */
import { createHash, randomUUID } from 'node:crypto'
import { cloudApp } from '../../_core/app'
import { wechat, WechatError } from '../../_core/wechat/client'
import { imageDimensions, withinSyncCheck } from '../../../shared/media/imageLimits'
import { imageTypeOf } from '../../../shared/media/imageType'
import { insertMediaCheck, latestMediaCheck } from '../repositories/mediaCheck.repository'

export type CheckVerdict = 'pass' | 'risky' | 'unavailable'
/** An image's verdict: also `pending` (the asynchronous check was asked, its push has not arrived) or `missing`. */
export type ImageVerdict = CheckVerdict | 'pending' | 'missing'

/** WeChat pushes the asynchronous verdict within 30 minutes; after this a check without one is asked again. */
export const MEDIA_CHECK_WAIT_MS = 45 * 60_000

export interface ContentChecker {
  checkText(input: { content: string; openid: string }): Promise<CheckVerdict>
  checkImage(input: { fileId: string; openid: string; nowMs?: number }): Promise<ImageVerdict>
}

/** An image WeChat refuses for good (bad format or size) is not published either. */
const verdictOfImageError = (e: unknown): CheckVerdict => {
  if (e instanceof WechatError && e.kind === 'permanent') return 'risky'
  return 'unavailable'
}

async function downloadImage(fileId: string): Promise<Buffer | null> {
  try {
    const res = await cloudApp().downloadFile({ fileID: fileId })
    const content = (res as { fileContent?: Buffer }).fileContent
    return content && content.length > 0 ? Buffer.from(content) : null
  } catch {
    return null
  }
}

/** The multipart type img_sec_check is sent: the sniffed one (a GIF is no longer labelled JPEG); unknown → JPEG, WeChat judges the bytes. */
const contentTypeOf = (b: Buffer): string => imageTypeOf(b) ?? 'image/jpeg'

async function tempUrlOf(fileId: string): Promise<string | null> {
  try {
    const res = await cloudApp().getTempFileURL({ fileList: [{ fileID: fileId, maxAge: 3 * 3600 }] } as never)
    const item = ((res as { fileList?: { tempFileURL?: string }[] }).fileList ?? [])[0]
    return item?.tempFileURL || null
  } catch {
    return null
  }
}

/** media_check_async for an image too large for img_sec_check: the recorded verdict for these bytes, or ask. */
async function checkImageAsync(fileId: string, bytes: Buffer, openid: string, nowMs: number): Promise<ImageVerdict> {
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const last = await latestMediaCheck(fileId)
  if (last && last.sha256 === sha256) {
    if (last.state === 'pass' || last.state === 'risky') return last.state
    if (last.state === 'pending' && nowMs - last.createdAtMs < MEDIA_CHECK_WAIT_MS) return 'pending'
  }
  const url = await tempUrlOf(fileId)
  if (!url) return 'unavailable'
  let traceId: string
  try {
    traceId = (await wechat().mediaCheckAsync({ mediaUrl: url, mediaType: 2, openid, scene: 2 })).traceId
  } catch {
    return 'unavailable'
  }
  await insertMediaCheck({
    _id: traceId || randomUUID(),
    fileId,
    sha256,
    openid,
    state: 'pending',
    createdAtMs: nowMs,
    decidedAtMs: null,
    label: null,
  })
  return 'pending'
}

export const wechatContentChecker: ContentChecker = {
  async checkText({ content, openid }) {
    try {
      const r = await wechat().msgSecCheck({ content, openid, scene: 2 })
      return r.suggest === 'pass' ? 'pass' : 'risky'
    } catch {
      // Any failure of the check itself (busy, network, a refusal about the openid): hold and check again.
      return 'unavailable'
    }
  },
  async checkImage({ fileId, openid, nowMs = Date.now() }) {
    const bytes = await downloadImage(fileId)
    if (!bytes) return 'missing'
    if (!withinSyncCheck(bytes.length, imageDimensions(bytes))) return checkImageAsync(fileId, bytes, openid, nowMs)
    try {
      const r = await wechat().imgSecCheck(bytes, contentTypeOf(bytes))
      // too large after all (a size the header did not tell): the asynchronous check takes it
      if (r.suggest === 'tooLarge') return checkImageAsync(fileId, bytes, openid, nowMs)
      return r.suggest === 'pass' ? 'pass' : 'risky'
    } catch (e) {
      return verdictOfImageError(e)
    }
  },
}

let current: ContentChecker = wechatContentChecker

export const contentChecker = (): ContentChecker => current
/** Tests only: replace the checker (returns a restore function). */
export function setContentChecker(c: ContentChecker): () => void {
  const prev = current
  current = c
  return () => {
    current = prev
  }
}
