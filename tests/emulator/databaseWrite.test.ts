/**
 * Writes through the real SDK: update commands, set/upsert, where update/remove, serverDate with the
 * emulator clock, canonical EJSON round trips, and CloudBase's error codes.
 */
import { startEmulator, type TestEmulator } from '../helpers/emulator'

let emu: TestEmulator
type Db = ReturnType<ReturnType<TestEmulator['sdk']>['database']>
let db: Db
let n = 0
const freshId = () => `doc${++n}`

beforeAll(async () => {
  emu = await startEmulator({
    seed: false,
    indexes: {
      emu_accounts: [
        { name: 'code', keys: { code: 1 }, unique: true },
        { name: 'emails', keys: { emails: 1 }, unique: true },
      ],
    },
  })
  db = emu.sdk().database()
  await db.createCollection('emu_things')
}, 60_000)
afterAll(() => emu?.stop())

async function withDoc(doc: Record<string, unknown>) {
  const id = freshId()
  await db.collection('emu_things').add({ _id: id, ...doc })
  return { id, read: async () => (await db.collection('emu_things').doc(id).get()).data[0] }
}

describe('update commands', () => {
  const _ = () => db.command
  const table: [string, Record<string, unknown>, () => Record<string, unknown>, Record<string, unknown>, number?][] = [
    ['set replaces a nested object', { a: { x: 1, y: 2 } }, () => ({ a: _().set({ z: 3 }) }), { a: { z: 3 } }],
    ['plain object merges by path', { a: { x: 1, y: 2 } }, () => ({ a: { z: 3 } }), { a: { x: 1, y: 2, z: 3 } }],
    ['remove', { a: 1, b: 2 }, () => ({ a: _().remove() }), { b: 2 }],
    ['inc', { n: 5 }, () => ({ n: _().inc(3) }), { n: 8 }],
    ['inc on a missing field starts at 0', {}, () => ({ n: _().inc(2) }), { n: 2 }],
    ['mul', { n: 5 }, () => ({ n: _().mul(3) }), { n: 15 }],
    ['push', { l: [1] }, () => ({ l: _().push([2, 3]) }), { l: [1, 2, 3] }],
    [
      'push with position and slice',
      { l: [1, 2, 3] },
      () => ({ l: _().push({ each: [0], position: 0, slice: 3 }) }),
      { l: [0, 1, 2] },
    ],
    ['pull', { l: [1, 2, 3, 2] }, () => ({ l: _().pull(2) }), { l: [1, 3] }],
    ['pull with a condition', { l: [1, 5, 9] }, () => ({ l: _().pull(_().gt(4)) }), { l: [1] }],
    ['pullAll', { l: [1, 2, 3, 2] }, () => ({ l: _().pullAll([2, 3]) }), { l: [1] }],
    ['pop', { l: [1, 2, 3] }, () => ({ l: _().pop() }), { l: [1, 2] }],
    ['shift', { l: [1, 2, 3] }, () => ({ l: _().shift() }), { l: [2, 3] }],
    ['unshift', { l: [2, 3] }, () => ({ l: _().unshift([0, 1]) }), { l: [0, 1, 2, 3] }],
    [
      'addToSet keeps values unique (nothing modified)',
      { l: ['a'] },
      () => ({ l: _().addToSet('a') }),
      { l: ['a'] },
      0,
    ],
    ['addToSet with each', { l: ['a'] }, () => ({ l: _().addToSet({ $each: ['a', 'b'] }) }), { l: ['a', 'b'] }],
    ['rename', { old: 1 }, () => ({ old: _().rename('fresh') }), { fresh: 1 }],
    ['max', { n: 5 }, () => ({ n: _().max(9) }), { n: 9 }],
    ['min', { n: 5 }, () => ({ n: _().min(2) }), { n: 2 }],
    ['dot path set', { a: { b: { c: 1 } } }, () => ({ 'a.b.c': 2 }), { a: { b: { c: 2 } } }],
  ]
  test.each(table)('%s', async (_name, before, update, after, updated = 1) => {
    const d = await withDoc(before)
    const res = await db.collection('emu_things').doc(d.id).update(update())
    expect(res.updated).toBe(updated)
    const { _id, ...rest } = await d.read()
    expect(_id).toBe(d.id)
    expect(rest).toEqual(after)
  })
})

