/** The seed, written into an in-memory writer: real divisions, consistent synthetic persons, demo identities. */
import { createHash } from 'node:crypto'
import { loadModuleSeed, seedAll } from '../../mock/seed/index'
import { idNumberFacts, isValidIdNumber } from '../../shared/idNumber'
import { idHash, revealPersonIdentifiers } from '../../cloudfunctions/_core/pii'
import { maskIdNumber, maskPhone } from '../../shared/mask'
import { ageOn } from '../../mock/seed/base/persons'

type Doc = Record<string, any>
function memoryWriter() {
  const cols = new Map<string, Doc[]>()
  return {
    cols,
    insertMany(c: string, docs: Doc[]) {
      if (!cols.has(c)) cols.set(c, [])
      cols.get(c)!.push(...docs)
    },
  }
}
const NOW = new Date('2026-11-23T10:00:00+08:00')
let w: ReturnType<typeof memoryWriter>
const col = (name: string) => w.cols.get(name) ?? []
const byId = (name: string, id: string): Doc => col(name).find((d) => d._id === id) as Doc

beforeAll(async () => {
  w = memoryWriter()
  await seedAll(w, { persons: 600, seed: 7, now: NOW, progress: false })
}, 60_000)

describe('seed', () => {
  test("regions are Shandong's real divisions: 16 cities, their districts and streets, each with a parent", () => {
    const regions = col('regions')
    expect(regions.filter((r) => r.level === 'city').map((r) => r.name)).toEqual(
      expect.arrayContaining(['济南市', '青岛市', '烟台市', '菏泽市']),
    )
    expect(regions.filter((r) => r.level === 'city')).toHaveLength(16)
    expect(byId('regions', '370102')).toMatchObject({ name: '历下区', level: 'district', parent: '370100' })
    expect(regions.filter((r) => r.level === 'street').length).toBeGreaterThan(1500)
    const codes = new Set(regions.map((r) => r._id))
    for (const r of regions) if (r.parent) expect(codes.has(r.parent)).toBe(true)
    for (const d of regions.filter((r) => r.level === 'district')) {
      expect(d.lat).toBeGreaterThan(34)
      expect(d.lat).toBeLessThan(38.5)
      expect(d.lng).toBeGreaterThan(114.5)
      expect(d.lng).toBeLessThan(123)
    }
  })

  test('every person has a valid ID number that agrees with their birth date, sex and hukou region, and a findable idHash', () => {
    const persons = col('persons')
    expect(persons.length).toBe(600 + persons.filter((p) => String(p._id).startsWith('p_demo')).length)
    const ids = new Set<string>()
    for (const p of persons) {
      // at rest: only masked forms in the plain fields; the sealed values open to valid numbers
      const { idNumber, phone } = revealPersonIdentifiers(p)
      expect(p.idNumber).toBe(maskIdNumber(idNumber))
      expect(p.phone).toBe(maskPhone(phone))
      expect(isValidIdNumber(idNumber as string)).toBe(true)
      expect(idNumberFacts(idNumber as string)).toEqual({
        birthDate: p.birthDate,
        sex: p.sex,
        regionCode: p.hukouRegion,
      })
      expect(p.idHash).toBe(idHash(idNumber as string))
      expect(phone).toMatch(/^1[3-9]\d{9}$/)
      expect(byId('grids', p.gridCode)).toMatchObject({ level: 'community', regionCode: p.residenceRegion })
      ids.add(idNumber as string)
    }
    expect(ids.size).toBe(persons.length)
  })

  test('person facts hang together: graduates after school age, key groups follow status', () => {
    const nowMs = NOW.getTime()
    for (const p of col('persons')) {
      const age = ageOn(p.birthDate, nowMs)
      expect(age).toBeGreaterThanOrEqual(16)
      if (p.graduationYear) expect(p.graduationYear - Number(p.birthDate.slice(0, 4))).toBeGreaterThanOrEqual(17)
      if (p.keyGroups.includes('registeredUnemployed'))
        expect(p.registeredUnemployed && p.employmentStatus === 'unemployed').toBe(true)
      if (p.keyGroups.includes('recentGraduate')) expect(p.graduationYear).toBeGreaterThanOrEqual(2024)
      if (p.employmentStatus === 'selfEmployed') expect(p.businessRegisteredAt).toBeTruthy()
    }
    const groups = new Set(col('persons').flatMap((p) => p.keyGroups))
    expect([...groups].sort()).toEqual([
      'disabled',
      'employmentDifficulty',
      'povertyAlleviated',
      'recentGraduate',
      'registeredUnemployed',
      'returnedMigrant',
      'veteran',
      'zeroEmploymentFamily',
    ])
  })

  test('the demo identities exist exactly as the contract describes them', () => {
    const resident = byId('users', 'o_demo_resident')
    const person = byId('persons', resident.personId)
    expect(person).toMatchObject({
      residenceRegion: '370102',
      registeredUnemployed: true,
      employmentStatus: 'unemployed',
      graduationYear: 2026,
      boundOpenid: 'o_demo_resident',
    })
    expect(person.keyGroups).toEqual(expect.arrayContaining(['recentGraduate', 'registeredUnemployed']))
    const resident2 = byId('users', 'o_demo_resident2')
    expect(resident2.personId).toBeTruthy()
    expect(resident2.personId).not.toBe(resident.personId)

    const grid = byId('users', 'o_demo_grid'),
      grid2 = byId('users', 'o_demo_grid2')
    expect(grid.roles).toContain('grid')
    expect(grid.gridCodes).toHaveLength(1)
    expect(grid2.gridCodes).toHaveLength(1)
    expect(grid.gridCodes[0]).not.toBe(grid2.gridCodes[0])
    for (const code of [grid.gridCodes[0], grid2.gridCodes[0]]) {
      const people = col('persons').filter((p) => p.gridCode === code)
      expect(people.length).toBeGreaterThanOrEqual(5)
      expect(people.filter((p) => p.keyGroups.length > 0).length).toBeGreaterThanOrEqual(3)
    }

    const dept = byId('departments', byId('users', 'o_demo_handler').departmentId)
    expect(dept.regionCodes).toContain('370102')
    expect([...dept.categories].sort()).toEqual(['complaint', 'consultation', 'praise', 'suggestion'])
    const dept2 = byId('departments', byId('users', 'o_demo_handler2').departmentId)
    expect(dept2.regionCodes).not.toContain('370102')
    expect(byId('users', 'o_demo_admin').roles).toContain('admin')
  })

  test('grids form a hierarchy city → district → street → community, each community grid with a worker', () => {
    const grids = col('grids')
    const codes = new Map(grids.map((g) => [g._id, g]))
    const levels = { community: 'street', street: 'district', district: 'city' } as Record<string, string>
    for (const g of grids) {
      if (g.level === 'city') continue
      expect(codes.get(g.parent)?.level).toBe(levels[g.level])
    }
    const users = new Map(col('users').map((u) => [u._id, u]))
    for (const g of grids.filter((x) => x.level === 'community').slice(0, 500)) {
      expect(g.workerOpenids).toHaveLength(1)
      expect(users.get(g.workerOpenids[0])?.gridCodes).toContain(g.code)
    }
  })

  test('the same seed and clock give the same data; another seed gives other persons', async () => {
    // sealed identifiers use a fresh random IV each time (by design), so compare what they open to instead
    const open = (d: Doc) =>
      d.idNumberEnc ? { ...d, idNumberEnc: undefined, phoneEnc: undefined, ...revealPersonIdentifiers(d) } : d
    const digest = (m: Map<string, Doc[]>) =>
      createHash('sha256')
        .update(
          JSON.stringify(
            [...m.entries()]
              .filter(([c]) => ['persons', 'grids', 'users', 'regions', 'departments'].includes(c))
              .map(([c, docs]) => [c, docs.map(open)]),
          ),
        )
        .digest('hex')
    const again = memoryWriter()
    await seedAll(again, { persons: 600, seed: 7, now: NOW, progress: false })
    expect(digest(again.cols)).toBe(digest(w.cols))
    const other = memoryWriter()
    await seedAll(other, { persons: 600, seed: 8, now: NOW, progress: false })
    expect(digest(other.cols)).not.toBe(digest(w.cols))
  }, 60_000)
})

