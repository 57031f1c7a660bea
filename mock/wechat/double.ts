/**
 * The WeChat server API double: the parts of api.weixin.qq.com this app uses, with the real semantics
 * (docs/cloudbase-wire.md, "WeChat server APIs"). Mounted by the emulator on its own port; our client reaches it
 * through WX_API_BASE_URL.
 *
 *   POST /cgi-bin/stable_token               7200 s tokens; renewed in the last 5 minutes with old + new both
 *                                             valid; force_refresh at most 20 a day and 30 s apart
 *   POST /cgi-bin/message/subscribe/send     40001/42001 token, 40003 openid, 40037 template, 41030 page,
 *                                             47003 keyword types and limits, 45009 daily quota,
 *                                             43101 no consent (one message per one-time grant), -1 on a fault
 *   POST /wxa/msg_sec_check                  v2 `{content, version: 2, scene, openid}` → result.suggest;
 *                                             v1 → 87014 for risky text. Text containing 违规测试 is risky.
 *   POST /wxa/img_sec_check                  multipart `media`; the real limits: over 1 MB, or wider than 750 px or
 *                                             higher than 1334 px (JPEG/PNG/GIF/WebP header) → 40006 invalid media
 *                                             size; no media part → 47001; bytes containing 违规测试 → 87014
 *   POST /wxa/media_check_async              v2 `{media_url, media_type, version: 2, openid, scene}` → trace_id;
 *                                             the double downloads media_url (up to 10 MB) and pushes the v2
 *                                             `wxa_media_check` event to `deliver` (the emulator invokes the
 *                                             function that receives it): after mediaCheckDelayMs, or at
 *                                             POST /_emulator/wechat/media-checks/deliver when that is null
 *   GET  /_emulator/wechat/media-checks      {items: [{trace_id, media_url, media_type, openid, result, delivered}]}
 *   GET  /_emulator/wechat/text-checks       {items: [{content, openid, scene, suggest, at}]} oldest first: every
 *                                             msg_sec_check text received (the last 1000), for tests asserting
 *                                             what was, and was not, sent to WeChat
 *   POST /_emulator/wechat/media-checks/deliver  pushes every verdict not yet delivered; answers {delivered: n}
 *   GET  /_emulator/wechat/messages          {items: [{touser, template_id, data, page, sentAt}]} oldest first
 *   POST /_emulator/wechat/consent           {openid, templateId | templateIds, count? | longTerm?}: what the
 *                                             user's tap in the consent dialog grants
 *   GET  /_emulator/wechat/consent?openid=   the double's consent balances (for tests)
 *   POST /_emulator/wechat/config            {dailyQuota?, mediaCheckDelayMs? (ms, or null: only on deliver)}
 *   GET  /_emulator/wechat/stats             token refreshes and calls
 *   POST /_emulator/wechat/reset             same as reset()
 *
 * Every WeChat call first asks `takeFault('wechat')`: a rejection answers errcode -1 (system busy), or the
 * errcode named by the fault's numeric `code`; a delay simply delays. Credentials are checked only when
 * configured (options, WX_APPID / WX_SECRET). State is kept in memory and, with dataDir, journaled to `wechat-double.jsonl` (replayed on
 * start, so an emulator restart keeps accepted messages and consents). reset() clears both.
 */
import { loopbackCors } from '../localGuard'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { checkKeyword, keywordTypeOfKey } from '../../shared/notify/keywords'
import { TEMPLATE_LIST } from '../../shared/notify/templates'
import { cstDateOf, toIsoCst } from '../../shared/calendar/chinaTime'
import {
  IMG_SEC_CHECK_MAX_BYTES,
  IMG_SEC_CHECK_MAX_HEIGHT,
  IMG_SEC_CHECK_MAX_WIDTH,
  imageDimensions,
  INVALID_MEDIA_SIZE,
  MEDIA_CHECK_ASYNC_MAX_BYTES,
} from '../../shared/media/imageLimits'

