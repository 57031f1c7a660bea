/**
 * Hardening (issue 17), one block per defect class, through the real SDK against the emulator: what an attacker
 * would try and what the suite did not catch before. The seed and the emulator clock are pinned together.
 */
import http from 'node:http'
import { registry } from '../../shared/actions/index'
import type { ActionSpec } from '../../shared/actions/define'
import { startEmulator, type TestEmulator } from '../helpers/emulator'
import { writeSnapshot, changedCollections } from '../helpers/writeSnapshot'
import { blockStops } from '../../cloudfunctions/_core/function'
import { STREET_REVEALS_PER_DAY } from '../../cloudfunctions/outreach/usecases/revealContact.usecase'

const NOW = '2026-11-18T10:00:00+08:00'
jest.setTimeout(120_000)
let emu: TestEmulator
const db = () => emu.sdk().database()

beforeAll(async () => {
  emu = await startEmulator({ seed: { now: new Date(NOW) } })
  await emu.setClock(NOW)
}, 120_000)
afterAll(async () => {
  await emu?.stop()
})

const snapshot = () => writeSnapshot(emu)

async function aUser(openid: string, fields: Record<string, unknown>) {
  const at = NOW
  await db()
    .collection('users')
    .doc(openid)
    .set({ roles: ['resident'], personId: null, createdAt: at, updatedAt: at, ...fields })
}
const auditOf = async (actor: string, event: string) =>
  (await db().collection('audit_logs').where({ actor, event }).orderBy('atMs', 'asc').limit(1000).get()).data as {
    outcome: string
    targetId?: string
    detail?: Record<string, unknown>
  }[]

const actions = Object.entries(registry).flatMap(([fn, mod]) =>
  Object.entries(mod.actions as Record<string, ActionSpec>).map(([action, spec]) => ({
    fn,
    action,
    spec,
    key: `${fn}.${action}`,
  })),
)

describe('blocking an account removes every privileged power, reads included', () => {
  const BLOCKED = 'o_hardening_blocked_staff'
  beforeAll(async () => {
    await aUser(BLOCKED, {
      roles: ['resident', 'grid', 'handler', 'admin'],
      gridCodes: ['370102001-01'],
      departmentId: 'dept_370102_hrss',
      blocked: true,
    })
  })

  test('given a blocked account holding every role, when it calls any write or staff action not declared whenBlocked, then FORBIDDEN (blocked) and nothing is written but the audit of an audited attempt', async () => {
    const refused = actions.filter((a) => blockStops(a.spec))
    expect(refused.map((a) => a.key)).toEqual(
      expect.arrayContaining([
        'outreach.revealContact',
        'outreach.myList',
        'feedback.revealContact',
        'feedback.inbox',
        'privacy.auditLog',
        'user.setRoles',
        'job.applications',
        'training.roster',
      ]),
    )
    const failures: string[] = []
    for (const a of refused) {
      const before = snapshot()
      const r = await emu.call(BLOCKED, a.fn, { ...a.spec.example, action: a.action })
      if (r.ok !== false || r.error.code !== 'FORBIDDEN' || r.error.details?.stage !== 'blocked')
        failures.push(`${a.key}: ${JSON.stringify(r).slice(0, 120)}`)
      const changed = changedCollections(before, snapshot())
      const allowedTrail = a.spec.auditAttempts ? ['audit_logs'] : []
      if (changed.some((c) => !allowedTrail.includes(c))) failures.push(`${a.key} wrote ${changed.join(', ')}`)
    }
    expect(failures).toEqual([])
  })

  test('given a blocked account, then its own data rights still work (login, profile, export, deletion request)', async () => {
    for (const [fn, action] of [
      ['user', 'login'],
      ['user', 'getProfile'],
      ['privacy', 'exportMyData'],
      ['privacy', 'myRequests'],
      ['notify', 'messages'],
      ['notify', 'markRead'],
    ]) {
      const r = await emu.call(BLOCKED, fn, { action })
      expect({ key: `${fn}.${action}`, ok: r.ok }).toEqual({ key: `${fn}.${action}`, ok: true })
    }
  })

  test('given the blocked grid worker asks for a phone number, then the refusal is audited as an attempt', async () => {
    await emu.call(BLOCKED, 'outreach', { action: 'revealContact', personId: 'p_demo_g1_01' })
    expect(await auditOf(BLOCKED, 'outreach.revealContact')).toEqual(
      expect.arrayContaining([expect.objectContaining({ outcome: 'denied', detail: { reason: 'FORBIDDEN' } })]),
    )
  })
})