describe('set, upsert, where update and remove', () => {
  test('when a missing document is set, then it is created (upsert) with that id', async () => {
    const res = await db.collection('emu_things').doc('set-new').set({ v: 1 })
    expect(res.upsertedId).toBe('set-new')
    expect((await db.collection('emu_things').doc('set-new').get()).data[0]).toEqual({ _id: 'set-new', v: 1 })
  })
  test('when an existing document is set, then it is replaced', async () => {
    const d = await withDoc({ a: 1, b: 2 })
    const res = await db.collection('emu_things').doc(d.id).set({ c: 3 })
    expect(res.updated).toBe(1)
    expect(await d.read()).toEqual({ _id: d.id, c: 3 })
  })
  test('when a missing document is updated, then nothing is written', async () => {
    const res = await db.collection('emu_things').doc('nope').update({ a: 1 })
    expect(res.updated).toBe(0)
    expect((await db.collection('emu_things').doc('nope').get()).data).toEqual([])
  })
  test('when where().update() matches several, then all change; where().remove() removes all matches', async () => {
    await db.collection('emu_things').add([
      { batch: 'w', k: 1 },
      { batch: 'w', k: 2 },
      { batch: 'w', k: 3 },
    ])
    const up = await db
      .collection('emu_things')
      .where({ batch: 'w', k: db.command.gte(2) })
      .update({ flagged: true })
    expect(up.updated).toBe(2)
    expect((await db.collection('emu_things').where({ batch: 'w', flagged: true }).count()).total).toBe(2)
    const rm = await db.collection('emu_things').where({ batch: 'w' }).remove()
    expect(rm.deleted).toBe(3)
    expect((await db.collection('emu_things').where({ batch: 'w' }).count()).total).toBe(0)
  })
  test('when a document is removed by id, then it is gone', async () => {
    const d = await withDoc({ a: 1 })
    expect((await db.collection('emu_things').doc(d.id).remove()).deleted).toBe(1)
    expect(await d.read()).toBeUndefined()
  })
  test('when add() gets no _id, then one is generated and returned', async () => {
    const res = await db.collection('emu_things').add({ x: 1 })
    expect(typeof res.id).toBe('string')
    expect(
      (
        await db
          .collection('emu_things')
          .doc(res.id as string)
          .get()
      ).data[0],
    ).toEqual({ _id: res.id, x: 1 })
  })
})

describe('values round-trip as canonical EJSON', () => {
  test('numbers, dates, nested arrays and objects come back as they went in', async () => {
    const value = {
      int: 5000,
      neg: -7,
      zero: 0,
      double: 3.14,
      big: 2 ** 40,
      tiny: 1e-9,
      date: new Date('2026-03-01T08:30:00.123Z'),
      old: new Date('1960-01-01T00:00:00Z'),
      s: '汉字 and emoji 🎉',
      yes: true,
      nil: null,
      nested: { list: [1, 'two', { three: [3] }], when: new Date('2030-12-31T23:59:59Z') },
    }
    const d = await withDoc(value)
    const back = await d.read()
    expect(back).toEqual({ _id: d.id, ...value })
    expect(back.date).toBeInstanceOf(Date)
  })
  test('dates compare as dates in queries', async () => {
    await withDoc({ kind: 'dated', at: new Date('2026-01-01T00:00:00Z') })
    await withDoc({ kind: 'dated', at: new Date('2026-06-01T00:00:00Z') })
    const res = await db
      .collection('emu_things')
      .where({ kind: 'dated', at: db.command.gt(new Date('2026-03-01T00:00:00Z')) })
      .get()
    expect(res.data.map((x: { at: Date }) => x.at.toISOString())).toEqual(['2026-06-01T00:00:00.000Z'])
  })
  test('serverDate uses the emulator clock (moved by POST /_emulator/clock), with an offset', async () => {
    await emu.setClock('2030-05-01T10:00:00+08:00')
    try {
      const d = await withDoc({ at: db.serverDate(), later: db.serverDate({ offset: 60_000 }) })
      const back = await d.read()
      expect(Math.abs(back.at.getTime() - Date.parse('2030-05-01T02:00:00Z'))).toBeLessThan(5000)
      expect(back.later.getTime() - back.at.getTime()).toBe(60_000)
    } finally {
      await emu.admin('/_emulator/clock', { reset: true })
    }
  })
})