describe('module seeds', () => {
  const missing =
    (path: string, from = 'mock/seed/index.ts') =>
    () => {
      throw Object.assign(new Error(`Cannot find module '${path}' from '${from}'`), { code: 'MODULE_NOT_FOUND' })
    }
  test('a module without a seed file is skipped; a seed whose own import is missing still fails loudly', () => {
    expect(loadModuleSeed('job', missing('./job.seed'))).toBeNull()
    expect(() => loadModuleSeed('job', missing('./helpers', 'mock/seed/job.seed.ts'))).toThrow(/helpers/)
    expect(() =>
      loadModuleSeed('job', () => {
        throw new TypeError('bug in the seed')
      }),
    ).toThrow(/bug in the seed/)
  })

  test('the default export of a seed file is the module seed', () => {
    const seed = async () => undefined
    expect(loadModuleSeed('job', () => ({ default: seed }))).toBe(seed)
  })
})

test('desired occupations are codes of the shared occupation list, derived from the desired job titles', async () => {
  const { findOccupation } = await import('../../shared/occupations/occupations')
  const persons = col('persons')
  expect(byId('persons', 'p_demo_resident2').desiredOccupations).toEqual(['4-10-01-02']) // 育婴师 → 育婴员
  const withCodes = persons.filter((p) => p.desiredOccupations.length > 0)
  expect(withCodes.length).toBeGreaterThan(persons.length / 3)
  for (const p of withCodes) for (const code of p.desiredOccupations) expect(findOccupation(code)).toBeTruthy()
})
