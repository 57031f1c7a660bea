/**
 * Durability: `npm run emulator` as a child process (tsx), acknowledged writes, kill -9, restart, read back.
 * Also: `--reset` starts fresh, SIGTERM shuts down cleanly.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import tcb from '@cloudbase/node-sdk'

const ROOT = path.resolve(__dirname, '../..')
let dataDir: string
const children: ChildProcess[] = []

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => resolve(port))
    })
  })
}

async function startChild(port: number, args: string[] = []): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'mock/emulator.ts', '--no-timers', ...args], {
    cwd: ROOT,
    env: { ...process.env, TCB_EMULATOR_PORT: String(port), TCB_EMULATOR_DATA: dataDir, TCB_CONTEXT_CNFG: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let output = ''
  child.stdout?.on('data', (c) => (output += c))
  child.stderr?.on('data', (c) => (output += c))
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`emulator exited: ${output}`)
    try {
      const res = await fetch(`http://127.0.0.1:${port}/_emulator/ready`)
      if (res.status === 200) return child
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`emulator not ready: ${output}`)
}

const exited = (c: ChildProcess) =>
  new Promise<number | null>((r) => (c.exitCode !== null ? r(c.exitCode) : c.once('exit', (code) => r(code))))
const dbAt = (port: number) =>
  tcb
    .init({
      env: 'local',
      serviceUrl: `http://127.0.0.1:${port}/admin`,
      secretId: 'local',
      secretKey: 'local',
    } as never)
    .database()

beforeAll(() => {
  // this process talks to the child with the real SDK: skip the metadata probe, as the emulator does in-process
  Object.assign(process.env, {
    TENCENTCLOUD: 'true',
    SILENCE: 'true',
    TENCENTCLOUD_SECRETID: 'local',
    TENCENTCLOUD_SECRETKEY: 'local',
  })
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-emu-durable-'))
})
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL')
  fs.rmSync(dataDir, { recursive: true, force: true })
})

test('given acknowledged writes, when the emulator is killed with SIGKILL and restarted, then every write is there', async () => {
  const port = await freePort()
  const first = await startChild(port, ['--reset'])
  const db = dbAt(port)
  await db.createCollection('emu_durable')
  for (let i = 0; i < 40; i++) await db.collection('emu_durable').add({ _id: `d${i}`, i })
  await db
    .collection('emu_durable')
    .doc('d0')
    .update({ i: db.command.inc(100) })
  await db.runTransaction(async (t: { collection(n: string): any }) => {
    await t.collection('emu_durable').doc('d1').update({ i: 'tx' })
  })
  const seededUsers = (await db.collection('users').count()).total
  first.kill('SIGKILL')
  expect(await exited(first)).toBeNull()

  const second = await startChild(port)
  const after = dbAt(port)
  expect((await after.collection('emu_durable').count()).total).toBe(40)
  expect((await after.collection('emu_durable').doc('d0').get()).data[0].i).toBe(100)
  expect((await after.collection('emu_durable').doc('d1').get()).data[0].i).toBe('tx')
  expect((await after.collection('users').count()).total).toBe(seededUsers)

  // SIGTERM: a clean exit
  second.kill('SIGTERM')
  expect(await exited(second)).toBe(0)

  // --reset: fresh seeded data, our collection gone
  const third = await startChild(port, ['--reset'])
  const fresh = dbAt(port)
  await expect(fresh.collection('emu_durable').count()).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST' })
  expect((await fresh.collection('users').count()).total).toBe(seededUsers)
  third.kill('SIGTERM')
  await exited(third)
}, 120_000)
