/**
 * Our WeChat API client against the WeChat double, over real HTTP on loopback: every error path,
 * token caching and renewal, one refresh under concurrency, consent accounting.
 */
import http from 'node:http'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import {
  createWechatDouble,
  type MediaCheckPush,
  type WechatDouble,
  type WechatDoubleOptions,
} from '../../mock/wechat/double'
import { cameraJpeg, phonePhoto } from '../helpers/jpeg'
import { imageDimensions } from '../../shared/media/imageLimits'
import {
  WechatClient,
  WechatAuthError,
  WechatNoConsentError,
  WechatPermanentError,
  WechatQuotaError,
  WechatUnavailableError,
  WechatUncertainError,
  nextCstMidnight,
  parseMediaCheckPush,
} from '../../cloudfunctions/_core/wechat/client'
import { TEMPLATES } from '../../shared/notify/templates'

interface Harness {
  url: string
  double: WechatDouble
  clock: { ms: number }
  faults: { fail: number; delayMs: number }
  client: (o?: ConstructorParameters<typeof WechatClient>[0]) => WechatClient
  admin: (p: string, body?: unknown) => Promise<any>
  close: () => Promise<void>
}

async function startDouble(dataDir?: string, extra: Partial<WechatDoubleOptions> = {}): Promise<Harness> {
  const clock = { ms: Date.parse('2026-11-23T10:00:00+08:00') }
  const faults = { fail: 0, delayMs: 0 }
  const double = createWechatDouble({
    now: () => new Date(clock.ms),
    appid: 'wx0000000000local',
    secret: 'local-wechat-secret',
    dataDir,
    takeFault: async () => {
      if (faults.delayMs) await new Promise((r) => setTimeout(r, faults.delayMs))
      if (faults.fail > 0) {
        faults.fail -= 1
        throw new Error('injected')
      }
    },
    ...extra,
  })
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      const handled = await double.handle(req, res, url, Buffer.concat(chunks))
      if (!handled) {
        res.writeHead(404)
        res.end()
      }
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    double,
    clock,
    faults,
    client: (o = {}) => new WechatClient({ baseUrl: url, backoffMs: 1, now: () => clock.ms, ...o }),
    admin: async (p, body) => {
      const r = await fetch(
        url + p,
        body === undefined
          ? undefined
          : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
      )
      return r.json()
    },
    close: () => new Promise((r) => server.close(() => r())),
  }
}

const OPENID = 'o_test_resident_1'
const policyMessage = (
  over: Partial<{
    touser: string
    templateId: string
    page: string | null
    data: Record<string, { value: string }>
  }> = {},
) => ({
  touser: OPENID,
  templateId: TEMPLATES.policyMatch.id,
  page: 'packages/policy/pages/detail/index?id=p1',
  data: {
    thing1: { value: '一次性求职创业补贴' },
    phrase2: { value: '可申请' },
    thing3: { value: '点击查看申领条件' },
    time4: { value: '2026年11月23日 10:00' },
  },
  ...over,
})

let h: Harness
beforeEach(async () => {
  h = await startDouble()
})
afterEach(async () => {
  await h.close()
})

