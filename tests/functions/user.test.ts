/**
 * The user function through the real SDK against the local emulator: profile, preferences, the real-name
 * binding and its defences (checksum, blind-index lookup, one openid per person, failure limit, audit),
 * and the admin's setRoles / unbindResident.
 */
import { startEmulator, type TestEmulator } from '../helpers/emulator'
import { demoIdentityCards } from '../../mock/seed/base/demo'
import { findUnmaskedPii } from '../../shared/mask'

let emu: TestEmulator
/** Pinned with the seed (a Wednesday 10:00 China time, a working day): nothing here follows the real date or hour. */
const NOW = '2026-12-02T10:00:00+08:00'
const cards = demoIdentityCards(Date.parse(NOW))
let n = 0
/** A fresh WeChat user (every openid is a resident on its first call). */
const aNewOpenid = (label: string) => `o_test_${label}_${++n}`

beforeAll(async () => {
  emu = await startEmulator({ now: NOW })
}, 120_000)
afterAll(async () => {
  await emu?.stop()
})

const call = (openid: string | null, action: string, data: Record<string, unknown> = {}) =>
  emu.call(openid, 'user', { action, ...data })
const db = () => emu.sdk(null).database()
async function auditOf(actor: string, event: string) {
  const res = await db().collection('audit_logs').where({ actor, event }).limit(100).get()
  return res.data as { outcome: string; detail: Record<string, unknown>; targetId?: string }[]
}

describe('profile', () => {
  test('given the demo resident, when they open their profile, then they see their bound record with identifiers masked', async () => {
    const r = await call('o_demo_resident', 'getProfile')
    expect(r.ok).toBe(true)
    const p = r.data.person
    expect(r.data.bound).toBe(true)
    expect(p.residenceRegion).toBe('370102')
    expect(p.residenceRegionName).toContain('历下区')
    expect(p.registeredUnemployed).toBe(true)
    expect(p.keyGroups.map((k: { code: string }) => k.code)).toEqual(
      expect.arrayContaining(['registeredUnemployed', 'recentGraduate']),
    )
    expect(p.idNumber).toMatch(/^3701\*{10}\d{3}[\dX]$/)
    expect(p.phone).toMatch(/^1\d{2}\*{4}\d{4}$/)
    expect(findUnmaskedPii(r)).toEqual([])
  })

  test('given the database briefly unavailable, when a resident opens their profile, then they are told to retry, and the retry works', async () => {
    await emu.admin('/_emulator/faults', { service: 'database', mode: 'fail', count: 1 })
    const r = await call('o_demo_resident', 'getProfile')
    expect(r).toMatchObject({ ok: false, error: { code: 'UPSTREAM_UNAVAILABLE' } })
    expect((await call('o_demo_resident', 'getProfile')).ok).toBe(true)
  })

  test('given a WeChat user never seen before, when they log in, then they are a resident without a bound record', async () => {
    const r = await call(aNewOpenid('login'), 'login')
    expect(r).toMatchObject({ ok: true, data: { roles: ['resident'], bound: false, person: null } })
  })

  test('given an anonymous caller, when they ask for a profile, then they are asked to log in', async () => {
    const r = await call(null, 'getProfile')
    expect(r.ok).toBe(false)
    expect(r.error.code).toBe('UNAUTHENTICATED')
  })

  test('given a resident, when they update their preferences, then the profile keeps them and other fields stay', async () => {
    const me = aNewOpenid('prefs')
    expect((await call(me, 'updateProfile', { nickname: '小王', largeFont: true })).ok).toBe(true)
    const r = await call(me, 'updateProfile', {
      skills: ['电焊', '叉车驾驶'],
      expectedSalaryMin: 5000,
      education: 'college',
    })
    expect(r.ok).toBe(true)
    const again = await call(me, 'getProfile')
    expect(again.data.profile).toEqual({
      nickname: '小王',
      largeFont: true,
      skills: ['电焊', '叉车驾驶'],
      expectedSalaryMin: 5000,
      education: 'college',
    })
  })

  test('given a resident, when they send an unknown education value, then nothing changes and they are told what is wrong', async () => {
    const me = aNewOpenid('badprefs')
    await call(me, 'updateProfile', { nickname: '原名' })
    const r = await call(me, 'updateProfile', { nickname: '新名', education: 'phd-ish' })
    expect(r.error.code).toBe('VALIDATION_FAILED')
    expect((await call(me, 'getProfile')).data.profile.nickname).toBe('原名')
  })
})

