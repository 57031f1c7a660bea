/**
 * Hardening (issue 17), one block per defect class, through the real SDK against the emulator: what an attacker
 * would try and what the suite did not catch before. The seed and the emulator clock are pinned together.
 */
import { registry } from '../../shared/actions/index'
import type { ActionSpec } from '../../shared/actions/define'
import { startEmulator, type TestEmulator } from '../helpers/emulator'
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

/** Per collection: count, sum and max of the store's write versions. */
function snapshot(): Record<string, string> {
  const store = emu.server.store()
  const out: Record<string, string> = {}
  for (const name of store.listCollections()) {
    const table = store.meta(name).table
    const row = store.db.prepare(`SELECT COUNT(*) AS n, COALESCE(SUM(v % 2147483647), 0) AS s, COALESCE(MAX(v), 0) AS m FROM "${table.replace(/"/g, '""')}"`).get() as { n: number; s: number; m: number }
    out[name] = `${row.n}/${row.s}/${row.m}`
  }
  return out
}
const changedCollections = (a: Record<string, string>, b: Record<string, string>) => Object.keys({ ...a, ...b }).filter((k) => a[k] !== b[k]).sort()

async function aUser(openid: string, fields: Record<string, unknown>) {
  const at = NOW
  await db().collection('users').doc(openid).set({ roles: ['resident'], personId: null, createdAt: at, updatedAt: at, ...fields })
}
const auditOf = async (actor: string, event: string) =>
  (await db().collection('audit_logs').where({ actor, event }).orderBy('atMs', 'asc').limit(1000).get()).data as { outcome: string; targetId?: string; detail?: Record<string, unknown> }[]

const actions = Object.entries(registry).flatMap(([fn, mod]) =>
  Object.entries(mod.actions as Record<string, ActionSpec>).map(([action, spec]) => ({ fn, action, spec, key: `${fn}.${action}` })),
)

describe('blocking an account removes every privileged power, reads included', () => {
  const BLOCKED = 'o_hardening_blocked_staff'
  beforeAll(async () => {
    await aUser(BLOCKED, { roles: ['resident', 'grid', 'handler', 'admin'], gridCodes: ['370102001-01'], departmentId: 'dept_370102_hrss', blocked: true })
  })

  test('given a blocked account holding every role, when it calls any write or staff action not declared whenBlocked, then FORBIDDEN (blocked) and nothing is written but the audit of an audited attempt', async () => {
    const refused = actions.filter((a) => blockStops(a.spec))
    expect(refused.map((a) => a.key)).toEqual(expect.arrayContaining(['outreach.revealContact', 'outreach.myList', 'feedback.revealContact', 'feedback.inbox', 'privacy.auditLog', 'user.setRoles', 'job.applications', 'training.roster']))
    const failures: string[] = []
    for (const a of refused) {
      const before = snapshot()
      const r = await emu.call(BLOCKED, a.fn, { ...a.spec.example, action: a.action })
      if (r.ok !== false || r.error.code !== 'FORBIDDEN' || r.error.details?.stage !== 'blocked') failures.push(`${a.key}: ${JSON.stringify(r).slice(0, 120)}`)
      const changed = changedCollections(before, snapshot())
      const allowedTrail = a.spec.auditAttempts ? ['audit_logs'] : []
      if (changed.some((c) => !allowedTrail.includes(c))) failures.push(`${a.key} wrote ${changed.join(', ')}`)
    }
    expect(failures).toEqual([])
  })

  test('given a blocked account, then its own data rights still work (login, profile, export, deletion request)', async () => {
    for (const [fn, action] of [['user', 'login'], ['user', 'getProfile'], ['privacy', 'exportMyData'], ['privacy', 'myRequests'], ['notify', 'messages'], ['notify', 'markRead']]) {
      const r = await emu.call(BLOCKED, fn, { action })
      expect({ key: `${fn}.${action}`, ok: r.ok }).toEqual({ key: `${fn}.${action}`, ok: true })
    }
  })

  test('given the blocked grid worker asks for a phone number, then the refusal is audited as an attempt', async () => {
    await emu.call(BLOCKED, 'outreach', { action: 'revealContact', personId: 'p_demo_g1_01' })
    expect(await auditOf(BLOCKED, 'outreach.revealContact')).toEqual(expect.arrayContaining([expect.objectContaining({ outcome: 'denied', detail: { reason: 'FORBIDDEN' } })]))
  })
})

