import { bandOf, cellKey, cellsInBox, dayOf, searchKeysOf, windowKeys } from '../../shared/job/searchKeys'

const aPosting = (over: Partial<Parameters<typeof searchKeysOf>[0]> = {}) => ({
  tokens: ['焊工', '电焊'],
  titleTokens: ['焊工'],
  cityCode: '370100',
  districtCode: '370102',
  occupationAncestors: ['6', '6-18', '6-18-02', '6-18-02-04'],
  postedAtMs: Date.parse('2026-11-23T09:00:00+08:00'),
  salaryMonthlyMax: 8500,
  lat: 36.67,
  lng: 117.07,
  ...over,
})

describe('search keys (day- and pay-partitioned index entries)', () => {
  it('days are China days: 23:30 and 00:30 (+08:00) fall on consecutive days', () => {
    expect(dayOf(Date.parse('2026-11-23T00:30:00+08:00')) - dayOf(Date.parse('2026-11-22T23:30:00+08:00'))).toBe(1)
  })
  it('a posting is findable by word, word in its city, title word, district, occupation at every level, and pay band', () => {
    const p = aPosting()
    const keys = searchKeysOf(p)
    const d = dayOf(p.postedAtMs)
    for (const k of [
      `焊工|${d}`,
      `370100/焊工|${d}`,
      `h:焊工|${d}`,
      `370100/h:焊工|${d}`,
      `d:370102|${d}`,
      `c:370100|${d}`,
      `o:6-18|${d}`,
      `o:6-18-02-04|${d}`,
      '焊工$8',
      '370100/焊工$8',
      cellKey(36.67, 117.07),
    ]) {
      expect(keys).toContain(k)
    }
    expect(keys.some((k) => k.startsWith('h:电焊'))).toBe(false) // 电焊 is not in the title
  })
  it('pay bands are 1,000 元 wide, capped at the top', () => {
    expect(bandOf(8999)).toBe(8)
    expect(bandOf(9000)).toBe(9)
    expect(bandOf(1_000_000)).toBe(40)
  })
  it('a window lists the newest bucket first', () => {
    expect(windowKeys(['焊工'], 12, 10)).toEqual(['焊工|12', '焊工|11', '焊工|10'])
  })
  it('the cells of a box cover every posting inside it', () => {
    const cells = cellsInBox({ minLat: 36.6, maxLat: 36.75, minLng: 117.0, maxLng: 117.15 })
    expect(cells).toContain(cellKey(36.67, 117.07))
    expect(cells).toContain(cellKey(36.74, 117.14))
  })
})
