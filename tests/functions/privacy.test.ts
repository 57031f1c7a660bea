/** Residents' rights and admin tools through the real SDK: guide and consent, export, requests, blocks, audit, retention. */
import { startEmulator } from '../helpers/emulator'

type Emu = Awaited<ReturnType<typeof startEmulator>>
let emu: Emu
/** Pinned with the seed (a Wednesday 10:00 China time, a working day): nothing here follows the real date or hour. */
const NOW = '2026-12-02T10:00:00+08:00'
beforeAll(async () => {
  emu = await startEmulator({ now: NOW })
}, 120_000)
afterAll(async () => {
  await emu?.stop()
})
const db = () => emu.sdk().database()
const DAY = 86400_000

test('anyone can read the privacy guide; a resident consents to the current version once, an old version is refused', async () => {
  const g = await emu.call(null, 'privacy', { action: 'guide' })
  expect(g).toMatchObject({ ok: true, data: { version: expect.any(String) } })
  expect(JSON.stringify(g.data.sections)).toContain('身份证号')
  const before = await emu.call('o_p_1', 'privacy', { action: 'status' })
  expect(before).toMatchObject({ ok: true, data: { needsConsent: true, consentedVersion: null } })
  const stale = await emu.call('o_p_1', 'privacy', { action: 'consent', version: '2020-01-01' })
  expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  await emu.call('o_p_1', 'privacy', { action: 'consent', version: g.data.version })
  const after = await emu.call('o_p_1', 'privacy', { action: 'status' })
  expect(after).toMatchObject({ ok: true, data: { needsConsent: false, consentedVersion: g.data.version } })
})

test('a bound resident exports their own data with their own numbers in full, and the export is audited', async () => {
  const r = await emu.call('o_demo_resident', 'privacy', { action: 'exportMyData' })
  expect(r.ok).toBe(true)
  expect(r.data.person.idNumber).toMatch(/^\d{17}[\dX]$/)
  expect(r.data.person.phone).toMatch(/^1\d{10}$/)
  expect(r.data.person.idHash).toBeUndefined()
  const profile = await emu.call('o_demo_resident', 'user', { action: 'getProfile' })
  expect(JSON.stringify(profile)).not.toContain(r.data.person.idNumber)
  const audited = await db()
    .collection('audit_logs')
    .where({ event: 'privacy.exportMyData', actor: 'o_demo_resident' })
    .count()
  expect(audited.total).toBe(1)
})

test('a correction request reaches the admin without the requester identity and its outcome reaches the resident', async () => {
  const req = await emu.call('o_privacy_p2', 'privacy', {
    action: 'requestCorrection',
    field: '学历',
    correctValue: '本科',
    reason: '档案登记为大专，实际已本科毕业',
  })
  expect(req).toMatchObject({ ok: true, data: { state: 'pending', kindLabel: '更正个人信息' } })
  const list = await emu.call('o_demo_admin', 'privacy', { action: 'requests', state: 'pending' })
  const item = list.data.items.find((x: { id: string }) => x.id === req.data.id)
  expect(item).toMatchObject({ correctValue: '本科' })
  expect(JSON.stringify(item)).not.toContain('o_privacy_p2')
  const done = await emu.call('o_demo_admin', 'privacy', {
    action: 'completeRequest',
    id: req.data.id,
    outcome: 'done',
    note: '已核实并更正学历为本科',
  })
  expect(done).toMatchObject({ ok: true, data: { state: 'done' } })
  const again = await emu.call('o_demo_admin', 'privacy', {
    action: 'completeRequest',
    id: req.data.id,
    outcome: 'rejected',
    note: '重复办理',
  })
  expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  const mine = await emu.call('o_privacy_p2', 'privacy', { action: 'myRequests' })
  expect(mine).toMatchObject({
    ok: true,
    data: { items: [{ id: req.data.id, state: 'done', stateLabel: '已办结', note: '已核实并更正学历为本科' }] },
  })
  const msg = await db().collection('messages').where({ openid: 'o_privacy_p2' }).get()
  expect((msg.data as { title: string }[]).some((m) => m.title.includes('已办结'))).toBe(true)
  const forbidden = await emu.call('o_privacy_p2', 'privacy', { action: 'requests' })
  expect(forbidden).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
})

