/**
 * Declared indexes are real: an indexed equality / $in / range query on the leading key is answered from the
 * index (GET /_emulator/stats shows the plan) and gives exactly what a full scan gives, array fields included,
 * and the index follows updates and removals.
 */
import { startEmulator, type TestEmulator } from '../helpers/emulator'

let emu: TestEmulator
type Db = ReturnType<ReturnType<TestEmulator['sdk']>['database']>
let db: Db

const CITIES = ['济南', '青岛', '烟台', '潍坊', '临沂']
const aJob = (i: number) => ({
  _id: `j${i}`,
  city: CITIES[i % CITIES.length],
  salary: 3000 + (i % 17) * 500,
  tags: i % 3 === 0 ? ['焊工', `t${i % 7}`] : [`t${i % 7}`],
  postedAt: new Date(Date.UTC(2026, 0, 1 + (i % 60))),
  state: i % 4 === 0 ? 'open' : 'closed',
  district: i % 5 === 0 ? null : `3701${String(i % 9).padStart(2, '0')}`,
})

beforeAll(async () => {
  emu = await startEmulator({
    seed: false,
    indexes: {
      emu_jobs: [
        { name: 'city_salary', keys: { city: 1, salary: -1 } },
        { name: 'salary', keys: { salary: 1 } },
        { name: 'tags', keys: { tags: 1 } },
        { name: 'postedAt', keys: { postedAt: -1 } },
        { name: 'district', keys: { district: 1 } },
        { name: 'district_tags', keys: { district: 1, tags: 1 } },
      ],
      emu_jobs_plain: [],
    },
  })
  db = emu.sdk().database()
  const docs = Array.from({ length: 600 }, (_, i) => aJob(i))
  for (let i = 0; i < docs.length; i += 200) {
    await db.collection('emu_jobs').add(docs.slice(i, i + 200))
    await db.collection('emu_jobs_plain').add(docs.slice(i, i + 200))
  }
}, 60_000)
afterAll(() => emu?.stop())

async function planOf(coll: string, where: Record<string, unknown>) {
  const res = await db.collection(coll).where(where).limit(1000).get()
  const stats = await emu.admin('/_emulator/stats')
  return { ids: res.data.map((d: { _id: string }) => d._id).sort(), plan: stats.last }
}

