/**
 * Cloud storage through the real SDK: upload (upload metadata + PUT), temporary URL served by the emulator,
 * delete; size and type limits.
 */
import { startEmulator, type TestEmulator } from '../helpers/emulator'

let emu: TestEmulator
beforeAll(async () => {
  emu = await startEmulator({ seed: false })
}, 60_000)
afterAll(() => emu?.stop())

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('rest-of-a-png-file'),
])
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('jpeg-body')])
const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'no error',
    (e: { code?: string; message?: string }) => `${e.code} ${e.message}`,
  )

test('given an uploaded image, when a temp URL is asked for, then it serves the same bytes; after delete it is gone', async () => {
  const app = emu.sdk()
  const { fileID } = await app.uploadFile({ cloudPath: 'feedback/2026/photo.png', fileContent: PNG })
  expect(fileID).toMatch(/^cloud:\/\/.+\/feedback\/2026\/photo\.png$/)

  const { fileList } = await app.getTempFileURL({ fileList: [{ fileID, maxAge: 600 }] })
  expect(fileList[0]).toMatchObject({ fileID, code: 'SUCCESS' })
  const res = await fetch(fileList[0].tempFileURL)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('image/png')
  expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true)

  // a tampered signature is refused
  expect((await fetch(fileList[0].tempFileURL.replace(/sign=[a-f0-9]+/, 'sign=00'))).status).toBe(403)

  const deleted = await app.deleteFile({ fileList: [fileID] })
  expect(deleted.fileList[0]).toMatchObject({ fileID, code: 'SUCCESS' })
  const again = await app.getTempFileURL({ fileList: [{ fileID, maxAge: 600 }] })
  expect(again.fileList[0].code).toBe('STORAGE_FILE_NONEXIST')
  expect((await fetch(fileList[0].tempFileURL)).status).toBe(404)
})

test('JPEG and a CSV export are accepted', async () => {
  const app = emu.sdk()
  await expect(app.uploadFile({ cloudPath: 'a/b.jpg', fileContent: JPEG })).resolves.toHaveProperty('fileID')
  await expect(
    app.uploadFile({ cloudPath: 'exports/me.csv', fileContent: Buffer.from('a,b\n1,2\n') }),
  ).resolves.toHaveProperty('fileID')
})

test('a file that claims to be an image but is not, or an unknown type, is refused and not stored', async () => {
  const app = emu.sdk()
  expect(
    await codeOf(app.uploadFile({ cloudPath: 'x/fake.png', fileContent: Buffer.from('<html>not an image</html>') })),
  ).toMatch(/STORAGE_REQUEST_FAIL.*InvalidArgument/)
  expect(await codeOf(app.uploadFile({ cloudPath: 'x/run.exe', fileContent: Buffer.from('MZ....') }))).toMatch(
    /InvalidArgument/,
  )
  const { fileList } = await app.getTempFileURL({
    fileList: [{ fileID: 'cloud://local.local-1300000000/x/fake.png', maxAge: 60 }],
  })
  expect(fileList[0].code).toBe('STORAGE_FILE_NONEXIST')
})

test('a file over 10 MB is refused', async () => {
  const big = Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)])
  expect(await codeOf(emu.sdk().uploadFile({ cloudPath: 'x/big.png', fileContent: big }))).toMatch(/EntityTooLarge/)
})
