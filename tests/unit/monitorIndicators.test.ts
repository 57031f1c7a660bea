/** The indicator definitions: one place, the glossary agrees, ratios from summed parts, China-time months, Chinese formats. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  addMonths,
  COMPONENT_KEYS,
  cstMonthOf,
  deliveryBucketOf,
  deliveryComponents,
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
  sumDeliveries,
  sumTraining,
} from '../../shared/monitor/indicators'
import { OUTBOX_STATES } from '../../shared/actions/notify'
import { deliveriesOf, trainingOf } from '../../cloudfunctions/monitor/helpers/overviewAnswer'
import { figuresOf } from '../../cloudfunctions/monitor/services/figures.service'
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
    expect(csv).not.toContain('济南市政策消息送达') // an empty section is left out
    expect(csv.startsWith('\uFEFF地区,地区代码')).toBe(true)
    expect(csv.split('\r\n')[2].startsWith('历下区,370102,2026-06')).toBe(true)
  })
})

describe("a region's figures from its rows", () => {
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

describe('政策找人 message delivery and training by occupation', () => {
  it('places every outbox state in one delivery bucket, and an unknown state among the pending (never delivered)', () => {
    expect(OUTBOX_STATES.map((s) => [s, deliveryBucketOf(s)])).toEqual([
      ['pending', 'pending'],
      ['claimed', 'pending'],
      ['sending', 'pending'],
      ['sent', 'delivered'],
      ['skipped', 'refused'],
      ['dead', 'failed'],
      ['uncertain', 'pending'],
    ])
    expect(deliveryBucketOf('somethingNew')).toBe('pending')
  })

  it('sums deliveries per policy across regions (old snapshots without them count as none) and derives the components', () => {
    const a = { p1: { queued: 3, delivered: 2, refused: 1, failed: 0, pending: 0, fallbacks: 1 } }
    const b = {
      p1: { queued: 1, delivered: 0, refused: 0, failed: 1, pending: 0, fallbacks: 1 },
      p2: { queued: 2, delivered: 1, refused: 0, failed: 0, pending: 1, fallbacks: 0 },
    }
    const sum = sumDeliveries([a, undefined, b])
    expect(sum).toEqual({
      p1: { queued: 4, delivered: 2, refused: 1, failed: 1, pending: 0, fallbacks: 2 },
      p2: { queued: 2, delivered: 1, refused: 0, failed: 0, pending: 1, fallbacks: 0 },
    })
    const c = { ...emptyCounts(0), ...deliveryComponents(sum) }
    expect(deriveValues(c).pushQueued).toBe(6)
    expect(deriveValues(c).pushDeliveryRate).toBe(0.5)
    expect(deriveValues(emptyCounts(0)).pushDeliveryRate).toBeNull() // nothing sent: no rate, not 0%
  })

  it('sums training by occupation code and lists it most certificates first, with the shipped occupation names', () => {
    const sum = sumTraining([
      { '6-18-02-04': { seats: 30, filled: 12, completions: 1, certificates: 1 } },
      undefined,
      {
        '6-18-02-04': { seats: 0, filled: 0, completions: 2, certificates: 2 },
        '4-10-01-06': { seats: 10, filled: 3, completions: 2, certificates: 1 },
      },
    ])
    expect(trainingOf({ training: sum })).toEqual([
      { occupationCode: '6-18-02-04', occupationName: '焊工', seats: 30, filled: 12, completions: 3, certificates: 3 },
      {
        occupationCode: '4-10-01-06',
        occupationName: '家政服务员',
        seats: 10,
        filled: 3,
        completions: 2,
        certificates: 1,
      },
    ])
  })

  it('lists deliveries most queued first with their rate and the policy title', () => {
    const rows = deliveriesOf({
      deliveries: {
        'job-seeking-subsidy': { queued: 1, delivered: 1, refused: 0, failed: 0, pending: 0, fallbacks: 0 },
        'skill-assessment-subsidy': { queued: 4, delivered: 1, refused: 2, failed: 1, pending: 0, fallbacks: 3 },
      },
    })
    expect(rows.map((r) => [r.policyId, r.title, r.deliveryRate])).toEqual([
      ['skill-assessment-subsidy', '职业技能评价补贴', 0.25],
      ['job-seeking-subsidy', '求职创业补贴', 1],
    ])
  })

  it('a street has no training by occupation (courses name a district), a district does', () => {
    const row = {
      counts: emptyCounts(0),
      occupations: {},
      policies: {},
      training: { '6-18-02-04': { seats: 1, filled: 1, completions: 1, certificates: 1 } },
    }
    expect(figuresOf([row], 'street', []).training).toEqual({})
    expect(figuresOf([row], 'district', []).training).toEqual(row.training)
  })
})

describe('the export of what is on screen', () => {
  it('adds the deliveries and training by occupation after an empty line, each with its title and header, 暂无数据 for no rate', () => {
    const { csv, rows } = monitorCsv({
      regionCode: '370102',
      regionName: '历下区',
      level: 'district',
      month: '2026-06',
      source: 'snapshot',
      asOf: null,
      breadcrumbs: [],
      indicators: [],
      children: [],
      funnel: [],
      missing: [],
      deliveries: [
        {
          policyId: 'p1',
          title: '求职创业补贴',
          queued: 0,
          delivered: 0,
          refused: 0,
          failed: 0,
          pending: 0,
          fallbacks: 0,
          deliveryRate: null,
        },
      ],
      training: [
        {
          occupationCode: '6-18-02-04',
          occupationName: '焊工',
          seats: 30,
          filled: 12,
          completions: 1,
          certificates: 1,
        },
      ],
    })
    expect(rows).toBe(3)
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n')
    expect(lines.slice(2)).toEqual([
      '',
      '历下区政策消息送达',
      '政策,政策编号,发出（条）,送达,未授权,失败,待发送或不明,转走访,送达率（比率）',
      '求职创业补贴,p1,0,0,0,0,0,0,暂无数据',
      '',
      '历下区分职业培训与取证',
      '职业,职业代码,培训名额（个）,报名人数（人）,结业人数（人）,取证人数（人）',
      '焊工,6-18-02-04,30,12,1,1',
      '',
    ])
  })
})
