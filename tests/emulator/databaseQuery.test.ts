/**
 * Query semantics of the emulator through the real SDK: every query command we use, against a table of
 * expected results, plus orderBy / skip / limit / field, count, and CloudBase's get() limits.
 */
import { startEmulator, type TestEmulator } from '../helpers/emulator'

let emu: TestEmulator
type Db = ReturnType<ReturnType<TestEmulator['sdk']>['database']>
let db: Db

const aWorker = (id: string, over: Record<string, unknown> = {}) => ({
  _id: id,
  name: `工人${id}`,
  salary: 5000,
  tags: [],
  ...over,
})

const FIXTURES = [
  aWorker('a', {
    salary: 3000,
    city: '济南',
    tags: ['焊工', '夜班'],
    skills: [{ name: 'weld', level: 3 }],
    age: 21,
    note: 'Welder',
  }),
  aWorker('b', { salary: 5000, city: '青岛', tags: ['电工'], skills: [{ name: 'wire', level: 5 }], age: 35 }),
  aWorker('c', {
    salary: 8000,
    city: '济南',
    tags: ['焊工', '电工'],
    skills: [
      { name: 'weld', level: 5 },
      { name: 'wire', level: 1 },
    ],
    age: 44,
    note: 'senior welder',
  }),
  aWorker('d', { salary: 12000, city: '烟台', tags: [], age: 52, address: { district: '370102', street: '泉城路' } }),
  aWorker('e', {
    salary: 4500,
    city: null,
    tags: ['育婴师', '护理员', '厨师'],
    age: 28,
    address: { district: '370202' },
  }),
]

beforeAll(async () => {
  emu = await startEmulator({
    seed: false,
    indexes: {
      emu_workers: [
        { name: 'salary', keys: { salary: 1 } },
        { name: 'tags', keys: { tags: 1 } },
      ],
    },
  })
  db = emu.sdk().database()
  await db.collection('emu_workers').add(FIXTURES)
}, 60_000)
afterAll(() => emu?.stop())

const ids = (res: { data: { _id?: string }[] }) =>
  res.data
    .map((d) => d._id)
    .sort()
    .join(',')

describe('given five workers, when queried with each command, then the matching ones come back', () => {
  const _ = () => db.command
  const table: [string, () => Record<string, unknown>, string][] = [
    ['equality on a field', () => ({ city: '济南' }), 'a,c'],
    ['eq', () => ({ salary: _().eq(5000) }), 'b'],
    ['neq', () => ({ city: _().neq('济南') }), 'b,d,e'],
    ['lt', () => ({ salary: _().lt(5000) }), 'a,e'],
    ['lte', () => ({ salary: _().lte(5000) }), 'a,b,e'],
    ['gt', () => ({ salary: _().gt(5000) }), 'c,d'],
    ['gte and lte combined', () => ({ salary: _().gte(4500).and(_().lte(8000)) }), 'b,c,e'],
    ['in', () => ({ city: _().in(['青岛', '烟台']) }), 'b,d'],
    ['nin', () => ({ city: _().nin(['济南', '青岛']) }), 'd,e'],
    ['array contains an element', () => ({ tags: '焊工' }), 'a,c'],
    ['all', () => ({ tags: _().all(['焊工', '电工']) }), 'c'],
    ['elemMatch', () => ({ skills: _().elemMatch({ name: 'weld', level: _().gte(5) }) }), 'c'],
    ['exists true', () => ({ note: _().exists(true) }), 'a,c'],
    ['exists false', () => ({ address: _().exists(false) }), 'a,b,c'],
    ['size', () => ({ tags: _().size(3) }), 'e'],
    ['mod', () => ({ age: (_() as any).mod([2, 0]) }), 'c,d,e'],
    ['null matches null and missing', () => ({ city: null }), 'e'],
    ['and', () => (_() as any).and([{ city: '济南' }, { salary: _().gt(4000) }]), 'c'],
    ['or', () => (_() as any).or([{ city: '青岛' }, { age: _().gt(50) }]), 'b,d'],
    ['nor', () => (_() as any).nor([{ city: '济南' }, { city: '青岛' }]), 'd,e'],
    ['not', () => ({ salary: _().not(_().gt(5000)) }), 'a,b,e'],
    ['RegExp (case-insensitive)', () => ({ note: db.RegExp({ regexp: 'welder', options: 'i' }) }), 'a,c'],
    ['JS RegExp', () => ({ name: /^工人[ab]$/ }), 'a,b'],
    ['nested field by object', () => ({ address: { district: '370102' } }), 'd'],
    ['nested field by dot path', () => ({ 'address.district': '370202' }), 'e'],
    ['several fields are AND-ed', () => ({ city: '济南', tags: '电工' }), 'c'],
    ['indexed range on an array field index', () => ({ tags: _().in(['厨师', '电工']) }), 'b,c,e'],
  ]
  test.each(table)('%s', async (_name, where, expected) => {
    const res = await db.collection('emu_workers').where(where()).get()
    expect(ids(res)).toBe(expected)
    const count = await db.collection('emu_workers').where(where()).count()
    expect(count.total).toBe(expected.split(',').filter(Boolean).length)
  })
})