describe('access token', () => {
  it('given 50 concurrent callers and no token, when they ask for one, then WeChat is asked once and all get the same token', async () => {
    const c = h.client()
    const tokens = await Promise.all(Array.from({ length: 50 }, () => c.accessToken()))
    expect(new Set(tokens).size).toBe(1)
    expect((await h.admin('/_emulator/wechat/stats')).tokenCalls).toBe(1)
    expect(c.tokenFetches).toBe(1)
  })

  it('given a cached token, when it nears expiry, then the client renews it once and old and new are both accepted for 5 minutes', async () => {
    const c = h.client()
    await h.admin('/_emulator/wechat/consent', { openid: OPENID, templateId: TEMPLATES.policyMatch.id, count: 10 })
    const old = await c.accessToken()
    h.clock.ms += 7200_000 - 4 * 60_000 // 4 minutes left
    const renewed = await Promise.all(Array.from({ length: 20 }, () => c.accessToken()))
    expect(new Set(renewed).size).toBe(1)
    expect(renewed[0]).not.toBe(old)
    expect((await h.admin('/_emulator/wechat/stats')).tokenRefreshes).toBe(2)
    // the old token still works inside the overlap window
    const raw = await fetch(`${h.url}/cgi-bin/message/subscribe/send?access_token=${old}`, {
      method: 'POST',
      body: JSON.stringify({ touser: OPENID, template_id: TEMPLATES.policyMatch.id, data: policyMessage().data }),
    })
    expect((await raw.json()).errcode).toBe(0)
    h.clock.ms += 5 * 60_000
    const late = await fetch(`${h.url}/cgi-bin/message/subscribe/send?access_token=${old}`, {
      method: 'POST',
      body: JSON.stringify({ touser: OPENID, template_id: TEMPLATES.policyMatch.id, data: policyMessage().data }),
    })
    expect((await late.json()).errcode).toBe(42001)
  })

  it('given a token WeChat considers expired (42001), when 30 sends run at once, then one refresh happens and every send succeeds', async () => {
    await h.admin('/_emulator/wechat/consent', { openid: OPENID, templateId: TEMPLATES.policyMatch.id, count: 30 })
    let clientMs = h.clock.ms
    const c = h.client({ now: () => clientMs })
    await c.accessToken()
    h.clock.ms += 7300_000 // WeChat's clock passes expiry, ours does not know
    clientMs += 1000
    const results = await Promise.all(Array.from({ length: 30 }, () => c.sendSubscribeMessage(policyMessage())))
    expect(results.every((r) => typeof r.msgid === 'number')).toBe(true)
    const stats = await h.admin('/_emulator/wechat/stats')
    expect(stats.tokenRefreshes).toBe(2)
    expect(stats.errors['42001']).toBe(30)
    expect((await h.admin('/_emulator/wechat/messages')).items).toHaveLength(30)
  })

  it('given WeChat forgot the token (40001) and hands the same one back, when sending, then the client forces a refresh and retries once', async () => {
    await h.admin('/_emulator/wechat/consent', { openid: OPENID, templateId: TEMPLATES.policyMatch.id })
    const c = h.client()
    const t1 = await c.accessToken()
    h.double.reset()
    await h.admin('/_emulator/wechat/consent', { openid: OPENID, templateId: TEMPLATES.policyMatch.id })
    await c.sendSubscribeMessage(policyMessage())
    expect(await c.accessToken()).not.toBe(t1)
    expect((await h.admin('/_emulator/wechat/stats')).errors['40001']).toBe(1)
  })

  it('forced refreshes are limited: 30 s apart (45011) and 20 a day (45009)', async () => {
    const force = () =>
      h.admin('/cgi-bin/stable_token', {
        grant_type: 'client_credential',
        appid: 'wx0000000000local',
        secret: 'local-wechat-secret',
        force_refresh: true,
      })
    expect((await force()).access_token).toBeTruthy()
    expect((await force()).errcode).toBe(45011)
    for (let i = 0; i < 19; i++) {
      h.clock.ms += 31_000
      expect((await force()).access_token).toBeTruthy()
    }
    h.clock.ms += 31_000
    expect((await force()).errcode).toBe(45009)
  })

  it('wrong credentials → WechatAuthError, no retry loop', async () => {
    const c = h.client({ secret: 'wrong' })
    await expect(c.accessToken()).rejects.toBeInstanceOf(WechatAuthError)
    expect((await h.admin('/_emulator/wechat/stats')).errors['40125']).toBe(1)
  })
})

