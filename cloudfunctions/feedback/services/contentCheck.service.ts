/**
 * Content safety checks before any person sees a submission: text through WeChat's msgSecCheck (v2), images
 * through img_sec_check on the stored bytes, both with the shared WeChat client (the double locally).
 * `unavailable` means the check could not be made (network, errcode -1, fault injection): the caller holds the
 * item (pendingReview) and the `recheck` timer tries again. Nothing is ever published unchecked.
 * `missing`: an image file id that storage does not have (bad input, not a failure of ours).
 * Behind an interface so that tests can count or replace the checks.
 */
import { cloudApp } from '../../_core/app'
import { wechat, WechatError } from '../../_core/wechat/client'

export type CheckVerdict = 'pass' | 'risky' | 'unavailable'

export interface ContentChecker {
  checkText(input: { content: string; openid: string }): Promise<CheckVerdict>
  checkImage(input: { fileId: string; openid: string }): Promise<CheckVerdict | 'missing'>
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

const contentTypeOf = (b: Buffer): string =>
  b[0] === 0x89 ? 'image/png' : b.toString('latin1', 8, 12) === 'WEBP' ? 'image/webp' : 'image/jpeg'

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
  async checkImage({ fileId }) {
    const bytes = await downloadImage(fileId)
    if (!bytes) return 'missing'
    try {
      const r = await wechat().imgSecCheck(bytes, contentTypeOf(bytes))
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