test('a completed deletion unbinds the person, removes personal content and refuses later writes', async () => {
  const bound = await emu.call('o_demo_resident2', 'user', { action: 'getProfile' })
  expect(bound.ok).toBe(true)
  await emu.call('o_demo_resident2', 'job', { action: 'favorite', id: 'nonexistent-job', on: true })
  const req = await emu.call('o_demo_resident2', 'privacy', { action: 'requestDeletion', reason: '不再使用' })
  const twice = await emu.call('o_demo_resident2', 'privacy', { action: 'requestDeletion' })
  expect(twice.data.id).toBe(req.data.id)
  const done = await emu.call('o_demo_admin', 'privacy', {
    action: 'completeRequest',
    id: req.data.id,
    outcome: 'done',
    note: '已注销账号并删除个人信息',
  })
  expect(done).toMatchObject({ ok: true, data: { state: 'done' } })
  const user = (await db().collection('users').doc('o_demo_resident2').get()).data[0]
  expect(user.personId).toBeNull()
  expect(user.deletedAt).toEqual(expect.any(String))
  const person = await db().collection('persons').where({ boundOpenid: 'o_demo_resident2' }).count()
  expect(person.total).toBe(0)
  const write = await emu.call('o_demo_resident2', 'user', { action: 'updateProfile', nickname: '张' })
  expect(write).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
})

test('an admin blocks an account: its writes are refused, reads still work, unblocking restores it; all audited and searchable', async () => {
  await emu.call('o_privacy_blocked3', 'user', { action: 'login' })
  const spam = await emu.call('o_privacy_blocked3', 'feedback', {
    action: 'submit',
    category: 'complaint',
    content: '重复投诉内容重复投诉内容',
    regionCode: '370102',
    requestId: 'spam-before-block-1',
  })
  expect(spam.ok).toBe(true)
  const inboxHas = async () => {
    const r = await emu.call('o_demo_handler', 'feedback', { action: 'inbox', pageSize: 100 })
    return (r.data.items as { trackingNo: string }[]).some((x) => x.trackingNo === spam.data.trackingNo)
  }
  expect(await inboxHas()).toBe(true)
  const b = await emu.call('o_demo_admin', 'privacy', {
    action: 'block',
    openid: 'o_privacy_blocked3',
    reason: '批量刷单',
  })
  expect(b).toMatchObject({ ok: true, data: { blocked: true, heldFeedback: 1 } })
  expect(await inboxHas()).toBe(false)
  const write = await emu.call('o_privacy_blocked3', 'feedback', {
    action: 'submit',
    category: 'suggestion',
    content: '建议增加夜间窗口',
    requestId: 'blocked-req-1',
  })
  expect(write).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  const read = await emu.call('o_privacy_blocked3', 'training', { action: 'search' })
  expect(read.ok).toBe(true)
  await emu.call('o_demo_admin', 'privacy', { action: 'unblock', openid: 'o_privacy_blocked3' })
  expect(await inboxHas()).toBe(true)
  const ok = await emu.call('o_privacy_blocked3', 'user', { action: 'updateProfile', nickname: '小王' })
  expect(ok.ok).toBe(true)
  const log = await emu.call('o_demo_admin', 'privacy', { action: 'auditLog', targetId: 'o_privacy_blocked3' })
  expect(log.data.items.map((x: { event: string }) => x.event)).toEqual(['privacy.unblock', 'privacy.block'])
  const self = await emu.call('o_demo_admin', 'privacy', {
    action: 'block',
    openid: 'o_demo_admin',
    reason: '测试自己',
  })
  expect(self).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
})

test('the retention timer removes audit entries older than a year and keeps those within 180 days', async () => {
  const now = emu.server.now().getTime()
  await db()
    .collection('audit_logs')
    .add([
      { event: 'test.old', atMs: now - 400 * DAY, at: 'old' },
      { event: 'test.recent', atMs: now - 200 * DAY, at: 'recent' },
    ])
  await emu.trigger('privacy', 'retention')
  const old = await db().collection('audit_logs').where({ event: 'test.old' }).count()
  const recent = await db().collection('audit_logs').where({ event: 'test.recent' }).count()
  expect(old.total).toBe(0)
  expect(recent.total).toBe(1)
})