describe('ordering, paging and projection', () => {
  test('when ordered by salary descending with skip and limit, then that page comes back in order', async () => {
    const res = await db.collection('emu_workers').where({}).orderBy('salary', 'desc').skip(1).limit(2).get()
    expect(res.data.map((d: { _id: string }) => d._id)).toEqual(['c', 'b'])
  })
  test('when ordered by two keys, then ties are broken by the second', async () => {
    const res = await db.collection('emu_workers').orderBy('city', 'asc').orderBy('salary', 'desc').get()
    expect(res.data.map((d: { _id: string }) => d._id)).toEqual(['e', 'c', 'a', 'd', 'b'])
  })
  test('when fields are chosen, then only those (and _id) come back', async () => {
    const res = await db.collection('emu_workers').where({ _id: 'a' }).field({ name: true, salary: true }).get()
    expect(res.data).toEqual([{ _id: 'a', name: '工人a', salary: 3000 }])
  })
  test('when a document is read by id, then it comes back whole, and a missing id gives an empty list', async () => {
    const res = await db.collection('emu_workers').doc('b').get()
    expect(res.data).toEqual([
      expect.objectContaining({ _id: 'b', city: '青岛', skills: [{ name: 'wire', level: 5 }] }),
    ])
    expect((await db.collection('emu_workers').doc('zzz').get()).data).toEqual([])
  })
})

describe('limits, as CloudBase', () => {
  beforeAll(async () => {
    await db.createCollection('emu_many')
    const docs = Array.from({ length: 1200 }, (_, i) => ({ _id: `m${String(i).padStart(4, '0')}`, i }))
    for (let i = 0; i < docs.length; i += 400) await db.collection('emu_many').add(docs.slice(i, i + 400))
  })
  test('given 1200 documents, when get() has no limit, then 100 come back', async () => {
    expect((await db.collection('emu_many').get()).data).toHaveLength(100)
  })
  test('when the limit asks for more than 1000, then 1000 come back', async () => {
    expect((await db.collection('emu_many').limit(5000).get()).data).toHaveLength(1000)
  })
  test('when skipping past 1000, then the rest is reachable and count sees everything', async () => {
    const res = await db.collection('emu_many').orderBy('i', 'asc').skip(1100).limit(1000).get()
    expect(res.data).toHaveLength(100)
    expect(res.data[0].i).toBe(1100)
    expect((await db.collection('emu_many').count()).total).toBe(1200)
  })
})

describe('geo', () => {
  beforeAll(async () => {
    await db.createCollection('emu_places')
    const P = (lng: number, lat: number) => new db.Geo.Point(lng, lat)
    await db.collection('emu_places').add([
      { _id: 'quancheng', name: '泉城广场', loc: P(117.0196, 36.6613) },
      { _id: 'daming', name: '大明湖', loc: P(117.0222, 36.6746) },
      { _id: 'qingdao', name: '青岛五四广场', loc: P(120.3843, 36.0617) },
      { _id: 'lixia', name: '历下区政府', loc: P(117.0766, 36.6664) },
    ])
  })
  test('when searching near a point, then places come nearest first and far ones are cut by maxDistance', async () => {
    const _ = db.command
    const res = await db
      .collection('emu_places')
      .where({ loc: _.geoNear({ geometry: new db.Geo.Point(117.02, 36.665), maxDistance: 20_000 }) })
      .get()
    expect(res.data.map((d: { _id: string }) => d._id)).toEqual(['quancheng', 'daming', 'lixia'])
  })
  test('when searching within a polygon, then only places inside come back', async () => {
    const _ = db.command
    const { Point, LineString, Polygon } = db.Geo as any
    const ring = new LineString([
      new Point(117.0, 36.65),
      new Point(117.05, 36.65),
      new Point(117.05, 36.68),
      new Point(117.0, 36.68),
      new Point(117.0, 36.65),
    ])
    const res = await db
      .collection('emu_places')
      .where({ loc: _.geoWithin({ geometry: new Polygon([ring]) }) })
      .get()
    expect(ids(res)).toBe('daming,quancheng')
  })
  test('when aggregating with geoNear, then the distance field is filled and ordered', async () => {
    const res = await db
      .collection('emu_places')
      .aggregate()
      .geoNear({ near: new db.Geo.Point(117.02, 36.665), distanceField: 'd', spherical: true, key: 'loc' })
      .limit(2)
      .end()
    expect(res.data.map((d: { _id: string }) => d._id)).toEqual(['quancheng', 'daming'])
    expect(res.data[0].d).toBeGreaterThan(300)
    expect(res.data[0].d).toBeLessThan(600)
    expect(res.data[1].d).toBeGreaterThan(res.data[0].d)
  })
})