describe('subscribeMessage.send error paths', () => {
  beforeEach(async () => {
    await h.admin('/_emulator/wechat/consent', { openid: OPENID, templateId: TEMPLATES.policyMatch.id, count: 5 })
  })

  it.each([
    ['40003 invalid openid', { touser: 'not-an-openid' }, 40003],
    ['40037 unknown template', { templateId: 'NO_SUCH_TEMPLATE' }, 40037],
    ['41030 bad page', { page: '/pages/../x' }, 41030],
    [
      '47003 thing over 20 characters',
      { data: { ...policyMessage().data, thing1: { value: '一二三四五六七八九十一二三四五六七八九十一' } } },
      47003,
    ],
    ['47003 phrase not Chinese', { data: { ...policyMessage().data, phrase2: { value: 'OK' } } }, 47003],
    ['47003 missing keyword', { data: { thing1: { value: '补贴' } } }, 47003],
  ])('%s → WechatPermanentError and nothing is delivered', async (_name, over, errcode) => {
    const err = await h
      .client()
      .sendSubscribeMessage(policyMessage(over as never))
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(WechatPermanentError)
    expect((err as WechatPermanentError).errcode).toBe(errcode)
    expect((await h.admin('/_emulator/wechat/messages')).items).toHaveLength(0)
  })

  it('one-time consent: two grants allow exactly two messages, the third is 43101', async () => {
    const other = 'o_test_resident_2'
    await h.admin('/_emulator/wechat/consent', { openid: other, templateId: TEMPLATES.policyMatch.id, count: 2 })
    const c = h.client()
    await c.sendSubscribeMessage(policyMessage({ touser: other }))
    await c.sendSubscribeMessage(policyMessage({ touser: other }))
    await expect(c.sendSubscribeMessage(policyMessage({ touser: other }))).rejects.toBeInstanceOf(WechatNoConsentError)
    const items = (await h.admin(`/_emulator/wechat/messages?touser=${other}`)).items
    expect(items).toHaveLength(2)
    expect(items[0]).toMatchObject({
      touser: other,
      template_id: TEMPLATES.policyMatch.id,
      page: 'packages/policy/pages/detail/index?id=p1',
    })
    expect(items[0].sentAt).toMatch(/\+08:00$/)
  })

  it('no consent at all → 43101; a long-term consent allows many', async () => {
    const c = h.client()
    const fb = {
      touser: OPENID,
      templateId: TEMPLATES.feedbackUpdate.id,
      data: {
        character_string1: { value: 'FK1' },
        phrase2: { value: '已受理' },
        thing3: { value: '已转交历下区人社局' },
        time4: { value: '10:00' },
      },
    }
    await expect(c.sendSubscribeMessage(fb)).rejects.toBeInstanceOf(WechatNoConsentError)
    await h.admin('/_emulator/wechat/consent', {
      openid: OPENID,
      templateId: TEMPLATES.feedbackUpdate.id,
      longTerm: true,
    })
    for (let i = 0; i < 5; i++) await c.sendSubscribeMessage(fb)
    expect((await h.admin(`/_emulator/wechat/messages?template_id=${TEMPLATES.feedbackUpdate.id}`)).items).toHaveLength(
      5,
    )
  })

  it('45009 daily quota → WechatQuotaError resuming at the next China-time midnight, consent kept', async () => {
    await h.admin('/_emulator/wechat/config', { dailyQuota: 1 })
    const c = h.client()
    await c.sendSubscribeMessage(policyMessage())
    const err = (await c.sendSubscribeMessage(policyMessage()).catch((e: unknown) => e)) as WechatQuotaError
    expect(err).toBeInstanceOf(WechatQuotaError)
    expect(err.resumeAtMs).toBe(Date.parse('2026-11-24T00:00:00+08:00'))
    expect(nextCstMidnight(Date.parse('2026-11-23T23:59:59+08:00'))).toBe(Date.parse('2026-11-24T00:00:00+08:00'))
    h.clock.ms = err.resumeAtMs
    await c.sendSubscribeMessage(policyMessage())
    const consent = (await h.admin(`/_emulator/wechat/consent?openid=${OPENID}`)).items.find(
      (x: { templateId: string }) => x.templateId === TEMPLATES.policyMatch.id,
    )
    expect(consent.count).toBe(3)
  })

  it('-1 twice then success: retried with backoff, delivered once', async () => {
    const c = h.client()
    await c.accessToken()
    h.faults.fail = 2
    await c.sendSubscribeMessage(policyMessage())
    expect((await h.admin('/_emulator/wechat/messages')).items).toHaveLength(1)
    expect((await h.admin('/_emulator/wechat/stats')).errors['-1']).toBe(2)
  })

  it('-1 on every try → WechatUnavailableError (UPSTREAM_UNAVAILABLE), nothing delivered', async () => {
    const c = h.client()
    await c.accessToken()
    h.faults.fail = 10
    const err = (await c.sendSubscribeMessage(policyMessage()).catch((e: unknown) => e)) as WechatUnavailableError
    expect(err).toBeInstanceOf(WechatUnavailableError)
    expect(err.code).toBe('UPSTREAM_UNAVAILABLE')
    expect((await h.admin('/_emulator/wechat/messages')).items).toHaveLength(0)
  })

  it('a send that times out after leaving → WechatUncertainError, not resent', async () => {
    const c = h.client({ timeoutMs: 50 })
    await c.accessToken()
    h.faults.delayMs = 150
    await expect(c.sendSubscribeMessage(policyMessage())).rejects.toBeInstanceOf(WechatUncertainError)
    await new Promise((r) => setTimeout(r, 200))
    expect((await h.admin('/_emulator/wechat/stats')).sendCalls).toBe(1)
  })

  it('nothing listening (connection refused) → retried, then WechatUnavailableError', async () => {
    const c = new WechatClient({ baseUrl: 'http://127.0.0.1:9', backoffMs: 1 })
    await expect(c.sendSubscribeMessage(policyMessage())).rejects.toBeInstanceOf(WechatUnavailableError)
  })
})