describe('identifiers at rest', () => {
  test("the demo resident's ID and phone numbers appear nowhere in the emulator's database files, only sealed", async () => {
    const exported = await emu.call('o_demo_resident', 'privacy', { action: 'exportMyData' })
    const { idNumber, phone } = exported.data.person as { idNumber: string; phone: string }
    const contact = '13700001111'
    const fb = await emu.call('o_demo_resident', 'feedback', {
      action: 'submit',
      category: 'consultation',
      content: '请问失业登记需要带哪些材料？',
      contactConsent: true,
      contactPhone: contact,
      regionCode: '370102',
      requestId: 'at-rest-contact-1',
    })
    expect(fb.ok).toBe(true)
    const fs = await import('node:fs')
    const path = await import('node:path')
    const files = fs
      .readdirSync(emu.dataDir, { recursive: true })
      .map(String)
      .filter((f) => fs.statSync(path.join(emu.dataDir, f)).isFile())
    expect(files.length).toBeGreaterThan(0)
    for (const f of files) {
      const bytes = fs.readFileSync(path.join(emu.dataDir, f))
      expect(bytes.includes(Buffer.from(idNumber))).toBe(false)
      expect(bytes.includes(Buffer.from(phone))).toBe(false)
      expect(bytes.includes(Buffer.from(contact))).toBe(false)
    }
    const stored = (await db().collection('persons').where({ boundOpenid: 'o_demo_resident' }).get()).data[0]
    expect(stored.idNumberEnc).toMatch(/^v1:/)
    expect(stored.idNumber).toContain('*')
  })

  test('the rekey job seals plaintext left from earlier versions and re-seals everything after a key rotation', async () => {
    const pii = await import('../../cloudfunctions/_core/pii')
    await db().collection('persons').add({
      _id: 'p_legacy_plain',
      name: '王旧档',
      idNumber: '370102199001011237',
      phone: '13912345678',
      gridCode: 'none',
    })
    await emu.trigger('privacy', 'rekey')
    const legacy = (await db().collection('persons').doc('p_legacy_plain').get()).data[0]
    expect(legacy.idNumber).toBe('3701**********1237')
    expect(legacy.phone).toBe('139****5678')
    expect(pii.revealPersonIdentifiers(legacy)).toEqual({ idNumber: '370102199001011237', phone: '13912345678' })

    const saved = { keys: process.env.ZJ_PII_KEYS, id: process.env.ZJ_PII_KEY_ID }
    try {
      process.env.ZJ_PII_KEYS = JSON.stringify({
        [pii.DEV_KEY_ID]: pii.DEV_KEY_BASE64,
        k2026: Buffer.alloc(32, 7).toString('base64'),
      })
      process.env.ZJ_PII_KEY_ID = 'k2026'
      pii.resetKeyring()
      // the job works within a time budget per run and resumes from its checkpoint until the pass is done
      let runs = 0
      let last = ''
      do {
        last = JSON.stringify(await emu.trigger('privacy', 'rekey'))
        runs++
      } while (!last.includes('"done":true') && runs < 20)
      expect(last).toContain('"done":true')
      const after = (await db().collection('persons').doc('p_legacy_plain').get()).data[0]
      expect(pii.sealedKeyId(after.idNumberEnc)).toBe('k2026')
      expect(pii.revealPersonIdentifiers(after)).toEqual({ idNumber: '370102199001011237', phone: '13912345678' })
      const stale = await db()
        .collection('persons')
        .where({ idNumberEnc: db().RegExp({ regexp: '^v1:dev1:' }) })
        .count()
      expect(stale.total).toBe(0)
      const profile = await emu.call('o_demo_resident', 'privacy', { action: 'exportMyData' })
      expect(profile.data.person.idNumber).toMatch(/^\d{17}[\dX]$/)
    } finally {
      if (saved.keys === undefined) delete process.env.ZJ_PII_KEYS
      else process.env.ZJ_PII_KEYS = saved.keys
      if (saved.id === undefined) delete process.env.ZJ_PII_KEY_ID
      else process.env.ZJ_PII_KEY_ID = saved.id
      pii.resetKeyring()
    }
  }, 120_000)
})