describe('timer triggers are recognised from the platform context only', () => {
  test.each([
    ['notify', 'dispatch'], ['feedback', 'recheck'], ['feedback', 'escalate'], ['privacy', 'retention'],
  ])('given an anonymous or resident caller sending Type: Timer for %s.%s, then an unknown action and nothing written', async (fn, name) => {
    const before = snapshot()
    for (const who of [null, 'o_demo_resident']) {
      const r = await emu.call(who, fn, { Type: 'Timer', TriggerName: name, Time: '2026-11-18T02:00:00Z' })
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: '未知的操作' } })
    }
    expect(changedCollections(before, snapshot())).toEqual([])
  })
})

describe('phone-number reveals: rate-limited, capped per day, every attempt audited', () => {
  const GRIDW = 'o_hardening_grid'
  const STREET = 'o_hardening_street'
  beforeAll(async () => {
    await aUser(GRIDW, { roles: ['resident', 'grid'], gridCodes: ['370102001-01'] })
    await aUser(STREET, { roles: ['resident', 'grid'], gridCodes: ['370102001'] })
  })

  test('given an id that does not exist, then NOT_FOUND is audited like a FORBIDDEN', async () => {
    expect(await emu.call(GRIDW, 'outreach', { action: 'revealContact', personId: 'p_no_such_person' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await emu.call('o_demo_handler', 'feedback', { action: 'revealContact', trackingNo: 'F261118ZZZZZZ' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await auditOf(GRIDW, 'outreach.revealContact')).toEqual([expect.objectContaining({ outcome: 'denied', targetId: 'p_no_such_person', detail: expect.objectContaining({ reason: 'NOT_FOUND' }) })])
    expect(await auditOf('o_demo_handler', 'feedback.revealContact')).toEqual(expect.arrayContaining([expect.objectContaining({ outcome: 'denied', detail: expect.objectContaining({ reason: 'NOT_FOUND' }) })]))
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
      const rs = await Promise.all(Array.from({ length: Math.min(50, max + 10 - i) }, () => emu.call(null, 'feedback', { action: 'stats' })))
      for (const r of rs) codes[r.ok ? 'ok' : r.error.code] = (codes[r.ok ? 'ok' : r.error.code] ?? 0) + 1
    }
    expect(codes).toEqual({ ok: max, RATE_LIMITED: 10 })
  }, 120_000)
})

describe('correction requests that carry a number', () => {
  test('given a correction with a phone number written with spaces, then it is stored sealed and listed masked, to the resident and to the admin', async () => {
    const r = await emu.call('o_demo_resident', 'privacy', { action: 'requestCorrection', field: '手机号', correctValue: '新号码 139 1234 5678', reason: '旧号 13800001111 已停用' })
    expect(r).toMatchObject({ ok: true })
    const [doc] = (await db().collection('privacy_requests').where({ _id: r.data.id }).get()).data as Record<string, string>[]
    expect(JSON.stringify({ ...doc, correctValueEnc: undefined, reasonEnc: undefined })).not.toMatch(/1234 5678|13800001111/)
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
    await db().collection('outbox').add({ _id: 'hardening:queued:1', key: 'hardening:queued:1', openid: OLD, personId: 'p_x', template: 'ZJ_LOCAL_POLICY_MATCH', data: {}, page: null, title: '政策匹配', body: '您可能符合一项政策', fallback: null, source: { module: 'policy', refId: 'x' }, state: 'pending', shard: 0, attempts: 0, createdAt: NOW, createdAtMs: nowMs, nextAttemptAtMs: nowMs, stateChangedAtMs: nowMs })
    const before = await emu.call(OLD, 'notify', { action: 'messages' })
    expect(before.data.items.length).toBeGreaterThan(0)
    const r = await emu.call('o_demo_admin', 'user', { action: 'unbindResident', openid: OLD, reason: '本人到窗口核验身份后申请解绑' })
    expect(r).toMatchObject({ ok: true, data: { unbound: true } })
    const [queued] = (await db().collection('outbox').where({ _id: 'hardening:queued:1' }).get()).data as { state: string; openid: string | null; reason: string }[]
    expect(queued).toMatchObject({ state: 'skipped', openid: null, reason: 'unbound' })
    expect((await emu.call(OLD, 'notify', { action: 'messages' })).data.items).toEqual([])
    expect((await emu.call(OLD, 'notify', { action: 'unreadCount' })).data).toMatchObject({ unread: 0 })
  })
})