describe('error codes', () => {
  const codeOf = async (p: Promise<unknown>) =>
    p.then(
      () => 'no error',
      (e: { code?: string }) => e.code,
    )
  test('writing to or reading a collection that does not exist → DATABASE_COLLECTION_NOT_EXIST', async () => {
    expect(await codeOf(db.collection('ghost').add({ a: 1 }))).toBe('DATABASE_COLLECTION_NOT_EXIST')
    expect(await codeOf(db.collection('ghost').where({}).get())).toBe('DATABASE_COLLECTION_NOT_EXIST')
    expect(await codeOf(db.collection('ghost').doc('x').update({ a: 1 }))).toBe('DATABASE_COLLECTION_NOT_EXIST')
  })
  test('inserting an existing _id → DATABASE_DUPLICATE_WRITE; a batch stops there, as an ordered insert: the documents before it stay, the ones after are not written', async () => {
    await db.collection('emu_things').add({ _id: 'dup', a: 1 })
    expect(
      await codeOf(
        db.collection('emu_things').add([
          { _id: 'dup-new', a: 2 },
          { _id: 'dup', a: 3 },
          { _id: 'dup-after', a: 4 },
        ]),
      ),
    ).toBe('DATABASE_DUPLICATE_WRITE')
    expect((await db.collection('emu_things').doc('dup-new').get()).data).toEqual([{ _id: 'dup-new', a: 2 }])
    expect((await db.collection('emu_things').doc('dup').get()).data).toEqual([{ _id: 'dup', a: 1 }])
    expect((await db.collection('emu_things').doc('dup-after').get()).data).toEqual([])
  })
  test('a unique index refuses a second document with the same key, also via update and array elements', async () => {
    await db.collection('emu_accounts').add({ _id: 'u1', code: 'A-1', emails: ['a@x.cn', 'b@x.cn'] })
    expect(await codeOf(db.collection('emu_accounts').add({ _id: 'u2', code: 'A-1' }))).toBe('DATABASE_DUPLICATE_WRITE')
    await db.collection('emu_accounts').add({ _id: 'u3', code: 'A-3', emails: ['c@x.cn'] })
    expect(await codeOf(db.collection('emu_accounts').doc('u3').update({ code: 'A-1' }))).toBe(
      'DATABASE_DUPLICATE_WRITE',
    )
    expect(
      await codeOf(
        db
          .collection('emu_accounts')
          .doc('u3')
          .update({ emails: db.command.push(['b@x.cn']) }),
      ),
    ).toBe('DATABASE_DUPLICATE_WRITE')
    expect((await db.collection('emu_accounts').doc('u3').get()).data[0]).toEqual({
      _id: 'u3',
      code: 'A-3',
      emails: ['c@x.cn'],
    })
  })
  test('creating an existing collection → DATABASE_COLLECTION_ALREADY_EXIST', async () => {
    expect(await codeOf(db.createCollection('emu_things'))).toBe('DATABASE_COLLECTION_ALREADY_EXIST')
  })
  test('a malformed update → INVALID_PARAM and nothing changes', async () => {
    const d = await withDoc({ n: 1 })
    const res = await fetch(emu.serviceUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        action: 'database.modifyDocument',
        collectionName: 'emu_things',
        queryType: 'DOC',
        query: JSON.stringify({ _id: d.id }),
        data: JSON.stringify({ $bogus: { n: 2 } }),
        merge: true,
      }),
    })
    expect((await res.json()).code).toBe('INVALID_PARAM')
    expect(await d.read()).toEqual({ _id: d.id, n: 1 })
  })
})