describe('given the same 600 jobs in an indexed and an unindexed collection', () => {
  const _ = () => db.command
  const table: [string, () => Record<string, unknown>, string][] = [
    ['equality on the leading key of a compound index', () => ({ city: '济南' }), 'city_salary'],
    ['equality on an array field', () => ({ tags: '焊工' }), 'tags'],
    ['$in', () => ({ salary: _().in([3000, 4500, 99999]) }), 'salary'],
    ['range', () => ({ salary: _().gte(6000).and(_().lt(8000)) }), 'salary'],
    ['date range', () => ({ postedAt: _().gt(new Date(Date.UTC(2026, 1, 15))) }), 'postedAt'],
    ['null also finds documents without the field', () => ({ district: null }), 'district'],
    [
      'indexed key with further unindexed conditions',
      () => ({ city: '青岛', state: 'open', salary: _().gt(5000) }),
      'city_salary',
    ],
  ]
  test.each(table)('%s → answered by the index, same result as a scan', async (_name, where, index) => {
    const indexed = await planOf('emu_jobs', where())
    expect(indexed.plan).toMatchObject({ collection: 'emu_jobs', plan: 'index', index })
    expect(indexed.plan.examined).toBeLessThan(600)
    const scanned = await planOf('emu_jobs_plain', where())
    expect(scanned.plan).toMatchObject({ collection: 'emu_jobs_plain', plan: 'scan', examined: 600 })
    expect(indexed.ids).toEqual(scanned.ids)
    expect(indexed.ids.length).toBeGreaterThan(0)
  })

  const countTable: [string, () => Record<string, unknown>][] = [
    ['equality on the leading key', () => ({ city: '济南' })],
    ['equality on an array field (one element matches)', () => ({ tags: '焊工' })],
    ['$in over an array field, each document once', () => ({ tags: _().in(['焊工', 't0', 't3']) })],
    ['one range bound', () => ({ salary: _().gte(6000) })],
    ['date range bound', () => ({ postedAt: _().lt(new Date(Date.UTC(2026, 0, 20))) })],
    ['null also counts documents without the field', () => ({ district: null })],
    ['_id $in', () => ({ _id: _().in(['j1', 'j2', 'j2', 'nope']) })],
    ['the whole collection', () => ({})],
  ]
  test.each(countTable)('count() with %s → from the index alone, same total as a scan', async (_name, where) => {
    const indexed = await db.collection('emu_jobs').where(where()).count()
    const { last } = await emu.admin('/_emulator/stats')
    const scanned = await db.collection('emu_jobs_plain').where(where()).count()
    expect(indexed.total).toBe(scanned.total)
    expect(indexed.total).toBeGreaterThan(0)
    if (Object.keys(where()).length) expect(last).toMatchObject({ collection: 'emu_jobs', examined: 0 })
  })

  test('count() with further conditions or two range bounds decodes the candidates and still agrees with a scan', async () => {
    for (const where of [
      { city: '青岛', state: 'open' },
      { salary: _().gte(4000).and(_().lt(6000)) },
      { tags: _().gt('t2').and(_().lt('t5')) },
    ]) {
      const indexed = await db.collection('emu_jobs').where(where).count()
      const { last } = await emu.admin('/_emulator/stats')
      expect(last.examined).toBeGreaterThan(0)
      expect(indexed.total).toBe((await db.collection('emu_jobs_plain').where(where).count()).total)
    }
  })

  test('conditions on further keys of a compound index narrow what is read, same result as a scan', async () => {
    const where = { city: '济南', salary: _().gte(7000) }
    const indexed = await planOf('emu_jobs', where)
    const leadingOnly = (await db.collection('emu_jobs').where({ city: '济南' }).count()).total
    expect(indexed.plan).toMatchObject({ plan: 'index', index: 'city_salary' })
    expect(indexed.plan.examined).toBe(indexed.ids.length)
    expect(indexed.plan.examined).toBeLessThan(leadingOnly)
    expect(indexed.ids).toEqual((await planOf('emu_jobs_plain', where)).ids)
  })

  test('a further key holding arrays keeps those documents as candidates (no false negatives)', async () => {
    const where = { district: '370103', tags: '焊工' }
    const indexed = await planOf('emu_jobs', where)
    expect(indexed.plan).toMatchObject({ plan: 'index', index: 'district_tags' })
    expect(indexed.ids.length).toBeGreaterThan(0)
    expect(indexed.ids).toEqual((await planOf('emu_jobs_plain', where)).ids)
    const counted = await db.collection('emu_jobs').where(where).count()
    expect(counted.total).toBe(indexed.ids.length)
  })

  test('count() over several keys of one compound index is answered by the index when no array is involved', async () => {
    for (const where of [
      { city: '济南', salary: _().gte(7000) },
      { city: _().in(['青岛', '烟台']), salary: _().lte(6000) },
      { city: '潍坊', salary: _().in([3000, 5500, 6000]) },
    ]) {
      const indexed = await db.collection('emu_jobs').where(where).count()
      const { last } = await emu.admin('/_emulator/stats')
      const scanned = await db.collection('emu_jobs_plain').where(where).count()
      expect(indexed.total).toBe(scanned.total)
      expect(indexed.total).toBeGreaterThan(0)
      expect(last).toMatchObject({ collection: 'emu_jobs', plan: 'index', examined: 0 })
    }
  })

  test('a condition on an unindexed field scans', async () => {
    expect((await planOf('emu_jobs', { state: 'open' })).plan).toMatchObject({ plan: 'scan', examined: 600 })
  })

  test('an unordered query with a small limit stops reading once the page is full', async () => {
    const res = await db.collection('emu_jobs_plain').where({ state: 'open' }).limit(5).get()
    expect(res.data).toHaveLength(5)
    const { last } = await emu.admin('/_emulator/stats')
    expect(last).toMatchObject({ collection: 'emu_jobs_plain', plan: 'scan' })
    expect(last.examined).toBeLessThan(30)
  })

  test('a lookup by _id uses the primary key', async () => {
    expect((await planOf('emu_jobs', { _id: 'j7' })).plan).toMatchObject({ plan: 'id', examined: 1 })
  })
})

test('when indexed fields change or documents go, then the index follows', async () => {
  await db
    .collection('emu_jobs')
    .doc('j1')
    .update({ tags: db.command.push(['新标签']), salary: 123456 })
  expect((await planOf('emu_jobs', { tags: '新标签' })).ids).toEqual(['j1'])
  expect((await planOf('emu_jobs', { salary: 123456 })).ids).toEqual(['j1'])
  expect((await planOf('emu_jobs', { salary: 3500 })).ids).not.toContain('j1')
  await db.collection('emu_jobs').doc('j1').remove()
  expect((await planOf('emu_jobs', { tags: '新标签' })).ids).toEqual([])
})

