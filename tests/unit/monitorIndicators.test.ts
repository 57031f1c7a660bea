/** The indicator definitions: one place, the glossary agrees, ratios from summed parts, China-time months, Chinese formats. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  addMonths,
  COMPONENT_KEYS,
  cstMonthOf,
  deriveValues,
  emptyCounts,
  HEADLINE_KEYS,
  INDICATORS,
  levelOfCode,
  monthBoundsMs,
  monthsBetween,
  regionChainOf,
  regionWithin,
  shortageRanking,
  sumCounts,
} from '../../shared/monitor/indicators'
import { formatChange, formatCount, formatValue, monitorCsv } from '../../shared/monitor/format'

const glossary = readFileSync(join(__dirname, '..', '..', 'docs', 'glossary.md'), 'utf8')

describe('indicator definitions', () => {
  it('has the contract keys, unique keys, and every definition in docs/glossary.md', () => {
    const keys = INDICATORS.map((i) => i.key)
    expect(new Set(keys).size).toBe(keys.length)
    for (const k of [
      'registeredUnemployed',
      'activePostings',
      'jobSeekers',
      'demandSupplyRatio',
      'feedbackOnTimeRate',
      'visitCoverage',
    ])
      expect(keys).toContain(k)
    expect(HEADLINE_KEYS.every((k) => keys.includes(k))).toBe(true)
    for (const i of INDICATORS) expect(glossary).toContain(`| ${i.label} | \`${i.key}\``)
    for (const i of INDICATORS) expect(glossary).toContain(i.definition)
  })

  it('given two children, when summed, then counts add and ratios come from the summed parts (not averaged)', () => {
    const a = { ...emptyCounts(0), postings: 30, jobSeekers: 10 }
    const b = { ...emptyCounts(0), postings: 10, jobSeekers: 30 }
    const v = deriveValues(sumCounts([a, b]))
    expect(v.activePostings).toBe(40)
    expect(v.demandSupplyRatio).toBe(1) // (3 + 0.33) / 2 would be 1.67
  })

  it('keeps 暂无数据 as null when every part is null, and a ratio with a zero denominator null', () => {
    const parts = [
      { ...emptyCounts(0), policyApplied: null },
      { ...emptyCounts(0), policyApplied: null },
    ]
    expect(sumCounts(parts).policyApplied).toBeNull()
    expect(deriveValues(emptyCounts(0)).demandSupplyRatio).toBeNull()
    expect(COMPONENT_KEYS.length).toBeGreaterThan(10)
  })

  it('ranks shortage occupations by ratio among those with at least 20 wanted', () => {
    const rows = [
      { occupationCode: 'a', occupationName: 'A', postings: 19, seekers: 1, ratio: 19 },
      { occupationCode: 'b', occupationName: 'B', postings: 40, seekers: 10, ratio: 4 },
      { occupationCode: 'c', occupationName: 'C', postings: 20, seekers: 2, ratio: 10 },
    ]
    expect(shortageRanking(rows).map((r) => r.occupationCode)).toEqual(['c', 'b'])
  })
})

describe('months in China time and the region tree', () => {
  it('puts 2026-11-30T16:30Z in December (00:30 in Beijing) and 15:59Z in November', () => {
    expect(cstMonthOf(Date.parse('2026-11-30T16:30:00Z'))).toBe('2026-12')
    expect(cstMonthOf(Date.parse('2026-11-30T15:59:59Z'))).toBe('2026-11')
    expect(monthBoundsMs('2026-12').startMs).toBe(Date.parse('2026-12-01T00:00:00+08:00'))
    expect(addMonths('2026-01', -1)).toBe('2025-12')
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02'])
  })

  it('knows levels and ancestry from codes', () => {
    expect(levelOfCode('370000')).toBe('province')
    expect(levelOfCode('371000')).toBe('city')
    expect(levelOfCode('370102')).toBe('district')
    expect(levelOfCode('370102001')).toBe('street')
    expect(regionChainOf('370102001')).toEqual(['370000', '370100', '370102', '370102001'])
    expect(regionWithin('370102001', '370102')).toBe(true)
    expect(regionWithin('370200', '370102')).toBe(false)
  })
})

describe('Chinese number formats', () => {
  it('formats counts, rates, ratios and missing figures', () => {
    expect(formatCount(1234)).toBe('1,234')
    expect(formatCount(12345)).toBe('1.23万')
    expect(formatCount(120000000)).toBe('1.2亿')
    expect(formatValue(0.835, '%')).toBe('83.5%')
    expect(formatValue(1.256, '倍')).toBe('1.26')
    expect(formatValue(null, '件')).toBe('暂无数据')
    expect(formatChange(0.9, 0.85, '%')).toBe('+5个百分点')
    expect(formatChange(8, 10, '人')).toBe('−2')
  })

  it('exports the region row and one row per child as CSV with a BOM', () => {
    const values = deriveValues(emptyCounts(0))
    const { csv, rows } = monitorCsv({
      regionCode: '370100',
      regionName: '济南市',
      level: 'city',
      month: '2026-06',
      source: 'snapshot',
      asOf: null,
      breadcrumbs: [],
      funnel: [],
      deliveries: [],
      training: [],
      missing: [],
      indicators: INDICATORS.map((i) => ({
        key: i.key,
        label: i.label,
        value: values[i.key],
        unit: i.unit,
        previous: null,
        updatedAt: null,
        group: i.group,
        additive: i.additive,
      })),
      children: [{ regionCode: '370102', regionName: '历下区', values, lat: null, lng: null }],
    })
    expect(rows).toBe(2)
    expect(csv.startsWith('\uFEFF地区,地区代码')).toBe(true)
    expect(csv.split('\r\n')[2].startsWith('历下区,370102,2026-06')).toBe(true)
  })
})

describe("a region's figures from its rows", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { figuresOf } =
    require('../../cloudfunctions/monitor/services/figures.service') as typeof import('../../cloudfunctions/monitor/services/figures.service')
  const row = (postings: number | null, seekers: number) => ({
    counts: emptyCounts(0),
    occupations: { '6-18-02-04': { postings, seekers } },
    policies: {},
  })

  it('counts an occupation nobody posts as 0 wanted in a district, and as unknown in a street', () => {
    expect(figuresOf([row(null, 3)], 'district', []).occupations['6-18-02-04']).toEqual({ postings: 0, seekers: 3 })
    expect(figuresOf([row(null, 3)], 'street', []).occupations['6-18-02-04']).toEqual({ postings: null, seekers: 3 })
  })

  it('shows a missing source as 暂无数据 and an empty region as zeros', () => {
    const f = figuresOf([], 'district', ['service_applications'])
    expect(f.values.registeredUnemployed).toBe(0)
    expect(f.values.policyApplied).toBeNull()
  })
})