describe('aggregate', () => {
  beforeAll(async () => {
    await db.createCollection('emu_sales')
    await db.createCollection('emu_shops')
    await db.collection('emu_shops').add([
      { _id: 's1', name: '一店' },
      { _id: 's2', name: '二店' },
    ])
    await db.collection('emu_sales').add([
      { shop: 's1', amount: 10, items: ['a', 'b'] },
      { shop: 's1', amount: 30, items: ['a'] },
      { shop: 's2', amount: 5, items: [] },
    ])
  })
  test('match, group, sort, project', async () => {
    const $ = db.command.aggregate
    const res = await db
      .collection('emu_sales')
      .aggregate()
      .match({ amount: db.command.gt(1) })
      .group({ _id: '$shop', total: $.sum('$amount'), n: $.sum(1) })
      .sort({ total: -1 })
      .project({ _id: 1, total: 1, n: 1 })
      .end()
    expect(res.data).toEqual([
      { _id: 's1', total: 40, n: 2 },
      { _id: 's2', total: 5, n: 1 },
    ])
  })
  test('lookup, unwind, skip, limit, count', async () => {
    const res = await db
      .collection('emu_sales')
      .aggregate()
      .lookup({ from: 'emu_shops', localField: 'shop', foreignField: '_id', as: 'shopDoc' })
      .unwind('$items')
      .sort({ amount: 1 })
      .skip(1)
      .limit(5)
      .end()
    expect(
      res.data.map((d: { shopDoc: { name: string }[]; items: string }) => `${d.shopDoc[0].name}:${d.items}`),
    ).toEqual(['一店:b', '一店:a'])
    const counted = await db.collection('emu_sales').aggregate().match({ shop: 's1' }).count('n').end()
    expect(counted.data).toEqual([{ n: 2 }])
  })
  test('lookup with a sub-pipeline: an uncorrelated one joins every document, a correlated one (let) each its own', async () => {
    const $ = db.command.aggregate
    const res = await db
      .collection('emu_shops')
      .aggregate()
      .match({ _id: db.command.in(['s1', 's2']) })
      .sort({ _id: 1 })
      .lookup({
        from: 'emu_sales',
        pipeline: $.pipeline()
          .match({ amount: db.command.gte(10) })
          .sort({ amount: -1 })
          .limit(1)
          .project({ _id: 0, amount: 1 })
          .done(),
        as: 'top',
      })
      .lookup({
        from: 'emu_sales',
        let: { shop: '$_id' },
        pipeline: $.pipeline()
          .match(db.command.expr($.eq(['$shop', '$$shop'])))
          .project({ _id: 0, amount: 1 })
          .done(),
        as: 'own',
      })
      .lookup({ from: 'emu_nowhere', pipeline: $.pipeline().match({ a: 1 }).done(), as: 'none' })
      .end()
    expect(
      res.data.map((d: { _id: string; top: unknown[]; own: { amount: number }[]; none: unknown[] }) => ({
        _id: d._id,
        top: d.top,
        own: d.own.map((x) => x.amount).sort((a, b) => a - b),
        none: d.none,
      })),
    ).toEqual([
      { _id: 's1', top: [{ amount: 30 }], own: [10, 30], none: [] },
      { _id: 's2', top: [{ amount: 30 }], own: [5], none: [] },
    ])
  })
})