describe('timer triggers are recognised from the platform context only', () => {
  test.each([
    ['notify', 'dispatch'],
    ['feedback', 'recheck'],
    ['feedback', 'escalate'],
    ['privacy', 'retention'],
  ])(
    'given an anonymous or resident caller sending Type: Timer for %s.%s, then an unknown action and nothing written',
    async (fn, name) => {
      const before = snapshot()
      for (const who of [null, 'o_demo_resident']) {
        const r = await emu.call(who, fn, { Type: 'Timer', TriggerName: name, Time: '2026-11-18T02:00:00Z' })
        expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: '未知的操作' } })
      }
      expect(changedCollections(before, snapshot())).toEqual([])
    },
  )
})

describe('phone-number reveals: rate-limited, capped per day, every attempt audited', () => {
  const GRIDW = 'o_hardening_grid'
  const STREET = 'o_hardening_street'
  beforeAll(async () => {
    await aUser(GRIDW, { roles: ['resident', 'grid'], gridCodes: ['370102001-01'] })
    await aUser(STREET, { roles: ['resident', 'grid'], gridCodes: ['370102001'] })
  })

  test('given an id that does not exist, then NOT_FOUND is audited like a FORBIDDEN', async () => {
    expect(await emu.call(GRIDW, 'outreach', { action: 'revealContact', personId: 'p_no_such_person' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(
      await emu.call('o_demo_handler', 'feedback', { action: 'revealContact', trackingNo: 'F261118ZZZZZZ' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await auditOf(GRIDW, 'outreach.revealContact')).toEqual([
      expect.objectContaining({
        outcome: 'denied',
        targetId: 'p_no_such_person',
        detail: expect.objectContaining({ reason: 'NOT_FOUND' }),
      }),
    ])
    expect(await auditOf('o_demo_handler', 'feedback.revealContact')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ outcome: 'denied', detail: expect.objectContaining({ reason: 'NOT_FOUND' }) }),
      ]),
    )
  })

  test('given a street-level worker, then the audit shows the wider scope and their reveals stop at the street daily cap, the refusals audited', async () => {
    const first = await emu.call(STREET, 'outreach', { action: 'revealContact', personId: 'p_demo_g1_01' })
    expect(first).toMatchObject({ ok: true })
    const [ok] = await auditOf(STREET, 'outreach.revealContact')
    expect(ok).toMatchObject({ outcome: 'ok', detail: { scope: 'street' } })
    expect(Number(ok.detail?.gridsInScope)).toBeGreaterThan(1)
    const answers: string[] = []
    // spread over hours so that the hourly limit (60) is not what stops them
    for (let i = 1; i < STREET_REVEALS_PER_DAY + 2; i++) {
      if (i % 50 === 0) await emu.advance(3_600_000)
      const r = await emu.call(STREET, 'outreach', { action: 'revealContact', personId: 'p_demo_g1_01' })
      answers.push(r.ok ? 'ok' : r.error.code)
    }
    expect(answers.filter((a) => a === 'ok')).toHaveLength(STREET_REVEALS_PER_DAY - 1)
    expect(answers.slice(STREET_REVEALS_PER_DAY - 1)).toEqual(['RATE_LIMITED', 'RATE_LIMITED'])
    const denied = (await auditOf(STREET, 'outreach.revealContact')).filter((e) => e.outcome === 'denied')
    expect(denied.map((e) => e.detail?.reason)).toEqual(['streetDailyCap', 'streetDailyCap'])
  }, 120_000)

  test('given a grid worker over the hourly limit, then RATE_LIMITED and the refused attempt is audited', async () => {
    const answers: string[] = []
    for (let i = 0; i < 61; i++) {
      const r = await emu.call(GRIDW, 'outreach', { action: 'revealContact', personId: 'p_demo_g1_02' })
      answers.push(r.ok ? 'ok' : r.error.code)
    }
    expect(answers.slice(-1)).toEqual(['RATE_LIMITED'])
    const log = await auditOf(GRIDW, 'outreach.revealContact')
    expect(log[log.length - 1]).toMatchObject({ outcome: 'denied', detail: { reason: 'RATE_LIMITED' } })
  }, 120_000)

  test('given a grid worker across several hours, then the daily cap holds as well', async () => {
    const DAILY = (registry.outreach.actions.revealContact as ActionSpec).rateLimit!.dailyMax!
    const W = 'o_hardening_grid_daily'
    await aUser(W, { roles: ['resident', 'grid'], gridCodes: ['370102001-01'] })
    let ok = 0
    let limited = 0
    for (let i = 0; i < DAILY + 5; i++) {
      if (i % 50 === 49) await emu.advance(3_600_000)
      const r = await emu.call(W, 'outreach', { action: 'revealContact', personId: 'p_demo_g1_03' })
      if (r.ok) ok++
      else if (r.error.code === 'RATE_LIMITED') limited++
    }
    expect({ ok, limited }).toEqual({ ok: DAILY, limited: 5 })
  }, 120_000)
})

describe('public heavy reads are rate-limited, anonymous callers included', () => {
  test('given anonymous callers hammering feedback.stats, then past the shared anonymous limit RATE_LIMITED', async () => {
    const max = (registry.feedback.actions.stats as ActionSpec).rateLimit!.anonymousMax!
    const codes: Record<string, number> = {}
    for (let i = 0; i < max + 10; i += 50) {
      const rs = await Promise.all(
        Array.from({ length: Math.min(50, max + 10 - i) }, () => emu.call(null, 'feedback', { action: 'stats' })),
      )
      for (const r of rs) codes[r.ok ? 'ok' : r.error.code] = (codes[r.ok ? 'ok' : r.error.code] ?? 0) + 1
    }
    expect(codes).toEqual({ ok: max, RATE_LIMITED: 10 })
  }, 120_000)
})

describe('correction requests that carry a number', () => {
  test('given a correction with a phone number written with spaces, then it is stored sealed and listed masked, to the resident and to the admin', async () => {
    const r = await emu.call('o_demo_resident', 'privacy', {
      action: 'requestCorrection',
      field: '手机号',
      correctValue: '新号码 139 1234 5678',
      reason: '旧号 13800001111 已停用',
    })
    expect(r).toMatchObject({ ok: true })
    const [doc] = (await db().collection('privacy_requests').where({ _id: r.data.id }).get()).data as Record<
      string,
      string
    >[]
    expect(JSON.stringify({ ...doc, correctValueEnc: undefined, reasonEnc: undefined })).not.toMatch(
      /1234 5678|13800001111/,
    )
    expect(doc.correctValue).toBe('新号码 139****5678')
    expect(doc.correctValueEnc).toMatch(/^v1:/)
    expect(doc.reasonEnc).toMatch(/^v1:/)
    const listed = await emu.call('o_demo_admin', 'privacy', { action: 'requests', state: 'pending', pageSize: 100 })
    const item = listed.data.items.find((i: { id: string }) => i.id === r.data.id)
    expect(item).toMatchObject({ correctValue: '新号码 139****5678', reason: '旧号 138****1111 已停用' })
  })
})

describe('unbinding a resident', () => {
  const OLD = 'o_demo_resident2'
  test('given queued subscription messages and a message centre, when an admin unbinds the account, then the queue is voided and the old account sees no messages', async () => {
    const nowMs = Date.parse(NOW)
    await db()
      .collection('outbox')
      .add({
        _id: 'hardening:queued:1',
        key: 'hardening:queued:1',
        openid: OLD,
        personId: 'p_x',
        template: 'ZJ_LOCAL_POLICY_MATCH',
        data: {},
        page: null,
        title: '政策匹配',
        body: '您可能符合一项政策',
        fallback: null,
        source: { module: 'policy', refId: 'x' },
        state: 'pending',
        shard: 0,
        attempts: 0,
        createdAt: NOW,
        createdAtMs: nowMs,
        nextAttemptAtMs: nowMs,
        stateChangedAtMs: nowMs,
      })
    const before = await emu.call(OLD, 'notify', { action: 'messages' })
    expect(before.data.items.length).toBeGreaterThan(0)
    const r = await emu.call('o_demo_admin', 'user', {
      action: 'unbindResident',
      openid: OLD,
      reason: '本人到窗口核验身份后申请解绑',
    })
    expect(r).toMatchObject({ ok: true, data: { unbound: true } })
    const [queued] = (await db().collection('outbox').where({ _id: 'hardening:queued:1' }).get()).data as {
      state: string
      openid: string | null
      reason: string
    }[]
    expect(queued).toMatchObject({ state: 'skipped', openid: null, reason: 'unbound' })
    expect((await emu.call(OLD, 'notify', { action: 'messages' })).data.items).toEqual([])
    expect((await emu.call(OLD, 'notify', { action: 'unreadCount' })).data).toMatchObject({ unread: 0 })
  })
})

describe('idempotency claims left pending by a killed invocation', () => {
  const submit = (requestId: string) =>
    emu.call('o_demo_resident', 'feedback', {
      action: 'submit',
      category: 'consultation',
      content: '请问灵活就业社保补贴怎么申请？',
      requestId,
    })
  test('given a pending claim older than the time limit, when the resident retries with the same requestId, then the work completes once', async () => {
    const nowMs = emu.server.now().getTime()
    await db()
      .collection('idempotency')
      .add({
        _id: 'o_demo_resident|feedback.submit|req-stale-claim-1',
        state: 'pending',
        createdAt: NOW,
        createdAtMs: nowMs - 10 * 60_000,
      })
    const r = await submit('req-stale-claim-1')
    expect(r).toMatchObject({ ok: true, data: { trackingNo: expect.any(String) } })
    expect(await submit('req-stale-claim-1')).toEqual(r)
  })
  test('given a pending claim of a live call, then a repeat still answers CONFLICT (not run twice)', async () => {
    const nowMs = emu.server.now().getTime()
    await db()
      .collection('idempotency')
      .add({
        _id: 'o_demo_resident|feedback.submit|req-live-claim-1',
        state: 'pending',
        createdAt: NOW,
        createdAtMs: nowMs - 5_000,
      })
    expect(await submit('req-live-claim-1')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })
})

describe('account deletion', () => {
  const LEAVER = 'o_hardening_leaver'
  test('given a resident with favourites, messages, consents, an application and feedback, when the deletion is carried out, then nothing is left under their openid', async () => {
    const call = (fn: string, data: Record<string, unknown>) => emu.call(LEAVER, fn, data)
    expect(await call('user', { action: 'login' })).toMatchObject({ ok: true })
    const jobs = await emu.call(null, 'job', { action: 'search', sort: 'newest', pageSize: 1 })
    const jobId = jobs.data.items[0].id as string
    expect(await call('job', { action: 'favorite', id: jobId, on: true })).toMatchObject({ ok: true })
    expect(await call('job', { action: 'apply', jobId, requestId: 'req-leaver-apply-1' })).toMatchObject({ ok: true })
    expect(
      await call('notify', { action: 'recordConsent', accepted: ['ZJ_LOCAL_APPLICATION_STATUS'], rejected: [] }),
    ).toMatchObject({ ok: true })
    expect(await call('privacy', { action: 'consent', version: '2026-11-01' })).toMatchObject({ ok: true })
    expect(
      await call('feedback', {
        action: 'submit',
        category: 'suggestion',
        content: '建议延长周末服务时间',
        contactConsent: true,
        contactPhone: '13912345678',
        requestId: 'req-leaver-fb-1',
      }),
    ).toMatchObject({ ok: true })
    const nowMs = emu.server.now().getTime()
    await db().collection('messages').add({
      _id: 'm_hardening_leaver',
      openid: LEAVER,
      key: 'hardening:leaver',
      title: '测试通知',
      body: '您的投递已被查看',
      page: null,
      template: 'ZJ_LOCAL_APPLICATION_STATUS',
      read: false,
      createdAt: NOW,
      createdAtMs: nowMs,
    })
    const req = await call('privacy', { action: 'requestDeletion', reason: '不再使用' })
    expect(req).toMatchObject({ ok: true })
    expect(
      await emu.call('o_demo_admin', 'privacy', {
        action: 'completeRequest',
        id: req.data.id,
        outcome: 'done',
        note: '已核实本人申请',
      }),
    ).toMatchObject({ ok: true })
    const left: Record<string, number> = {}
    for (const c of [
      'favorites',
      'messages',
      'consents',
      'consent_grants',
      'applications',
      'feedback',
      'training_signups',
    ]) {
      const { total } = await db().collection(c).where({ openid: LEAVER }).count()
      left[c] = Number(total)
    }
    expect(left).toEqual({
      favorites: 0,
      messages: 0,
      consents: 0,
      consent_grants: 0,
      applications: 0,
      feedback: 0,
      training_signups: 0,
    })
    const fb = (await db().collection('feedback').where({ content: '建议延长周末服务时间' }).get()).data as Record<
      string,
      unknown
    >[]
    expect(fb.map((f) => [f.contactPhone, f.contactPhoneEnc, f.contactConsent])).toEqual([
      [undefined, undefined, false],
    ])
  })
})

describe('one content-check rule where free text enters', () => {
  test.each([
    ['privacy', 'requestCorrection', { field: '住址', correctValue: '违规测试内容', reason: '搬家了' }, 'correctValue'],
    ['user', 'updateProfile', { nickname: '违规测试' }, 'nickname'],
  ] as const)(
    'given %s.%s with a risky declared text, then CONTENT_REJECTED naming the field and nothing written',
    async (fn, action, payload, field) => {
      const before = snapshot()
      const r = await emu.call('o_demo_resident', fn, { action, ...payload })
      expect(r).toMatchObject({
        ok: false,
        error: {
          code: 'CONTENT_REJECTED',
          details: { stage: 'content', fields: [expect.objectContaining({ path: field })] },
        },
      })
      expect(r.error.details.fields.map((f: { path: string }) => f.path)).toEqual([field])
      // only the trail of an admitted call: its rate-limit counter (kept on the user record)
      const limited = !!(registry as Record<string, { actions: Record<string, ActionSpec> }>)[fn].actions[action]
        .rateLimit
      expect(
        changedCollections(before, snapshot()).filter((c) => !(limited && ['users', 'rate_limits'].includes(c))),
      ).toEqual([])
    },
  )

  test('given the content check is unavailable, then UPSTREAM_UNAVAILABLE and the text is not stored unchecked', async () => {
    await emu.admin('/_emulator/faults', { service: 'wechat', mode: 'fail', count: 5 })
    try {
      const r = await emu.call('o_demo_resident', 'privacy', { action: 'requestDeletion', reason: '不再使用这个账号' })
      expect(r).toMatchObject({ ok: false, error: { code: 'UPSTREAM_UNAVAILABLE' } })
    } finally {
      await new Promise<void>((resolve, reject) => {
        const req = http.request(`${emu.url}/_emulator/faults`, { method: 'DELETE' }, (res) => {
          res.resume()
          res.on('end', () => resolve())
        })
        req.on('error', reject)
        req.end()
      })
    }
  })
})