describe('content security', () => {
  it('msgSecCheck v2: text with 违规测试 is risky, other text passes', async () => {
    const c = h.client()
    expect(await c.msgSecCheck({ content: '这是一段违规测试文字', openid: OPENID, scene: 2 })).toMatchObject({
      suggest: 'risky',
    })
    expect(await c.msgSecCheck({ content: '小区门口路灯坏了', openid: OPENID, scene: 2 })).toMatchObject({
      suggest: 'pass',
      label: 100,
    })
  })

  it('msgSecCheck v1 answers 87014 for risky text, as the real API does', async () => {
    const token = await h.client().accessToken()
    const r = await fetch(`${h.url}/wxa/msg_sec_check?access_token=${token}`, {
      method: 'POST',
      body: JSON.stringify({ content: '违规测试' }),
    })
    expect(await r.json()).toMatchObject({ errcode: 87014 })
  })

  it('imgSecCheck: bytes containing 违规测试 are risky, a clean photo within the limits passes', async () => {
    const c = h.client()
    expect(await c.imgSecCheck(cameraJpeg(750, 1000, 300_000, '违规测试'))).toEqual({ suggest: 'risky' })
    expect(await c.imgSecCheck(cameraJpeg(750, 1000, 300_000))).toEqual({ suggest: 'pass' })
    expect(await c.imgSecCheck(cameraJpeg(750, 1334, 1024 * 1024))).toEqual({ suggest: 'pass' })
  })

  it('imgSecCheck enforces the real limits: a 4 MB phone photo, over 1 MB, or over 750 × 1334 px is 40006, never "risky"', async () => {
    const c = h.client()
    expect(imageDimensions(phonePhoto())).toEqual({ width: 3024, height: 4032 })
    expect(await c.imgSecCheck(phonePhoto())).toEqual({ suggest: 'tooLarge' })
    expect(await c.imgSecCheck(cameraJpeg(750, 1000, 1024 * 1024 + 1))).toEqual({ suggest: 'tooLarge' })
    expect(await c.imgSecCheck(cameraJpeg(751, 1000, 200_000))).toEqual({ suggest: 'tooLarge' })
    expect(await c.imgSecCheck(cameraJpeg(750, 1335, 200_000))).toEqual({ suggest: 'tooLarge' })
    // the raw answer is WeChat's: errcode 40006 invalid media size
    const token = await c.accessToken()
    const form = new FormData()
    form.append('media', new Blob([new Uint8Array(phonePhoto())], { type: 'image/jpeg' }), 'photo.jpg')
    const r = await fetch(`${h.url}/wxa/img_sec_check?access_token=${token}`, { method: 'POST', body: form })
    expect(await r.json()).toMatchObject({ errcode: 40006, errmsg: expect.stringContaining('invalid media size') })
    const none = await fetch(`${h.url}/wxa/img_sec_check?access_token=${token}`, {
      method: 'POST',
      body: new FormData(),
    })
    expect(await none.json()).toMatchObject({ errcode: 47001 })
  })
})