export interface WechatDoubleOptions {
  now: () => Date
  takeFault: (service: 'wechat') => Promise<void>
  dataDir?: string
  /** The credentials the double accepts (default: WX_APPID / WX_SECRET or the local dummies). */
  appid?: string
  secret?: string
  /** Accepted messages per China-time day (default 1,000,000; POST /_emulator/wechat/config changes it). */
  dailyQuota?: number
  /**
   * Where WeChat pushes events (消息推送): the emulator invokes the function configured for the event. Without it the
   * verdicts of media_check_async are only listed.
   */
  deliver?: (event: MediaCheckPush) => Promise<void>
  /** Real milliseconds from a media_check_async call to its push (default 1000; null: only on deliver). */
  mediaCheckDelayMs?: number | null
  /** Downloads media_url (default: fetch). */
  fetchMedia?: (url: string) => Promise<Buffer>
}

/** The v2 `wxa_media_check` push, as WeChat sends it to the message receiver (JSON mode). */
export interface MediaCheckPush {
  ToUserName: string
  FromUserName: string
  CreateTime: number
  MsgType: 'event'
  Event: 'wxa_media_check'
  appid: string
  trace_id: string
  version: 2
  errcode: number
  result: { suggest: 'pass' | 'risky' | 'review'; label: number }
  detail: { strategy: string; errcode: number; suggest: string; label: number; prob: number }[]
}

export interface WechatDouble {
  handle(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): Promise<boolean>
  reset(): void
}

export interface AcceptedMessage {
  touser: string
  template_id: string
  data: Record<string, { value: string }>
  page: string | null
  miniprogram_state: string
  sentAt: string
  msgid: number
}

export const LOCAL_WX_APPID = 'wx0000000000local'
/**
 * The function that receives the `wxa_media_check` push (云开发控制台 → 设置 → 消息推送: MsgType `event`, Event
 * `wxa_media_check` → this function; configure the same in production).
 */
export const MEDIA_CHECK_PUSH_FUNCTION = 'feedback'
export const LOCAL_WX_SECRET = 'local-wechat-secret'