describe('bindResident', () => {
  test('given an unbound person, when a resident binds with their name and ID number (lower-case x), then the record is theirs and the attempt is audited masked', async () => {
    const me = aNewOpenid('bind')
    const card = cards.p_demo_bind3
    expect(card.idNumber.endsWith('X')).toBe(true)
    await emu.admin('/_emulator/stats/reset', {})
    const r = await call(me, 'bindResident', { name: card.name, idNumber: card.idNumber.toLowerCase() })
    expect(r).toMatchObject({
      ok: true,
      data: {
        bound: true,
        person: {
          personId: 'p_demo_bind3',
          name: card.name[0] + '*'.repeat(Array.from(card.name).length - 2) + Array.from(card.name).slice(-1)[0],
        },
      },
    })
    expect(r.data.person.idNumber).not.toContain(card.idNumber.slice(6, 14))
    expect(findUnmaskedPii(r)).toEqual([])
    // the lookup used the idHash index, never a scan of persons
    const stats = await emu.admin<{ recent: { collection: string; plan: string }[] }>('/_emulator/stats')
    expect(stats.recent.filter((p) => p.collection === 'persons').map((p) => p.plan)).not.toContain('scan')
    expect((await call(me, 'getProfile')).data).toMatchObject({ bound: true, person: { personId: 'p_demo_bind3' } })
    const entries = await auditOf(me, 'user.bindResident.attempt')
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ outcome: 'ok', targetId: 'p_demo_bind3' })
    expect(JSON.stringify(entries[0])).not.toContain(card.idNumber.slice(6, 14))
    // binding the same person again is harmless
    expect((await call(me, 'bindResident', { name: card.name, idNumber: card.idNumber })).ok).toBe(true)
  })

  test('given an ID number with a wrong check character, when a resident binds, then they get a clear Chinese message and nothing is recorded', async () => {
    const me = aNewOpenid('checksum')
    const good = cards.p_demo_g1_01.idNumber
    const wrong = good.slice(0, 17) + (good[17] === '1' ? '2' : '1')
    const r = await call(me, 'bindResident', { name: '张建国', idNumber: wrong })
    expect(r.error.code).toBe('VALIDATION_FAILED')
    expect(r.error.message).toContain('校验位')
    const short = await call(me, 'bindResident', { name: '张建国', idNumber: '37010219720403' })
    expect(short.error.message).toContain('18位')
    const attempts = await db().collection('bind_attempts').where({ openid: me }).count()
    expect(attempts.total).toBe(0)
  })

  test('given wrong names, when a resident fails five times in a day, then even the right data is refused until the next day', async () => {
    const me = aNewOpenid('limit')
    const card = cards.p_demo_g1_02
    const unknownButValid = cards.p_demo_g1_03.idNumber.slice(0, 6) + '19900101001'
    const fixCheck = (first17: string) =>
      first17 +
      '10X98765432'[
        [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2].reduce((s, w, i) => s + w * Number(first17[i]), 0) % 11
      ]
    const messages: string[] = []
    for (let i = 0; i < 5; i++) {
      const r =
        i === 0
          ? await call(me, 'bindResident', { name: '不存在', idNumber: fixCheck(unknownButValid) })
          : await call(me, 'bindResident', { name: '刘芳芳', idNumber: card.idNumber })
      expect(r.error.code).toBe('NOT_FOUND')
      messages.push(r.error.message)
    }
    // "no such record" and "wrong name" read the same (no probing of who is registered)
    expect(messages[0].replace(/\d/g, '')).toBe(messages[1].replace(/\d/g, ''))
    expect(messages[0]).toContain('还可尝试4次')
    const blocked = await call(me, 'bindResident', { name: card.name, idNumber: card.idNumber })
    expect(blocked.error.code).toBe('RATE_LIMITED')
    expect(blocked.error.message).toContain('服务窗口')
    const entries = await auditOf(me, 'user.bindResident.attempt')
    expect(entries.map((e) => e.detail.result).sort()).toEqual([
      'notMatched',
      'notMatched',
      'notMatched',
      'notMatched',
      'notMatched',
      'rateLimited',
    ])
    expect(findUnmaskedPii(entries)).toEqual([])
    // 24 hours later the resident may try again
    await emu.advance(24 * 3600_000 + 60_000)
    try {
      const later = await call(me, 'bindResident', { name: card.name, idNumber: card.idNumber })
      expect(later).toMatchObject({ ok: true, data: { person: { personId: 'p_demo_g1_02' } } })
    } finally {
      await emu.admin('/_emulator/clock', { advanceMs: -(24 * 3600_000 + 60_000) })
    }
  })

  test('given a person bound to another WeChat account, when someone else binds with their data, then they are sent to a service window', async () => {
    const card = cards.p_demo_resident
    const r = await call(aNewOpenid('thief'), 'bindResident', { name: card.name, idNumber: card.idNumber })
    expect(r.error.code).toBe('CONFLICT')
    expect(r.error.message).toContain('服务窗口')
    expect((await call('o_demo_resident', 'getProfile')).data.person.personId).toBe('p_demo_resident')
  })

  test('given a resident already bound, when they bind another person, then it is refused', async () => {
    const card = cards.p_demo_g1_04
    const r = await call('o_demo_resident2', 'bindResident', { name: card.name, idNumber: card.idNumber })
    expect(r.error.code).toBe('CONFLICT')
    expect((await call('o_demo_resident2', 'getProfile')).data.person.personId).toBe('p_demo_resident2')
  })

  test('given two accounts racing for one person, when both bind at once, then exactly one wins', async () => {
    const card = cards.p_demo_bind2
    const a = aNewOpenid('raceA'),
      b = aNewOpenid('raceB')
    const [ra, rb] = await Promise.all(
      [a, b].map((o) => call(o, 'bindResident', { name: card.name, idNumber: card.idNumber })),
    )
    expect([ra.ok, rb.ok].filter(Boolean)).toHaveLength(1)
    const loser = ra.ok ? rb : ra
    expect(loser.error.code).toBe('CONFLICT')
    const holders = await db().collection('users').where({ personId: 'p_demo_bind2' }).count()
    expect(holders.total).toBe(1)
  })

  test('given one account binding two people at once, when both requests race, then the account ends up with exactly one person', async () => {
    const me = aNewOpenid('double')
    const [a, b] = [cards.p_demo_g2_04, cards.p_demo_g2_05]
    const [ra, rb] = await Promise.all(
      [a, b].map((c) => call(me, 'bindResident', { name: c.name, idNumber: c.idNumber })),
    )
    expect([ra.ok, rb.ok].filter(Boolean)).toHaveLength(1)
    const mine = (await call(me, 'getProfile')).data.person.personId
    const held = await db().collection('persons').where({ boundOpenid: me }).get()
    expect((held.data as { _id: string }[]).map((p) => p._id)).toEqual([mine])
  })

  test('given a lost phone, when an admin releases the old account at the window, then the person binds from the new account', async () => {
    const card = cards.p_demo_bind1
    const oldPhone = aNewOpenid('old'),
      newPhone = aNewOpenid('new')
    expect((await call(oldPhone, 'bindResident', { name: card.name, idNumber: card.idNumber })).ok).toBe(true)
    expect((await call(newPhone, 'bindResident', { name: card.name, idNumber: card.idNumber })).error.code).toBe(
      'CONFLICT',
    )
    expect((await call('o_demo_resident', 'unbindResident', { openid: oldPhone, reason: '手机丢失' })).error.code).toBe(
      'FORBIDDEN',
    )
    const un = await call('o_demo_admin', 'unbindResident', {
      openid: oldPhone,
      reason: '本人持身份证到窗口办理，旧手机丢失',
    })
    expect(un).toMatchObject({ ok: true, data: { unbound: true } })
    expect((await call(oldPhone, 'getProfile')).data.bound).toBe(false)
    expect((await call(newPhone, 'bindResident', { name: card.name, idNumber: card.idNumber })).ok).toBe(true)
    expect(await auditOf('o_demo_admin', 'user.unbindResident')).toEqual(
      expect.arrayContaining([expect.objectContaining({ targetId: 'p_demo_bind1', outcome: 'ok' })]),
    )
  })
})

