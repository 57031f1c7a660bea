/**
 * Readiness: the emulator listens at once, answers 503 on /_emulator/ready while it seeds, holds SDK calls
 * until the seed is in, then answers 200. Uses a throwaway project root whose seed takes a while.
 */
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import http from 'node:http'
import tcb from '@cloudbase/node-sdk'
import { startEmulatorServer } from '../../mock/emulator/index'

const SLOW_SEED = `
exports.seedAll = async (writer, options) => {
  await new Promise((r) => setTimeout(r, 1500))
  writer.insertMany('emu_seeded', [{ _id: 's1', persons: options.persons }])
}
`

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => resolve(port))
    })
  })
const status = (url: string) =>
  new Promise<number>((resolve) =>
    http.get(url, (res) => (res.resume(), resolve(res.statusCode ?? 0))).on('error', () => resolve(0)),
  )

test('given a slow seed, then ready is 503 until it is in, and an early SDK call waits and sees the seeded data', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-emu-ready-'))
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-emu-ready-data-'))
  fs.mkdirSync(path.join(root, 'mock', 'seed'), { recursive: true })
  fs.writeFileSync(path.join(root, 'mock', 'seed', 'index.ts'), SLOW_SEED)
  const port = await freePort()
  const starting = startEmulatorServer({
    port,
    dataDir,
    root,
    seed: { persons: 7, now: new Date('2026-01-01T00:00:00Z') },
    log: false,
  })
  try {
    let first = 0
    for (let i = 0; i < 50 && first === 0; i++) {
      first = await status(`http://127.0.0.1:${port}/_emulator/ready`)
      if (!first) await new Promise((r) => setTimeout(r, 20))
    }
    expect(first).toBe(503)
    const db = tcb
      .init({
        env: 'local',
        serviceUrl: `http://127.0.0.1:${port}/admin`,
        secretId: 'local',
        secretKey: 'local',
      } as never)
      .database()
    const early = db.collection('emu_seeded').doc('s1').get()
    const server = await starting
    expect((await early).data).toEqual([{ _id: 's1', persons: 7 }])
    expect(await status(`http://127.0.0.1:${port}/_emulator/ready`)).toBe(200)
    await server.stop()
  } finally {
    await starting.then((s) => s.stop()).catch(() => {})
    fs.rmSync(root, { recursive: true, force: true })
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}, 30_000)
