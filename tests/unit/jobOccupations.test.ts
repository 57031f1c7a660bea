import {
  findOccupationsByText,
  MAJOR_GROUPS,
  OCCUPATIONS,
  occupationAncestors,
} from '../../shared/occupations/occupations'

describe('occupation codes', () => {
  it('official codes have the 大典 shape and cite a source; every other code is visibly local', () => {
    for (const o of OCCUPATIONS) {
      if (o.official) {
        expect(o.code).toMatch(/^[1-8]-\d{2}-\d{2}-\d{2}$/)
        expect(o.source).toMatch(/职业编码/)
      } else {
        expect(o.code).toMatch(/^L-[1-8]-\d{2}$/)
      }
    }
  })
  it('codes are unique', () => {
    expect(new Set(OCCUPATIONS.map((o) => o.code)).size).toBe(OCCUPATIONS.length)
  })
  it('ancestors: 6-18-02-04 → 6, 6-18, 6-18-02, itself; a local code keeps only its major group', () => {
    expect(occupationAncestors('6-18-02-04')).toEqual(['6', '6-18', '6-18-02', '6-18-02-04'])
    expect(occupationAncestors('L-4-07')).toEqual(['4', 'L-4-07'])
    expect(Object.keys(MAJOR_GROUPS)).toHaveLength(8)
  })
  it('finds occupations from free-text titles (育婴师 → 育婴员)', () => {
    expect(findOccupationsByText('育婴师').map((o) => o.code)).toEqual(['4-10-01-02'])
    expect(findOccupationsByText('数据分析师')).toEqual([])
  })
})