describe('setRoles', () => {
  test('given an admin, when they make someone a grid worker of a grid, then that user has the role and the grid, audited', async () => {
    const worker = aNewOpenid('worker')
    const r = await call('o_demo_admin', 'setRoles', { openid: worker, roles: ['grid'], gridCodes: ['370102003-01'] })
    expect(r).toMatchObject({ ok: true, data: { roles: ['resident', 'grid'], gridCodes: ['370102003-01'] } })
    expect((await call(worker, 'getProfile')).data).toMatchObject({
      roles: ['resident', 'grid'],
      gridCodes: ['370102003-01'],
    })
    const entries = await auditOf('o_demo_admin', 'user.setRoles')
    expect(entries.find((e) => (e as { targetId?: string }).targetId === worker)).toBeTruthy()
  })

  test('given an admin, when a grid does not exist or a handler has no department, then nothing changes', async () => {
    const someone = aNewOpenid('nogrid')
    expect(
      (await call('o_demo_admin', 'setRoles', { openid: someone, roles: ['grid'], gridCodes: ['999999999-99'] })).error
        .code,
    ).toBe('NOT_FOUND')
    expect((await call('o_demo_admin', 'setRoles', { openid: someone, roles: ['handler'] })).error.code).toBe(
      'VALIDATION_FAILED',
    )
    expect((await call(someone, 'getProfile')).data.roles).toEqual(['resident'])
  })

  test('given a resident or a handler, when they try to set roles, then it is forbidden', async () => {
    for (const who of ['o_demo_resident', 'o_demo_handler', 'o_demo_grid']) {
      const r = await call(who, 'setRoles', { openid: who, roles: ['admin'] })
      expect(r.error.code).toBe('FORBIDDEN')
    }
    expect((await call('o_demo_resident', 'getProfile')).data.roles).toEqual(['resident'])
  })

  test('given the only admin, when they remove their own admin role, then it is refused', async () => {
    const r = await call('o_demo_admin', 'setRoles', { openid: 'o_demo_admin', roles: ['resident'] })
    expect(r.error.code).toBe('CONFLICT')
    expect((await call('o_demo_admin', 'getProfile')).data.roles).toContain('admin')
  })
})

