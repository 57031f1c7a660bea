/**
 * The browser demo's 订阅消息 tap (办理进度提醒我 and the others): the H5 build posts it to its own server
 * (`POST /__wechat/consent`), which forwards it to the WeChat double of the emulator it is configured with. The
 * emulator here runs on a random port, so a client that called a fixed port (9000) would not reach it: the consent
 * would be missing and the resident's notices skipped as 未授权.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startEmulator, type TestEmulator } from '../helpers/emulator'
import { startH5Server, type H5Server } from '../../mock/h5server'
import { templatesOfGroup } from '../../shared/notify/templates'

let emu: TestEmulator
let web: H5Server
let root: string
beforeAll(async () => {
  emu = await startEmulator()
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-h5-consent-'))
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>test</title>')
  web = await startH5Server({ root, serviceUrl: emu.serviceUrl, port: 0 })
}, 120_000)
afterAll(async () => {
  await web?.close()
  await emu?.stop()
  fs.rmSync(root, { recursive: true, force: true })
})

const openidOf = (label: string) => `o_consent_${label}_${Date.now().toString(36)}`
const consent = (body: unknown, openid: string | null) =>
  fetch(`${web.url}/__wechat/consent`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(openid ? { 'x-demo-openid': openid } : {}) },
    body: JSON.stringify(body),
  })
const balances = async (openid: string) => {
  const res = await fetch(`${new URL(emu.serviceUrl).origin}/_emulator/wechat/consent?openid=${openid}`)
  return JSON.stringify(await res.json())
}

test('given the emulator on a configured (random) port, when a resident taps 办理进度提醒我 in H5, then the WeChat double of that emulator holds the consent', async () => {
  const who = openidOf('ok')
  const ids = templatesOfGroup('feedback').map((t) => t.id)
  expect(ids.length).toBeGreaterThan(0)
  const res = await consent({ templateIds: ids }, who)
  expect(res.status).toBe(200)
  const held = await balances(who)
  for (const id of ids) expect(held).toContain(id)
})

test('given no signed-in identity or bad template ids, when the tap is posted, then it is refused and the double records nothing', async () => {
  const who = openidOf('bad')
  const before = await balances(who)
  expect((await consent({ templateIds: ['ZJ_LOCAL_POLICY_MATCH'] }, null)).status).toBe(401)
  expect((await consent({ templateIds: ['a b'] }, who)).status).toBe(400)
  expect((await consent({}, who)).status).toBe(400)
  expect(await balances(who)).toEqual(before)
})
