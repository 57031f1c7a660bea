/**
 * The local servers refuse cross-site and DNS-rebinding requests: Host must be a loopback name, Origin (when a
 * browser sends one) a loopback origin; no `Access-Control-Allow-Origin: *`.
 */
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { startEmulator, type TestEmulator } from '../helpers/emulator'
import { startH5Server, type H5Server } from '../../mock/h5server'
import { isLoopbackHostHeader, isLoopbackOrigin } from '../../mock/localGuard'

let emu: TestEmulator
let h5: H5Server
let root: string
beforeAll(async () => {
  emu = await startEmulator({ seed: false })
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-h5-guard-'))
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>智就</title>')
  h5 = await startH5Server({ root, serviceUrl: emu.serviceUrl })
}, 120_000)
afterAll(async () => {
  await h5?.close()
  await emu?.stop()
  fs.rmSync(root, { recursive: true, force: true })
})

function request(
  base: string,
  pathname: string,
  headers: Record<string, string>,
  method = 'GET',
  body?: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const u = new URL(base)
    const req = http.request(
      {
        host: '127.0.0.1',
        port: u.port,
        path: pathname,
        method,
        headers: {
          ...(body ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } : {}),
          ...headers,
        },
      },
      (res) => {
        res.resume()
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

test('the Host and Origin checks accept loopback only', () => {
  for (const h of ['127.0.0.1:9000', 'localhost', 'localhost:10086', '[::1]:80', 'app.localhost:1'])
    expect(isLoopbackHostHeader(h)).toBe(true)
  for (const h of [
    'evil.example',
    'evil.example:9000',
    '192.168.1.5:9000',
    '127.0.0.1.evil.example',
    '',
    'localhost.evil.example',
  ])
    expect(isLoopbackHostHeader(h)).toBe(false)
  expect(isLoopbackOrigin('http://127.0.0.1:10086')).toBe(true)
  for (const o of ['https://evil.example', 'null', 'file://', 'http://localhost.evil.example'])
    expect(isLoopbackOrigin(o)).toBe(false)
})

describe.each([
  ['the emulator admin path', () => emu.url, '/_emulator/stats', 'GET', undefined],
  ['the emulator SDK endpoint', () => emu.url, '/admin', 'POST', JSON.stringify({ action: 'database.getDocument' })],
  ['the WeChat double', () => emu.url, '/_emulator/wechat/messages', 'GET', undefined],
  ['the H5 server', () => h5.url, '/', 'GET', undefined],
  [
    'the H5 server function proxy',
    () => h5.url,
    '/__cloud/call',
    'POST',
    JSON.stringify({ name: 'job', data: { action: 'search' } }),
  ],
] as const)('%s', (_name, base, pathname, method, body) => {
  test('given a DNS-rebinding Host, then 403', async () => {
    expect((await request(base(), pathname, { host: 'rebind.evil.example:9000' }, method, body)).status).toBe(403)
  })
  test('given a cross-site Origin, then 403', async () => {
    expect((await request(base(), pathname, { origin: 'https://evil.example' }, method, body)).status).toBe(403)
  })
  test('given a loopback caller, then it is served and never with Access-Control-Allow-Origin: *', async () => {
    const r = await request(base(), pathname, { origin: 'http://127.0.0.1:10086' }, method, body)
    expect(r.status).not.toBe(403)
    expect(r.headers['access-control-allow-origin']).not.toBe('*')
  })
})
