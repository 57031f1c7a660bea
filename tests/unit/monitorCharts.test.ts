/** The dashboard's chart geometry: line segments in a fixed-aspect box, the tile map's placement and shading. */
import {
  linePoints,
  segment,
  shadeOf,
  tileLayout,
} from '../../miniprogram/src/packages/monitor/components/chartGeometry'

describe('trend line geometry', () => {
  it('scales from 0 to the largest value and skips missing months', () => {
    const { points, max } = linePoints([null, 5, 10])
    expect(max).toBe(10)
    expect(points).toEqual([null, { x: 50, y: 50 }, { x: 100, y: 100 }])
  })

  it('draws a rising segment as a bar rotated upwards, its length in width units of the box', () => {
    const s = segment({ x: 0, y: 0 }, { x: 50, y: 100 }, 0.5)
    expect(s.left).toBe(0)
    expect(s.top).toBe(100)
    expect(s.angle).toBeCloseTo(-45)
    expect(s.length).toBeCloseTo(Math.sqrt(2) * 50)
  })
})

describe('tile map', () => {
  const cities = [
    { code: 'w', lat: 36, lng: 116 },
    { code: 'e', lat: 36, lng: 122 },
    { code: 'n', lat: 38, lng: 119 },
    { code: 's', lat: 34, lng: 119 },
    { code: 'e2', lat: 36, lng: 121.9 },
  ]
  it('puts west left, east right, north on top, and never two regions in one cell', () => {
    const { tiles } = tileLayout(cities, 5)
    const at = new Map(tiles.map((t) => [t.code, t]))
    expect(at.get('w')!.col).toBeLessThan(at.get('e')!.col)
    expect(at.get('n')!.row).toBeLessThan(at.get('s')!.row)
    expect(new Set(tiles.map((t) => `${t.col},${t.row}`)).size).toBe(cities.length)
  })

  it('lays out regions without a centroid after the placed ones, in the order given', () => {
    const { tiles } = tileLayout(
      [
        { code: '2', lat: null, lng: null },
        { code: '1', lat: null, lng: null },
      ],
      5,
    )
    expect(tiles.map((t) => [t.code, t.col, t.row])).toEqual([
      ['2', 0, 0],
      ['1', 1, 0],
    ])
  })

  it('shades by 求人倍率 class, grey for 暂无数据', () => {
    expect(shadeOf(0.3)).toBe('zj-mon-shade--0')
    expect(shadeOf(1)).toBe('zj-mon-shade--2')
    expect(shadeOf(3)).toBe('zj-mon-shade--4')
    expect(shadeOf(null)).toBe('zj-mon-shade--none')
  })
})
