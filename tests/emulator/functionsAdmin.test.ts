/**
 * Functions and admin paths: the CloudBase context each invocation gets (WX_OPENID from x-wx-openid, none
 * without it, never in process.env), timer triggers from cloudbaserc.json, the clock, faults, reset, the
 * refusal of non-loopback network calls. Uses a probe function in a throwaway project root.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startEmulator, type TestEmulator } from '../helpers/emulator'

const SDK = path.resolve(__dirname, '../../node_modules/@cloudbase/node-sdk')
const PROBE = `
const tcb = require(${JSON.stringify(SDK)})
exports.main = async (event, context) => {
  const ctx = tcb.getCloudbaseContext(context)
  const e = event || {}
  if (e.action === 'write') {
    const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV })
    const r = await app.database().collection('probe').add({ by: ctx.WX_OPENID || null })
    return { id: r.id }
  }
  if (e.action === 'lateWrite') {
    await new Promise((r) => setTimeout(r, e.ms))
    const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV })
    await app.database().collection('probe').add({ tag: e.tag })
    return { wrote: true }
  }
  if (e.action === 'env') return { value: process.env[e.key] === undefined ? null : process.env[e.key] }
  if (e.action === 'setEnv') { process.env[e.key] = e.value; return { ok: true } }
  if (e.action === 'throw') throw new Error('boom')
  if (e.action === 'outbound') {
    try { await fetch('http://example.com/'); return { outbound: 'allowed' } } catch (err) { return { outbound: 'refused' } }
  }
  if (e.ms) await new Promise((r) => setTimeout(r, e.ms))
  return { event: e, openid: ctx.WX_OPENID || null, source: ctx.TCB_SOURCE, appid: ctx.WX_APPID,
    offsetMs: Number(ctx.ZJ_CLOCK_OFFSET_MS || 0), processOpenid: process.env.WX_OPENID || null, requestId: context.request_id }
}
`

let root: string
let emu: TestEmulator

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-emu-root-'))
  fs.mkdirSync(path.join(root, 'cloudfunctions', 'probe'), { recursive: true })
  fs.mkdirSync(path.join(root, 'cloudfunctions', 'plain'), { recursive: true })
  fs.writeFileSync(path.join(root, 'cloudfunctions', 'probe', 'index.ts'), PROBE)
  fs.writeFileSync(path.join(root, 'cloudfunctions', 'plain', 'index.ts'), PROBE)
  fs.writeFileSync(
    path.join(root, 'cloudfunctions', 'database.json'),
    JSON.stringify({ collections: { probe: { indexes: [] } } }),
  )
  fs.writeFileSync(
    path.join(root, 'cloudbaserc.json'),
    JSON.stringify({
      functions: [
        {
          name: 'probe',
          timeout: 1,
          envVariables: { PROBE_MODE: 'declared' },
          triggers: [
            { name: 'hourly', type: 'timer', config: '0 0 * * * * *' },
            { name: 'nightly', type: 'timer', config: '0 0 2 * * * *' },
          ],
        },
        { name: 'plain', triggers: [] },
      ],
    }),
  )
  emu = await startEmulator({ root })
}, 60_000)
afterAll(async () => {
  await emu?.stop()
  fs.rmSync(root, { recursive: true, force: true })
})

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'no error',
    (e: { code?: string }) => e.code,
  )

describe('the CloudBase context of an invocation', () => {
  test('a call with x-wx-openid sees that openid as WX_OPENID, from a mini-program source', async () => {
    const r = await emu.call('o_alice', 'probe', { hello: '你好' })
    expect(r).toMatchObject({
      event: { hello: '你好' },
      openid: 'o_alice',
      source: 'wx_client',
      appid: 'wx_local_appid',
      processOpenid: null,
    })
  })
  test('a call without the header is anonymous', async () => {
    expect(await emu.call(null, 'probe', {})).toMatchObject({ openid: null, source: 'scf', processOpenid: null })
  })
  test('overlapping calls of different users each see their own openid', async () => {
    const users = Array.from({ length: 12 }, (_, i) => `o_user_${i}`)
    const results = await Promise.all(users.map((u, i) => emu.call(u, 'probe', { ms: (i % 4) * 10 })))
    expect(results.map((r) => r.openid)).toEqual(users)
    expect(new Set(results.map((r) => r.requestId)).size).toBe(users.length)
  })
  test('the function reaches the emulator database with tcb.init({env: SYMBOL_CURRENT_ENV})', async () => {
    const { id } = await emu.call('o_bob', 'probe', { action: 'write' })
    const res = await emu.sdk().database().collection('probe').doc(id).get()
    expect(res.data[0]).toEqual({ _id: id, by: 'o_bob' })
  })
  test('a function that throws fails the call with FUNCTIONS_EXECUTE_FAIL; an unknown function fails too', async () => {
    expect(await codeOf(emu.call('o_x', 'probe', { action: 'throw' }))).toBe('FUNCTIONS_EXECUTE_FAIL')
    expect(await codeOf(emu.call('o_x', 'nosuchfn', {}))).toBe('FUNCTIONS_EXECUTE_FAIL')
  })
  test('a function running past its cloudbaserc timeout fails with FUNCTIONS_TIME_LIMIT_EXCEEDED', async () => {
    expect(await codeOf(emu.call('o_x', 'probe', { ms: 1300 }))).toBe('FUNCTIONS_TIME_LIMIT_EXCEEDED')
  })
  test('a timed-out invocation is stopped: what it would still write after its time limit never lands', async () => {
    expect(await codeOf(emu.call('o_x', 'probe', { action: 'lateWrite', ms: 1200, tag: 'after-timeout' }))).toBe(
      'FUNCTIONS_TIME_LIMIT_EXCEEDED',
    )
    await new Promise((r) => setTimeout(r, 800)) // past the moment the function makes its write
    expect((await emu.sdk().database().collection('probe').where({ tag: 'after-timeout' }).count()).total).toBe(0)
    // a call within its limit still writes
    expect(await emu.call('o_x', 'probe', { action: 'lateWrite', ms: 10, tag: 'in-time' })).toEqual({ wrote: true })
    expect((await emu.sdk().database().collection('probe').where({ tag: 'in-time' }).count()).total).toBe(1)
  })
  test("each function has its own environment: its envVariables and what was set for it, never another function's", async () => {
    const env = (fn: string, key: string) => emu.call('o_x', fn, { action: 'env', key }).then((r) => r.value)
    expect(await env('probe', 'PROBE_MODE')).toBe('declared')
    expect(await env('plain', 'PROBE_MODE')).toBeNull()
    await emu.setFunctionEnv('plain', { PROBE_MODE: 'configured' })
    expect(await env('plain', 'PROBE_MODE')).toBe('configured')
    expect(await env('probe', 'PROBE_MODE')).toBe('declared')
    // a function changing its own process.env changes nothing for the others, nor for the emulator's process
    expect(await emu.call('o_x', 'probe', { action: 'setEnv', key: 'PROBE_OWN', value: 'mine' })).toEqual({ ok: true })
    expect(await env('probe', 'PROBE_OWN')).toBe('mine')
    expect(await env('plain', 'PROBE_OWN')).toBeNull()
    expect(process.env.PROBE_OWN).toBeUndefined()
    await emu.setFunctionEnv('plain', { PROBE_MODE: null })
    expect(await env('plain', 'PROBE_MODE')).toBeNull()
    // the SDK inside a function still reaches the emulator (its process environment at the start)
    expect(await env('probe', 'TCB_CONTEXT_CNFG')).toContain(emu.url)
  })
  test('a network call to anything but loopback is refused and logged', async () => {
    expect(await emu.call('o_x', 'probe', { action: 'outbound' })).toEqual({ outbound: 'refused' })
    expect((await emu.admin('/_emulator/stats')).refusedConnections).toContain('example.com')
  })
})

describe('admin paths', () => {
  test('ready answers 200 and lists the functions', async () => {
    const res = await fetch(`${emu.url}/_emulator/ready`)
    expect(res.status).toBe(200)
    expect((await res.json()).functions).toEqual(['plain', 'probe'])
  })
  test('the clock moves what functions see as now, and reset puts it back', async () => {
    await emu.setClock('2031-01-01T00:00:00+08:00')
    const r = await emu.call('o_x', 'probe', {})
    expect(Math.abs(Date.now() + r.offsetMs - Date.parse('2030-12-31T16:00:00Z'))).toBeLessThan(5000)
    await emu.advance(3_600_000)
    expect((await emu.call('o_x', 'probe', {})).offsetMs - r.offsetMs).toBeGreaterThan(3_590_000)
    await emu.admin('/_emulator/clock', { reset: true })
    expect((await emu.call('o_x', 'probe', {})).offsetMs).toBe(0)
  })
  test('trigger runs every timer trigger of the function as CloudBase would: Timer event, no openid', async () => {
    await emu.setClock('2031-02-03T04:05:06Z')
    const res = await emu.trigger('probe')
    await emu.admin('/_emulator/clock', { reset: true })
    expect(res.results.map((x: { name: string }) => x.name)).toEqual(['hourly', 'nightly'])
    expect(res.results[0].result).toMatchObject({
      event: { Type: 'Timer', TriggerName: 'hourly', Time: '2031-02-03T04:05:06Z', Message: '' },
      openid: null,
      source: 'wx_trigger',
    })
  })
  test('trigger with a name runs only that one; unknown names and functions without triggers answer 404', async () => {
    const one = await emu.trigger('probe', 'nightly')
    expect(one.results.map((x: { name: string }) => x.name)).toEqual(['nightly'])
    for (const [fn, body] of [
      ['probe', { name: 'weekly' }],
      ['plain', {}],
      ['nosuchfn', {}],
    ] as const) {
      const res = await fetch(`${emu.url}/_emulator/trigger/${fn}`, { method: 'POST', body: JSON.stringify(body) })
      expect(res.status).toBe(404)
    }
  })
  test('faults fail the next N database operations with the given code, then it recovers', async () => {
    const db = emu.sdk().database()
    await emu.admin('/_emulator/faults', {
      service: 'database',
      mode: 'fail',
      count: 2,
      code: 'DATABASE_REQUEST_FAILED',
    })
    expect(await codeOf(db.collection('probe').get())).toBe('DATABASE_REQUEST_FAILED')
    expect(await codeOf(db.collection('probe').count())).toBe('DATABASE_REQUEST_FAILED')
    expect(await codeOf(db.collection('probe').get())).toBe('no error')
  })
  test('faults delay function calls', async () => {
    await emu.admin('/_emulator/faults', { service: 'functions', mode: 'delay', count: 1, delayMs: 300 })
    const t = Date.now()
    await emu.call('o_x', 'probe', {})
    expect(Date.now() - t).toBeGreaterThanOrEqual(290)
    const t2 = Date.now()
    await emu.call('o_x', 'probe', {})
    expect(Date.now() - t2).toBeLessThan(290)
  })
  test('bad fault specs are refused', async () => {
    const res = await fetch(`${emu.url}/_emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ service: 'moon', mode: 'fail' }),
    })
    expect(res.status).toBe(400)
    expect((await res.json()).code).toBe('INVALID_PARAM')
  })
  test('the WeChat double is mounted', async () => {
    const res = await emu.admin('/_emulator/wechat/messages')
    expect(Array.isArray(res.items)).toBe(true)
  })
  test('reset wipes the data, puts the clock back and clears faults', async () => {
    const db = emu.sdk().database()
    await db.collection('probe').add({ _id: 'keep-me-not' })
    await emu.setClock('2035-01-01T00:00:00Z')
    await emu.admin('/_emulator/faults', { service: 'database', mode: 'fail', count: 5 })
    await emu.admin('/_emulator/reset', {})
    expect((await db.collection('probe').count()).total).toBe(0)
    expect((await emu.call('o_x', 'probe', {})).offsetMs).toBe(0)
  })
})