describe('getRoles (read before setRoles)', () => {
  test('given a grid worker, when an admin looks up their openid, then their roles, grids and department are answered and nothing changes', async () => {
    const worker = aNewOpenid('lookup')
    await call('o_demo_admin', 'setRoles', {
      openid: worker,
      roles: ['grid', 'handler'],
      gridCodes: ['370102003-01'],
      departmentId: 'dept_370102',
    })
    const r = await call('o_demo_admin', 'getRoles', { openid: worker })
    expect(r).toMatchObject({
      ok: true,
      data: {
        openid: worker,
        exists: true,
        roles: ['resident', 'grid', 'handler'],
        gridCodes: ['370102003-01'],
        departmentId: 'dept_370102',
      },
    })
    expect(r.data.departments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'dept_370102', name: expect.stringMatching(/[\u4e00-\u9fa5]/) }),
      ]),
    )
    expect((await call(worker, 'getProfile')).data).toMatchObject({
      roles: ['resident', 'grid', 'handler'],
      gridCodes: ['370102003-01'],
    })
  })

  test('given an openid never seen, when an admin looks it up, then it is answered as not existing and no user is created', async () => {
    const nobody = aNewOpenid('nobody')
    const r = await call('o_demo_admin', 'getRoles', { openid: nobody })
    expect(r).toMatchObject({
      ok: true,
      data: { exists: false, roles: ['resident'], gridCodes: [], departmentId: null },
    })
    expect((await db().collection('users').doc(nobody).get()).data).toHaveLength(0)
  })

  test('given a resident or a handler, when they look up roles, then it is forbidden', async () => {
    for (const who of ['o_demo_resident', 'o_demo_handler']) {
      expect((await call(who, 'getRoles', { openid: 'o_demo_grid' })).error.code).toBe('FORBIDDEN')
    }
  })
})
