/**
 * Lifecycle details: transactions that stay open too long are aborted; timer crons match as CloudBase's 7-field timers (China time).
 */
import { cronMatches } from '../../mock/emulator/timerScheduler'
import { startEmulator, type TestEmulator } from '../helpers/emulator'

let emu: TestEmulator
beforeAll(async () => {
  emu = await startEmulator({ seed: false, transactionTimeoutMs: 300 })
  await emu.sdk().database().createCollection('emu_life')
}, 60_000)
afterAll(() => emu?.stop())

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'no error',
    (e: { code?: string }) => e.code,
  )

test('given a transaction left open past the timeout, then it is aborted: its writes never land and commit fails', async () => {
  const db = emu.sdk().database()
  const t = await db.startTransaction()
  await t.collection('emu_life').add({ _id: 'late', v: 1 })
  await new Promise((r) => setTimeout(r, 450))
  expect(await codeOf(t.commit())).toBe('DATABASE_TRANSACTION_FAIL')
  expect((await db.collection('emu_life').doc('late').get()).data).toEqual([])
  expect((await emu.admin('/_emulator/stats')).openTransactions).toBe(0)
})

describe('timer crons (second minute hour day month weekday year), China time', () => {
  const cst = (s: string) => new Date(`${s}+08:00`)
  test.each([
    ['0 0 18 * * * *', '2026-11-23T18:00:00', true],
    ['0 0 18 * * * *', '2026-11-23T18:00:01', false],
    ['0 0 18 * * * *', '2026-11-23T10:00:00', false],
    ['0 */10 * * * * *', '2026-11-23T09:40:00', true],
    ['0 */10 * * * * *', '2026-11-23T09:45:00', false],
    ['0 30 2 * * * *', '2026-11-24T02:30:00', true],
    ['0 0 9 * * 1-5 *', '2026-11-23T09:00:00', true], // a Monday
    ['0 0 9 * * 1-5 *', '2026-11-22T09:00:00', false], // a Sunday
    ['9 * * * *', '2026-11-23T10:09:00', true], // 5-field form (minute hour day month weekday)
    ['0 9 * * *', '2026-11-23T10:00:00', false],
  ])('%s at %s → %s', (config, at, expected) => {
    expect(cronMatches(config, cst(at))).toBe(expected)
  })
})
