/**
 * Transactions through the real SDK: atomic, isolated, and under contention no lost update — a conflicting
 * transaction fails with DATABASE_TRANSACTION_CONFLICT and is ended by the emulator (runTransaction retries).
 */
import { startEmulator, type TestEmulator } from '../helpers/emulator'

let emu: TestEmulator
type Db = ReturnType<ReturnType<TestEmulator['sdk']>['database']>
let db: Db

beforeAll(async () => {
  emu = await startEmulator({ seed: false })
  db = emu.sdk().database()
  await db.createCollection('emu_counters')
}, 60_000)
afterAll(() => emu?.stop())

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'no error',
    (e: { code?: string }) => e.code,
  )
const stats = () => emu.admin<{ openTransactions: number }>('/_emulator/stats')

test('given 20 concurrent increments by runTransaction, then the final value equals the number that committed', async () => {
  await db.collection('emu_counters').add({ _id: 'c1', n: 0 })
  const increment = () =>
    db.runTransaction(async (t: { collection(n: string): any }) => {
      const { data } = await t.collection('emu_counters').doc('c1').get()
      await new Promise((r) => setTimeout(r, Math.random() * 5))
      await t
        .collection('emu_counters')
        .doc('c1')
        .update({ n: data.n + 1 })
      return data.n + 1
    }, 10)
  const results = await Promise.allSettled(Array.from({ length: 20 }, increment))
  const committed = results.filter((r) => r.status === 'fulfilled').length
  const failed = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[]
  expect(failed.every((r) => r.reason.code === 'DATABASE_TRANSACTION_CONFLICT')).toBe(true)
  const final = (await db.collection('emu_counters').doc('c1').get()).data[0].n
  expect(final).toBe(committed)
  expect(committed).toBeGreaterThan(1)
  expect((await stats()).openTransactions).toBe(0)
})

test('when two transactions write the same document, then the second to commit gets DATABASE_TRANSACTION_CONFLICT and is ended', async () => {
  await db.collection('emu_counters').add({ _id: 'c2', n: 0 })
  const t1 = await db.startTransaction()
  const t2 = await db.startTransaction()
  expect((await t1.collection('emu_counters').doc('c2').get()).data.n).toBe(0)
  expect((await t2.collection('emu_counters').doc('c2').get()).data.n).toBe(0)
  await t1.collection('emu_counters').doc('c2').update({ n: 1 })
  await t2.collection('emu_counters').doc('c2').update({ n: 2 })
  await t1.commit()
  expect(await codeOf(t2.commit())).toBe('DATABASE_TRANSACTION_CONFLICT')
  expect((await db.collection('emu_counters').doc('c2').get()).data[0].n).toBe(1)
  // ended by the emulator: nothing left open, and a further commit is refused
  expect((await stats()).openTransactions).toBe(0)
  expect(await codeOf(t2.commit())).not.toBe('no error')
})

test('when a document read in a transaction changes outside it, then the next write in the transaction fails at once', async () => {
  await db.collection('emu_counters').add({ _id: 'c3', n: 0 })
  const t = await db.startTransaction()
  await t.collection('emu_counters').doc('c3').get()
  await db.collection('emu_counters').doc('c3').update({ n: 10 })
  expect(await codeOf(t.collection('emu_counters').doc('c3').update({ n: 1 }))).toBe('DATABASE_TRANSACTION_CONFLICT')
  expect((await db.collection('emu_counters').doc('c3').get()).data[0].n).toBe(10)
})

test('uncommitted writes are invisible outside the transaction, visible inside, and all land at commit', async () => {
  const t = await db.startTransaction()
  await t.collection('emu_counters').add({ _id: 'c4', n: 1 })
  await t
    .collection('emu_counters')
    .doc('c4')
    .update({ n: db.command.inc(1) })
  expect((await t.collection('emu_counters').doc('c4').get()).data.n).toBe(2)
  expect((await db.collection('emu_counters').doc('c4').get()).data).toEqual([])
  await t.commit()
  expect((await db.collection('emu_counters').doc('c4').get()).data[0].n).toBe(2)
})

test('when a transaction is rolled back, then none of its writes land', async () => {
  await db.collection('emu_counters').add([
    { _id: 'c5', n: 0 },
    { _id: 'c6', n: 0 },
  ])
  const res = await db
    .runTransaction(async (t: { collection(n: string): any; rollback(r: unknown): Promise<void> }) => {
      await t.collection('emu_counters').doc('c5').update({ n: 1 })
      await t.collection('emu_counters').doc('c6').remove()
      await t.rollback('不要了')
    })
    .catch((e: unknown) => e)
  expect(res).toBe('不要了')
  expect(
    (
      await db
        .collection('emu_counters')
        .where({ _id: db.command.in(['c5', 'c6']) })
        .get()
    ).data.map((d: { n: number }) => d.n),
  ).toEqual([0, 0])
})

test('when a transaction inserts an id that another committed meanwhile, then it conflicts and nothing is doubled', async () => {
  const t = await db.startTransaction()
  await t.collection('emu_counters').add({ _id: 'c7', n: 1 })
  await db.collection('emu_counters').add({ _id: 'c7', n: 99 })
  expect(['DATABASE_TRANSACTION_CONFLICT', 'DATABASE_DUPLICATE_WRITE']).toContain(await codeOf(t.commit()))
  expect((await db.collection('emu_counters').doc('c7').get()).data[0].n).toBe(99)
})