const TOKEN_TTL_MS = 7200_000
const RENEW_BEFORE_MS = 5 * 60_000
const FORCE_PER_DAY = 20
const FORCE_MIN_GAP_MS = 30_000
const RISKY_WORD = '违规测试'
const TEMPLATE_KEYS_BY_ID = new Map(TEMPLATE_LIST.map((t) => [t.id, t.keywords.map((k) => k.key)]))
/** Page paths: no leading slash, segments of word characters, in the pages/ or packages/ roots. */
const PAGE_RE = /^(pages|packages)\/[\w-]+(\/[\w-]+)*(\?[^\s#]*)?$/
const OPENID_RE = /^o[\w-]{5,63}$/

type JournalEntry =
  | { t: 'token'; value: string; expiresAtMs: number; forced: boolean; atMs: number }
  | { t: 'consent'; openid: string; templateId: string; count?: number; longTerm?: boolean }
  | { t: 'spend'; openid: string; templateId: string }
  | { t: 'msg'; m: AcceptedMessage }
  | { t: 'config'; dailyQuota: number }

interface Consent {
  count: number
  longTerm: boolean
}

const cstDay = (ms: number) => cstDateOf(ms)

export function createWechatDouble(opts: WechatDoubleOptions): WechatDouble {
  // Credentials are checked when configured (options or WX_APPID / WX_SECRET); otherwise any non-empty pair
  // is accepted, so every local caller works with its dummies.
  const appid = opts.appid ?? process.env.WX_APPID ?? null
  const secret = opts.secret ?? process.env.WX_SECRET ?? null
  const journalPath = opts.dataDir ? path.join(opts.dataDir, 'wechat-double.jsonl') : null

  // --- state
  let tokens = new Map<string, number>() // value → expiresAtMs
  let current: string | null = null
  let forced: number[] = [] // times of forced refreshes
  let consents = new Map<string, Consent>() // openid|templateId
  let messages: AcceptedMessage[] = []
  let acceptedByDay = new Map<string, number>()
  let dailyQuota = opts.dailyQuota ?? 1_000_000
  let mediaChecks: {
    trace_id: string
    media_url: string
    media_type: number
    openid: string | null
    result: { suggest: 'pass' | 'risky' | 'review'; label: number } | null
    errcode: number
    at: string
    delivered: boolean
  }[] = []
  let mediaCheckDelayMs: number | null = opts.mediaCheckDelayMs === undefined ? 1000 : opts.mediaCheckDelayMs
  const timers = new Set<NodeJS.Timeout>()
  let stats = freshStats()
  let textChecks: { content: string; openid: string | null; scene: number | null; suggest: string; at: string }[] = []

  function freshStats() {
    return {
      tokenCalls: 0,
      tokenRefreshes: 0,
      forcedRefreshes: 0,
      sendCalls: 0,
      accepted: 0,
      secChecks: 0,
      mediaChecks: 0,
      errors: {} as Record<string, number>,
    }
  }

  function clear() {
    tokens = new Map()
    current = null
    forced = []
    consents = new Map()
    messages = []
    acceptedByDay = new Map()
    dailyQuota = opts.dailyQuota ?? 1_000_000
    mediaChecks = []
    mediaCheckDelayMs = opts.mediaCheckDelayMs === undefined ? 1000 : opts.mediaCheckDelayMs
    for (const t of timers) clearTimeout(t)
    timers.clear()
    stats = freshStats()
    textChecks = []
  }

  // --- journal
  function apply(e: JournalEntry) {
    switch (e.t) {
      case 'token':
        if (e.forced) {
          for (const [v, exp] of tokens) tokens.set(v, Math.min(exp, e.atMs + RENEW_BEFORE_MS))
          forced.push(e.atMs)
        }
        tokens.set(e.value, e.expiresAtMs)
        current = e.value
        break
      case 'consent': {
        const key = `${e.openid}|${e.templateId}`
        const c = consents.get(key) ?? { count: 0, longTerm: false }
        if (e.count) c.count += e.count
        if (e.longTerm !== undefined) c.longTerm = e.longTerm
        consents.set(key, c)
        break
      }
      case 'spend': {
        const c = consents.get(`${e.openid}|${e.templateId}`)
        if (c && c.count > 0) c.count -= 1
        break
      }
      case 'msg': {
        messages.push(e.m)
        const day = cstDay(Date.parse(e.m.sentAt))
        acceptedByDay.set(day, (acceptedByDay.get(day) ?? 0) + 1)
        break
      }
      case 'config':
        dailyQuota = e.dailyQuota
        break
    }
  }
  function record(entries: JournalEntry[]) {
    for (const e of entries) apply(e)
    if (journalPath) fs.appendFileSync(journalPath, entries.map((e) => JSON.stringify(e)).join('\n') + '\n')
  }
  if (journalPath) {
    fs.mkdirSync(path.dirname(journalPath), { recursive: true })
    if (fs.existsSync(journalPath)) {
      for (const line of fs.readFileSync(journalPath, 'utf8').split('\n')) {
        if (!line.trim()) continue
        try {
          apply(JSON.parse(line) as JournalEntry)
        } catch {
          /* a torn last line after a crash */
        }
      }
    }
  }

  // --- helpers
  const nowMs = () => opts.now().getTime()
  const send = (res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...extra })
    res.end(JSON.stringify(body))
  }
  const wxError = (res: ServerResponse, errcode: number, errmsg: string) => {
    stats.errors[errcode] = (stats.errors[errcode] ?? 0) + 1
    send(res, 200, { errcode, errmsg: `${errmsg} rid: ${randomBytes(4).toString('hex')}` })
  }
  const parseJson = (body: Buffer): Record<string, unknown> | null => {
    try {
      const v = JSON.parse(body.toString('utf8') || '{}')
      return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null
    } catch {
      return null
    }
  }
  /** 0 when the token is valid, else the errcode. */
  function tokenError(url: URL): 0 | 40001 | 42001 | 41001 {
    const t = url.searchParams.get('access_token')
    if (!t) return 41001
    const exp = tokens.get(t)
    if (exp === undefined) return 40001
    return nowMs() < exp ? 0 : 42001
  }
  const tokenMessage = {
    40001: 'invalid credential, access_token is invalid or not latest',
    42001: 'access_token expired',
    41001: 'access_token missing',
  }

  function issueToken(isForced: boolean): { value: string; expiresAtMs: number } {
    const at = nowMs()
    const value = `wxdbl_${randomBytes(24).toString('base64url')}`
    const expiresAtMs = at + TOKEN_TTL_MS
    record([{ t: 'token', value, expiresAtMs, forced: isForced, atMs: at }])
    stats.tokenRefreshes += 1
    if (isForced) stats.forcedRefreshes += 1
    return { value, expiresAtMs }
  }

  // --- WeChat endpoints
  function stableToken(res: ServerResponse, body: Record<string, unknown> | null) {
    stats.tokenCalls += 1
    if (!body) return wxError(res, 47001, 'data format error')
    if (body.grant_type !== 'client_credential') return wxError(res, 40002, 'invalid grant_type')
    if (typeof body.appid !== 'string' || !body.appid || (appid !== null && body.appid !== appid))
      return wxError(res, 40013, 'invalid appid')
    if (typeof body.secret !== 'string' || !body.secret || (secret !== null && body.secret !== secret))
      return wxError(res, 40125, 'invalid appsecret')
    const at = nowMs()
    if (body.force_refresh === true) {
      const today = cstDay(at)
      if (forced.filter((t) => cstDay(t) === today).length >= FORCE_PER_DAY)
        return wxError(res, 45009, 'reach max api daily quota limit')
      const last = forced[forced.length - 1]
      if (last !== undefined && at - last < FORCE_MIN_GAP_MS)
        return wxError(res, 45011, 'api minute-quota reach limit  mustslower  retry next minute')
      const t = issueToken(true)
      return send(res, 200, { access_token: t.value, expires_in: Math.floor((t.expiresAtMs - at) / 1000) })
    }
    const exp = current ? tokens.get(current) : undefined
    if (current && exp !== undefined && at < exp - RENEW_BEFORE_MS) {
      return send(res, 200, { access_token: current, expires_in: Math.floor((exp - at) / 1000) })
    }
    const t = issueToken(false)
    return send(res, 200, { access_token: t.value, expires_in: Math.floor((t.expiresAtMs - at) / 1000) })
  }

  function subscribeSend(res: ServerResponse, url: URL, body: Record<string, unknown> | null) {
    stats.sendCalls += 1
    const te = tokenError(url)
    if (te) return wxError(res, te, tokenMessage[te])
    if (!body) return wxError(res, 47001, 'data format error')
    const touser = body.touser
    if (typeof touser !== 'string' || !OPENID_RE.test(touser)) return wxError(res, 40003, 'invalid openid')
    const templateId = body.template_id
    const keys = typeof templateId === 'string' ? TEMPLATE_KEYS_BY_ID.get(templateId) : undefined
    if (!keys || typeof templateId !== 'string') return wxError(res, 40037, 'invalid template_id')
    const page = body.page
    if (page !== undefined && page !== null && page !== '' && (typeof page !== 'string' || !PAGE_RE.test(page))) {
      return wxError(res, 41030, 'invalid page')
    }
    const state = body.miniprogram_state ?? 'formal'
    if (!['developer', 'trial', 'formal'].includes(String(state)))
      return wxError(res, 47003, 'argument invalid! miniprogram_state invalid')
    const data = body.data
    if (!data || typeof data !== 'object' || Array.isArray(data))
      return wxError(res, 47003, 'argument invalid! data is empty')
    const out: Record<string, { value: string }> = {}
    for (const key of keys) {
      const entry = (data as Record<string, unknown>)[key]
      const value = entry && typeof entry === 'object' ? (entry as { value?: unknown }).value : undefined
      const type = keywordTypeOfKey(key)
      const reason = type ? checkKeyword(type, value) : 'unknown keyword'
      if (reason) return wxError(res, 47003, `argument invalid! data.${key}.value ${reason}`)
      out[key] = { value: value as string }
    }
    const at = nowMs()
    if ((acceptedByDay.get(cstDay(at)) ?? 0) >= dailyQuota)
      return wxError(res, 45009, 'reach max api daily quota limit')
    const c = consents.get(`${touser}|${templateId}`)
    if (!c || (!c.longTerm && c.count <= 0)) return wxError(res, 43101, 'user refuse to accept the msg')
    const m: AcceptedMessage = {
      touser,
      template_id: templateId,
      data: out,
      page: typeof page === 'string' && page ? page : null,
      miniprogram_state: String(state),
      sentAt: toIsoCst(opts.now()),
      msgid: messages.length + 1_000_000_001,
    }
    record(
      c.longTerm
        ? [{ t: 'msg', m }]
        : [
            { t: 'spend', openid: touser, templateId },
            { t: 'msg', m },
          ],
    )
    stats.accepted += 1
    return send(res, 200, { errcode: 0, errmsg: 'ok', msgid: m.msgid })
  }

  function msgSecCheck(res: ServerResponse, url: URL, body: Record<string, unknown> | null) {
    stats.secChecks += 1
    const te = tokenError(url)
    if (te) return wxError(res, te, tokenMessage[te])
    if (!body || typeof body.content !== 'string') return wxError(res, 47001, 'data format error')
    const content = body.content
    const risky = content.includes(RISKY_WORD)
    textChecks.push({
      content,
      openid: typeof body.openid === 'string' ? body.openid : null,
      scene: typeof body.scene === 'number' ? body.scene : null,
      suggest: risky ? 'risky' : 'pass',
      at: toIsoCst(nowMs()),
    })
    if (textChecks.length > 1000) textChecks = textChecks.slice(-1000)
    const traceId = randomBytes(12).toString('hex')
    if (body.version === 2) {
      if (typeof body.openid !== 'string' || !OPENID_RE.test(body.openid)) return wxError(res, 40003, 'invalid openid')
      if (![1, 2, 3, 4].includes(Number(body.scene))) return wxError(res, 47003, 'argument invalid! scene')
      if (Array.from(content).length > 2500)
        return wxError(res, 47003, 'argument invalid! content exceeds 2500 characters')
      const result = risky ? { suggest: 'risky', label: 20006 } : { suggest: 'pass', label: 100 }
      return send(res, 200, {
        errcode: 0,
        errmsg: 'ok',
        result,
        detail: [
          {
            strategy: 'content_model',
            errcode: 0,
            suggest: result.suggest,
            label: result.label,
            prob: risky ? 90 : 0,
            ...(risky ? { keyword: RISKY_WORD } : {}),
          },
        ],
        trace_id: traceId,
      })
    }
    if (risky) return wxError(res, 87014, 'risky content')
    return send(res, 200, { errcode: 0, errmsg: 'ok' })
  }

  /** The `media` part of a multipart/form-data body; null when there is none. */
  function mediaPart(contentType: string, body: Buffer): Buffer | null {
    const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType)
    const boundary = m?.[1] ?? m?.[2]
    if (!boundary) return null
    const delim = Buffer.from(`--${boundary}`)
    let at = body.indexOf(delim)
    while (at !== -1) {
      const headStart = at + delim.length + 2
      const headEnd = body.indexOf('\r\n\r\n', headStart)
      if (headEnd === -1) return null
      const next = body.indexOf(delim, headEnd + 4)
      if (next === -1) return null
      const head = body.toString('utf8', headStart, headEnd)
      if (/name="media"/i.test(head)) return body.subarray(headEnd + 4, Math.max(headEnd + 4, next - 2))
      at = next
    }
    return null
  }

  function imgSecCheck(res: ServerResponse, url: URL, contentType: string, body: Buffer) {
    stats.mediaChecks += 1
    const te = tokenError(url)
    if (te) return wxError(res, te, tokenMessage[te])
    const media = mediaPart(contentType, body)
    if (!media || media.length === 0) return wxError(res, 47001, 'data format error')
    // the documented limits: 1 MB, 750 px × 1334 px
    if (media.length > IMG_SEC_CHECK_MAX_BYTES) return wxError(res, INVALID_MEDIA_SIZE, 'invalid media size')
    const size = imageDimensions(media)
    if (size && (size.width > IMG_SEC_CHECK_MAX_WIDTH || size.height > IMG_SEC_CHECK_MAX_HEIGHT))
      return wxError(res, INVALID_MEDIA_SIZE, 'invalid media size')
    if (media.includes(Buffer.from(RISKY_WORD, 'utf8'))) return wxError(res, 87014, 'risky content')
    return send(res, 200, { errcode: 0, errmsg: 'ok' })
  }

  const fetchMedia =
    opts.fetchMedia ??
    (async (u: string) => {
      const r = await fetch(u)
      if (!r.ok) throw new Error(`HTTP ${r.status}`)
      return Buffer.from(await r.arrayBuffer())
    })

  /** Downloads the media and decides (like WeChat, after the call was answered). */
  async function judge(check: (typeof mediaChecks)[number]): Promise<void> {
    if (check.result || check.errcode) return
    let bytes: Buffer
    try {
      bytes = await fetchMedia(check.media_url)
    } catch {
      check.errcode = -1008 // the link could not be downloaded
      return
    }
    if (bytes.length > MEDIA_CHECK_ASYNC_MAX_BYTES) {
      check.errcode = INVALID_MEDIA_SIZE
      return
    }
    const risky =
      bytes.includes(Buffer.from(RISKY_WORD, 'utf8')) || /risky|%E8%BF%9D%E8%A7%84|违规测试/i.test(check.media_url)
    check.result = risky ? { suggest: 'risky', label: 20002 } : { suggest: 'pass', label: 100 }
  }

  async function deliverOne(check: (typeof mediaChecks)[number]): Promise<boolean> {
    if (check.delivered) return false
    check.delivered = true
    await judge(check)
    if (!opts.deliver) return true
    const result = check.result ?? { suggest: 'risky' as const, label: 0 }
    await opts.deliver({
      ToUserName: 'gh_000000000local',
      FromUserName: check.openid ?? '',
      CreateTime: Math.floor(nowMs() / 1000),
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid: appid ?? LOCAL_WX_APPID,
      trace_id: check.trace_id,
      version: 2,
      errcode: check.errcode,
      result,
      detail: [
        { strategy: 'content_model', errcode: check.errcode, suggest: result.suggest, label: result.label, prob: 90 },
      ],
    })
    return true
  }

  async function deliverAll(): Promise<number> {
    let n = 0
    for (const c of mediaChecks.filter((m) => !m.delivered)) if (await deliverOne(c)) n++
    return n
  }

  function mediaCheckAsync(res: ServerResponse, url: URL, body: Record<string, unknown> | null) {
    stats.mediaChecks += 1
    const te = tokenError(url)
    if (te) return wxError(res, te, tokenMessage[te])
    if (!body || typeof body.media_url !== 'string' || !body.media_url || ![1, 2].includes(Number(body.media_type)))
      return wxError(res, 47001, 'data format error')
    if (body.version === 2) {
      if (typeof body.openid !== 'string' || !OPENID_RE.test(body.openid)) return wxError(res, 40003, 'invalid openid')
      if (![1, 2, 3, 4].includes(Number(body.scene))) return wxError(res, 47003, 'argument invalid! scene')
    }
    const traceId = randomBytes(12).toString('hex')
    const check = {
      trace_id: traceId,
      media_url: body.media_url,
      media_type: Number(body.media_type),
      openid: typeof body.openid === 'string' ? body.openid : null,
      result: null,
      errcode: 0,
      at: toIsoCst(opts.now()),
      delivered: false,
    }
    mediaChecks.push(check)
    if (mediaCheckDelayMs !== null) {
      const t = setTimeout(() => {
        timers.delete(t)
        deliverOne(check).catch(() => undefined)
      }, mediaCheckDelayMs)
      t.unref?.()
      timers.add(t)
    }
    return send(res, 200, { errcode: 0, errmsg: 'ok', trace_id: traceId })
  }

  // --- admin paths
  function grantConsent(res: ServerResponse, body: Record<string, unknown> | null) {
    const openid = body?.openid
    const raw = body?.templateIds ?? body?.templateId
    const ids = Array.isArray(raw) ? raw : [raw]
    if (
      typeof openid !== 'string' ||
      !OPENID_RE.test(openid) ||
      ids.length === 0 ||
      ids.some((x) => typeof x !== 'string' || !TEMPLATE_KEYS_BY_ID.has(x))
    ) {
      return send(res, 400, { ok: false, error: 'openid and known templateId(s) required' })
    }
    const count = body?.count === undefined ? 1 : Number(body.count)
    const longTerm = typeof body?.longTerm === 'boolean' ? body.longTerm : undefined
    if (longTerm === undefined && (!Number.isInteger(count) || count < 1 || count > 100_000))
      return send(res, 400, { ok: false, error: 'count must be 1..100000' })
    record(
      ids.map((templateId) =>
        longTerm === undefined
          ? { t: 'consent', openid, templateId: templateId as string, count }
          : { t: 'consent', openid, templateId: templateId as string, longTerm },
      ),
    )
    return send(res, 200, { ok: true, consents: consentsOf(openid) })
  }
  function consentsOf(openid: string) {
    return TEMPLATE_LIST.map((t) => {
      const c = consents.get(`${openid}|${t.id}`)
      return { templateId: t.id, count: c?.count ?? 0, longTerm: c?.longTerm ?? false }
    })
  }

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): Promise<boolean> {
    // the H5 app (another loopback port) may read it; any other origin was refused before (mock/localGuard.ts)
    const cors = {
      ...loopbackCors(req),
      'access-control-allow-methods': 'GET,POST,OPTIONS',
      'access-control-allow-headers': 'content-type',
    }
    const p = url.pathname
    const method = (req.method ?? 'GET').toUpperCase()

    if (p.startsWith('/_emulator/wechat/')) {
      const sub = p.slice('/_emulator/wechat/'.length)
      if (method === 'OPTIONS') {
        res.writeHead(204, cors)
        res.end()
        return true
      }
      if (sub === 'messages' && method === 'GET') {
        const touser = url.searchParams.get('touser')
        const tpl = url.searchParams.get('template_id')
        const items = messages
          .filter((m) => (!touser || m.touser === touser) && (!tpl || m.template_id === tpl))
          .map(({ touser: t, template_id, data, page, sentAt }) => ({ touser: t, template_id, data, page, sentAt }))
        send(res, 200, { items }, cors)
        return true
      }
      if (sub === 'consent' && method === 'POST') {
        // the H5 build calls this from the browser (another origin): answer with CORS headers
        for (const [k, v] of Object.entries(cors)) res.setHeader(k, v)
        grantConsent(res, parseJson(body))
        return true
      }
      if (sub === 'consent' && method === 'GET') {
        const openid = url.searchParams.get('openid') ?? ''
        send(res, 200, { items: consentsOf(openid) }, cors)
        return true
      }
      if (sub === 'config' && method === 'POST') {
        const b = parseJson(body)
        const q = Number(b?.dailyQuota)
        if (b && 'mediaCheckDelayMs' in b) {
          const d = b.mediaCheckDelayMs
          if (d !== null && !(typeof d === 'number' && Number.isFinite(d) && d >= 0)) {
            send(res, 400, { ok: false, error: 'mediaCheckDelayMs must be a non-negative number or null' })
            return true
          }
          mediaCheckDelayMs = d as number | null
        }
        if (b?.dailyQuota !== undefined) {
          if (!Number.isInteger(q) || q < 0) {
            send(res, 400, { ok: false, error: 'dailyQuota must be a non-negative integer' })
            return true
          }
          record([{ t: 'config', dailyQuota: q }])
        }
        send(res, 200, { ok: true, dailyQuota, mediaCheckDelayMs })
        return true
      }
      if (sub === 'stats' && method === 'GET') {
        send(
          res,
          200,
          {
            ...stats,
            messages: messages.length,
            tokensValid: [...tokens.values()].filter((e) => e > nowMs()).length,
            dailyQuota,
          },
          cors,
        )
        return true
      }
      if (sub === 'text-checks' && method === 'GET') {
        send(res, 200, { items: textChecks }, cors)
        return true
      }
      if (sub === 'media-checks' && method === 'GET') {
        send(res, 200, { items: mediaChecks }, cors)
        return true
      }
      if (sub === 'media-checks/deliver' && method === 'POST') {
        send(res, 200, { ok: true, delivered: await deliverAll() })
        return true
      }
      if (sub === 'reset' && method === 'POST') {
        reset()
        send(res, 200, { ok: true })
        return true
      }
      return false
    }

    const wx: Record<string, true> = {
      '/cgi-bin/stable_token': true,
      '/cgi-bin/message/subscribe/send': true,
      '/wxa/msg_sec_check': true,
      '/wxa/img_sec_check': true,
      '/wxa/media_check_async': true,
    }
    if (!wx[p]) return false
    if (method !== 'POST') {
      send(res, 405, { errcode: 43002, errmsg: 'require POST method' })
      return true
    }
    try {
      await opts.takeFault('wechat')
    } catch (e) {
      // An injected fault answers -1 (system busy), or the errcode it names (e.g. code '45009').
      const code = Number((e as { code?: unknown })?.code)
      wxError(
        res,
        Number.isInteger(code) && code !== 0 ? code : -1,
        Number.isInteger(code) && code !== -1 && code !== 0 ? 'injected fault' : 'system error',
      )
      return true
    }
    if (p === '/cgi-bin/stable_token') stableToken(res, parseJson(body))
    else if (p === '/cgi-bin/message/subscribe/send') subscribeSend(res, url, parseJson(body))
    else if (p === '/wxa/msg_sec_check') msgSecCheck(res, url, parseJson(body))
    else if (p === '/wxa/img_sec_check') imgSecCheck(res, url, String(req.headers['content-type'] ?? ''), body)
    else mediaCheckAsync(res, url, parseJson(body))
    return true
  }

  function reset() {
    clear()
    if (journalPath) fs.writeFileSync(journalPath, '')
  }

  return { handle, reset }
}
