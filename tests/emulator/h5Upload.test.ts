/**
 * The H5 server's photo upload (`POST /__cloud/upload`, what Taro.cloud.uploadFile is in the weapp build) and
 * photo read (`GET /__cloud/file`), against the emulator through the real SDK: the server checks the bytes
 * itself (size, real image type, a signed-in demo identity), stores them in the emulator's storage, and the
 * file id then goes through feedback.submit's own checks exactly like a weapp upload.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startEmulator, type TestEmulator } from '../helpers/emulator'
import { startH5Server, type H5Server } from '../../mock/h5server'
import { MAX_FILE_BYTES } from '../../mock/emulator/storageService'

let emu: TestEmulator
let web: H5Server
let root: string
beforeAll(async () => {
  emu = await startEmulator()
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-h5-upload-'))
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>test</title>')
  web = await startH5Server({ root, serviceUrl: emu.serviceUrl, port: 0 })
}, 120_000)
afterAll(async () => {
  await web?.close()
  await emu?.stop()
  fs.rmSync(root, { recursive: true, force: true })
})

const RESIDENT = 'o_demo_resident'
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const png = (rest: string) => Buffer.concat([PNG_SIGNATURE, Buffer.from(rest, 'utf8')])
let seq = 0

async function upload(bytes: Buffer, opts: { openid?: string | null; dir?: string; type?: string } = {}) {
  const openid = opts.openid === undefined ? RESIDENT : opts.openid
  const headers: Record<string, string> = { 'content-type': opts.type ?? 'image/png' }
  if (openid) headers['x-demo-openid'] = openid
  const res = await fetch(`${web.url}/__cloud/upload?dir=${opts.dir ?? 'feedback'}`, {
    method: 'POST',
    headers,
    body: new Uint8Array(bytes),
  })
  return {
    status: res.status,
    body: (await res.json()) as { ok: boolean; data?: { fileID: string }; error?: { code: string; message: string } },
  }
}

/** Every file the emulator's storage holds (relative paths). */
function storedFiles(): string[] {
  const dir = path.join(emu.dataDir, 'storage')
  if (!fs.existsSync(dir)) return []
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile())
}

const submission = (images: string[]) => ({
  action: 'submit',
  category: 'complaint',
  content: '历下区就业服务大厅的叫号机坏了，现场排队很乱，附上照片。',
  images,
  requestId: `h5up-${Date.now()}-${seq++}`,
})

test('given a resident and a PNG, when uploaded through the H5 server, then it is in storage, readable back, and feedback.submit takes it', async () => {
  const bytes = png('queue at the window')
  const up = await upload(bytes)
  expect(up.status).toBe(200)
  const fileID = up.body.data!.fileID
  // the server names the file, not the browser
  expect(fileID).toMatch(/^cloud:\/\/[^/]+\/feedback\/h5-[0-9a-f-]{36}\.png$/)

  const back = await fetch(`${web.url}/__cloud/file?fileID=${encodeURIComponent(fileID)}`)
  expect(back.status).toBe(200)
  expect(back.headers.get('content-type')).toBe('image/png')
  expect(Buffer.from(await back.arrayBuffer()).equals(bytes)).toBe(true)

  const submitted = await emu.call(RESIDENT, 'feedback', submission([fileID]))
  expect(submitted).toMatchObject({ ok: true })
  const got = await emu.call(RESIDENT, 'feedback', { action: 'get', trackingNo: submitted.data.trackingNo })
  expect(got.data.images).toEqual([fileID])
})

test('given a file that is not an image (whatever the browser claims), then it is refused and nothing is stored', async () => {
  const before = storedFiles()
  const html = await upload(Buffer.from('<html><script>alert(1)</script></html>'), { type: 'image/png' })
  expect(html.status).toBe(415)
  expect(html.body).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('JPG、PNG 或 WebP') },
  })
  const pdf = await upload(Buffer.from('%PDF-1.4 a document'), { type: 'application/pdf' })
  expect(pdf.status).toBe(415)
  expect(storedFiles()).toEqual(before)
})

test('given an image over 10 MB, then it is refused with the limit named and nothing is stored', async () => {
  const before = storedFiles()
  const big = Buffer.concat([PNG_SIGNATURE, Buffer.alloc(MAX_FILE_BYTES)])
  const r = await upload(big)
  expect(r.status).toBe(413)
  expect(r.body).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('10MB') },
  })
  expect(storedFiles()).toEqual(before)
  // exactly at the limit is still fine
  const atLimit = Buffer.concat([PNG_SIGNATURE, Buffer.alloc(MAX_FILE_BYTES - PNG_SIGNATURE.length)])
  expect((await upload(atLimit)).status).toBe(200)
})

test('an anonymous visitor cannot upload, and only the photo folders can be written or read back', async () => {
  const anon = await upload(png('anon'), { openid: null })
  expect(anon).toMatchObject({ status: 401, body: { ok: false, error: { code: 'UNAUTHENTICATED' } } })
  const elsewhere = await upload(png('elsewhere'), { dir: 'exports' })
  expect(elsewhere).toMatchObject({ status: 400, body: { ok: false, error: { code: 'VALIDATION_FAILED' } } })
  expect((await upload(png('escape'), { dir: '../feedback' })).status).toBe(400)

  // a file stored outside the photo folders (e.g. a data export) is not served by the photo route
  const { fileID: exportId } = await emu
    .sdk()
    .uploadFile({ cloudPath: 'exports/o_demo_resident.json', fileContent: Buffer.from('{"secret":true}') })
  expect((await fetch(`${web.url}/__cloud/file?fileID=${encodeURIComponent(exportId)}`)).status).toBe(404)
  // nor is a non-image that sits in a photo folder, nor a missing file
  const { fileID: jsonInFeedback } = await emu
    .sdk()
    .uploadFile({ cloudPath: 'feedback/notes.json', fileContent: Buffer.from('{"a":1}') })
  expect((await fetch(`${web.url}/__cloud/file?fileID=${encodeURIComponent(jsonInFeedback)}`)).status).toBe(404)
  expect(
    (
      await fetch(
        `${web.url}/__cloud/file?fileID=${encodeURIComponent(exportId.replace('exports/o_demo_resident.json', 'feedback/none.png'))}`,
      )
    ).status,
  ).toBe(404)
})

test('given an uploaded photo that fails the image safety check, then feedback.submit rejects it as it does in weapp', async () => {
  const up = await upload(png('违规测试'))
  expect(up.status).toBe(200)
  const r = await emu.call('o_demo_resident2', 'feedback', submission([up.body.data!.fileID]))
  expect(r).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED', message: expect.stringContaining('图片') } })
})