describe('an order the index can serve is read in index order and stops at the limit, as a database does', () => {
  const _ = () => db.command
  async function page(coll: string, where: Record<string, unknown>, dir: 'asc' | 'desc', limit: number) {
    const res = await db.collection(coll).where(where).orderBy('salary', dir).orderBy('_id', 'asc').limit(limit).get()
    const { last } = await emu.admin('/_emulator/stats')
    return { ids: res.data.map((d: { _id: string }) => d._id), plan: last }
  }
  const table: [string, () => Record<string, unknown>, 'asc' | 'desc'][] = [
    ['equality on the lead, sort on the next key (its declared direction)', () => ({ city: '济南' }), 'desc'],
    ['the other direction', () => ({ city: '烟台' }), 'asc'],
    ['a lead $in: the walks of each value merged', () => ({ city: _().in(['济南', '青岛', '潍坊']) }), 'asc'],
    ['with a residual condition the index does not hold', () => ({ city: '青岛', state: 'open' }), 'desc'],
    [
      'with a range on the sort key and a keyset-like $or',
      () =>
        _().and([
          { city: _().in(['临沂', '济南']), salary: _().gte(4000) },
          _().or([{ salary: _().gt(5000) }, { salary: 5000, _id: _().gt('j3') }]),
        ]) as unknown as Record<string, unknown>,
      'asc',
    ],
  ]
  test.each(table)('%s → the same page as sorting everything, far fewer documents read', async (_n, where, dir) => {
    const indexed = await page('emu_jobs', where(), dir, 12)
    const scanned = await page('emu_jobs_plain', where(), dir, 12)
    expect(indexed.ids).toEqual(scanned.ids)
    expect(indexed.ids.length).toBe(12)
    expect(indexed.plan).toMatchObject({ plan: 'index', index: 'city_salary' })
    expect(indexed.plan.examined).toBeLessThan(60)
    expect(scanned.plan.examined).toBe(600)
  })

  test('paging through every match with a keyset gives the scan order without gaps or doubles', async () => {
    const seen: string[] = []
    let after: { s: number; id: string } | null = null
    for (let i = 0; i < 100; i++) {
      const cond: Record<string, unknown> = { city: _().in(['济南', '青岛']) }
      const where = after
        ? _().and([cond, _().or([{ salary: _().lt(after.s) }, { salary: after.s, _id: _().gt(after.id) }])])
        : cond
      const res = await db
        .collection('emu_jobs')
        .where(where)
        .orderBy('salary', 'desc')
        .orderBy('_id', 'asc')
        .limit(25)
        .get()
      const docs = res.data as { _id: string; salary: number }[]
      seen.push(...docs.map((d) => d._id))
      if (docs.length < 25) break
      after = { s: docs[docs.length - 1].salary, id: docs[docs.length - 1]._id }
    }
    // what the collection holds (an earlier test removed j1 from it), sorted here
    const all = (
      await db
        .collection('emu_jobs')
        .where({ city: _().in(['济南', '青岛']) })
        .limit(1000)
        .get()
    ).data as {
      _id: string
      salary: number
    }[]
    all.sort((a, b) => b.salary - a.salary || (a._id < b._id ? -1 : 1))
    expect(seen).toEqual(all.map((d) => d._id))
    expect(new Set(seen).size).toBe(all.length)
    expect(all.length).toBeGreaterThan(200)
  })

  test('a sort key holding another type under the prefix falls back to sorting every match, still correct', async () => {
    await db.collection('emu_jobs').add({ _id: 'odd1', city: '潍坊', salary: '面议', state: 'open' })
    await db.collection('emu_jobs_plain').add({ _id: 'odd1', city: '潍坊', salary: '面议', state: 'open' })
    const indexed = await page('emu_jobs', { city: '潍坊' }, 'desc', 5)
    const scanned = await page('emu_jobs_plain', { city: '潍坊' }, 'desc', 5)
    expect(indexed.ids).toEqual(scanned.ids)
    expect(indexed.ids[0]).toBe('odd1') // a string sorts above numbers, as in Mongo
    expect(indexed.plan.examined).toBeGreaterThan(100)
    await db.collection('emu_jobs').doc('odd1').remove()
    await db.collection('emu_jobs_plain').doc('odd1').remove()
  })
})