describe('media_check_async: the verdict is pushed later', () => {
  it('given a 4 MB photo at a URL, when the check is asked and the push delivered, then the wxa_media_check event carries the trace_id and the verdict', async () => {
    const files: Record<string, Buffer> = {
      'https://storage.local/ok.jpg': phonePhoto(),
      'https://storage.local/bad.jpg': phonePhoto('违规测试'),
    }
    const pushed: MediaCheckPush[] = []
    const d = await startDouble(undefined, {
      mediaCheckDelayMs: null,
      fetchMedia: async (u) => {
        if (!files[u]) throw new Error('404')
        return files[u]
      },
      deliver: async (e) => void pushed.push(e),
    })
    try {
      const c = d.client()
      const ask = (mediaUrl: string) => c.mediaCheckAsync({ mediaUrl, mediaType: 2, openid: OPENID, scene: 2 })
      const ok = await ask('https://storage.local/ok.jpg')
      const bad = await ask('https://storage.local/bad.jpg')
      const gone = await ask('https://storage.local/gone.jpg')
      expect(pushed).toEqual([]) // nothing before WeChat's (here: the test's) delay
      expect(await d.admin('/_emulator/wechat/media-checks/deliver', {})).toMatchObject({ delivered: 3 })
      const byTrace = new Map(pushed.map((p) => [p.trace_id, parseMediaCheckPush({ ...p })]))
      expect(pushed[0]).toMatchObject({ MsgType: 'event', Event: 'wxa_media_check', version: 2, FromUserName: OPENID })
      expect(byTrace.get(ok.traceId)).toMatchObject({ verdict: 'pass', label: 100 })
      expect(byTrace.get(bad.traceId)).toMatchObject({ verdict: 'risky' })
      expect(byTrace.get(gone.traceId)).toMatchObject({ verdict: 'failed' })
      // delivered once
      expect(await d.admin('/_emulator/wechat/media-checks/deliver', {})).toMatchObject({ delivered: 0 })
      // v2 wants the openid of a recent user
      await expect(
        c.mediaCheckAsync({ mediaUrl: 'https://storage.local/ok.jpg', mediaType: 2, openid: 'nobody', scene: 2 }),
      ).rejects.toBeInstanceOf(WechatPermanentError)
    } finally {
      await d.close()
    }
  })

  it('parseMediaCheckPush reads only wxa_media_check events', () => {
    expect(parseMediaCheckPush({ action: 'submit' })).toBeNull()
    expect(parseMediaCheckPush({ MsgType: 'event', Event: 'wxa_media_check' })).toBeNull()
    expect(
      parseMediaCheckPush({
        MsgType: 'event',
        Event: 'wxa_media_check',
        trace_id: 't1',
        result: { suggest: 'review' },
      }),
    ).toMatchObject({ traceId: 't1', verdict: 'risky' })
  })
})

describe('the double keeps its state across restarts in dataDir', () => {
  it('given an accepted message and a grant, when the double restarts, then both are still there; reset clears them', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxdbl-'))
    const a = await startDouble(dir)
    await a.admin('/_emulator/wechat/consent', { openid: OPENID, templateId: TEMPLATES.policyMatch.id, count: 2 })
    await a.client().sendSubscribeMessage(policyMessage())
    await a.close()
    const b = await startDouble(dir)
    expect((await b.admin('/_emulator/wechat/messages')).items).toHaveLength(1)
    expect((await b.admin(`/_emulator/wechat/consent?openid=${OPENID}`)).items[0]).toMatchObject({ count: 1 })
    b.double.reset()
    expect((await b.admin('/_emulator/wechat/messages')).items).toHaveLength(0)
    await b.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })
})

describe('without a global fetch (CloudBase Nodejs16 runtime)', () => {
  it('the node:http stand-in sends, maps errcodes and times out like fetch', async () => {
    const { nodeFetch } = await import('../../cloudfunctions/_core/wechat/nodeFetch')
    await h.admin('/_emulator/wechat/consent', { openid: OPENID, templateId: TEMPLATES.policyMatch.id })
    const c = h.client({ fetch: nodeFetch as unknown as typeof fetch, timeoutMs: 80 })
    expect(await c.sendSubscribeMessage(policyMessage())).toEqual({ msgid: expect.any(Number) })
    await expect(c.sendSubscribeMessage(policyMessage())).rejects.toBeInstanceOf(WechatNoConsentError)
    h.faults.delayMs = 200
    await expect(c.sendSubscribeMessage(policyMessage())).rejects.toBeInstanceOf(WechatUncertainError)
    h.faults.delayMs = 0
    const refused = new WechatClient({
      baseUrl: 'http://127.0.0.1:9',
      backoffMs: 1,
      fetch: nodeFetch as unknown as typeof fetch,
    })
    await expect(refused.sendSubscribeMessage(policyMessage())).rejects.toBeInstanceOf(WechatUnavailableError)
  })
})
