/**
 * Content safety checks before any person sees a submission: text through WeChat's msgSecCheck (v2) and
 * images through the media check, both via the WeChat server API (the double locally).
 * `unavailable` means the check could not be made (network, errcode -1, fault injection): the caller holds
 * the item (pendingReview) and a timer checks it again. Nothing is ever published unchecked.
 *
 * Behind an interface so tests and the notify module's shared client (cloudfunctions/_core/wechat) can be
 * swapped in without touching the use cases.
 */
export type CheckVerdict = 'pass' | 'risky' | 'unavailable'

export interface ContentChecker {
  checkText(input: { content: string; openid: string }): Promise<CheckVerdict>
  checkImage(input: { fileId: string; openid: string }): Promise<CheckVerdict>
}

const baseUrl = (): string => (process.env.ZJ_WECHAT_API_BASE || process.env.WECHAT_API_BASE || 'https://api.weixin.qq.com').replace(/\/$/, '')

let token: { value: string; expiresAtMs: number } | null = null
let inflight: Promise<string> | null = null

async function accessToken(): Promise<string> {
  if (token && token.expiresAtMs > Date.now() + 60_000) return token.value
  if (!inflight) {
    inflight = (async () => {
      const res = await fetch(`${baseUrl()}/cgi-bin/stable_token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'client_credential', appid: process.env.WX_APPID || 'wx_local', secret: process.env.WX_APP_SECRET || 'local', force_refresh: false }),
        signal: AbortSignal.timeout(3000),
      })
      const body = (await res.json()) as { access_token?: string; expires_in?: number; errcode?: number }
      if (!body.access_token) throw new Error(`stable_token errcode ${body.errcode}`)
      token = { value: body.access_token, expiresAtMs: Date.now() + (body.expires_in ?? 7200) * 1000 }
      return token.value
    })().finally(() => { inflight = null })
  }
  return inflight
}

async function post(path: string, body: unknown, retry = true): Promise<{ errcode?: number; result?: { suggest?: string } }> {
  const t = await accessToken()
  const res = await fetch(`${baseUrl()}${path}?access_token=${encodeURIComponent(t)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(3000),
  })
  const json = (await res.json()) as { errcode?: number; result?: { suggest?: string } }
  if ((json.errcode === 40001 || json.errcode === 42001) && retry) {
    token = null
    return post(path, body, false)
  }
  return json
}

const verdictOf = (json: { errcode?: number; result?: { suggest?: string } }): CheckVerdict => {
  if (json.errcode === 87014) return 'risky'
  if (json.errcode && json.errcode !== 0) return 'unavailable'
  const s = json.result?.suggest
  if (s === 'pass') return 'pass'
  if (s === 'risky' || s === 'review') return 'risky'
  return 'unavailable'
}

export const wechatContentChecker: ContentChecker = {
  async checkText({ content, openid }) {
    try {
      return verdictOf(await post('/wxa/msg_sec_check', { content, version: 2, scene: 2, openid }))
    } catch {
      return 'unavailable'
    }
  },
  async checkImage({ fileId, openid }) {
    try {
      return verdictOf(await post('/wxa/media_check_async', { media_url: fileId, media_type: 2, version: 2, scene: 2, openid }))
    } catch {
      return 'unavailable'
    }
  },
}

let current: ContentChecker = wechatContentChecker

export const contentChecker = (): ContentChecker => current
/** Tests only: replace the checker (returns a restore function). */
export function setContentChecker(c: ContentChecker): () => void {
  const prev = current
  current = c
  return () => { current = prev }
}
