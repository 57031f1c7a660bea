import { matchJob, meetsEducation, type MatchJob, type MatchProfile } from '../../shared/job/match'

const aProfile = (over: Partial<MatchProfile> = {}): MatchProfile => ({
  desiredOccupations: ['6-18-02-04'],
  skills: ['识图', '二氧化碳气体保护焊'],
  regionCode: '370102',
  expectedSalaryMin: 6000,
  education: 'junior',
  ...over,
})
const aJob = (over: Partial<MatchJob> = {}): MatchJob => ({
  occupationCode: '6-18-02-04',
  skills: ['识图', '二氧化碳气体保护焊', '氩弧焊'],
  districtCode: '370102',
  districtName: '历下区',
  cityCode: '370100',
  cityName: '济南市',
  salaryMonthlyMax: 8000,
  education: 'junior',
  ...over,
})

describe('recommendation match', () => {
  it('given the wanted occupation nearby at the expected pay, then the match is high and explained in Chinese', () => {
    const m = matchJob(aProfile(), aJob())
    expect(m.matchPercent).toBeGreaterThanOrEqual(90)
    expect(m.reasons).toEqual(expect.arrayContaining(['求职意向相符（焊工）', '就在您所在的历下区']))
    expect(m.lackingSkills).toEqual(['氩弧焊'])
    expect(m.explanation).toContain('还需掌握：氩弧焊')
    expect(m.explanation).toMatch(/^匹配度 \d+%/)
  })
  it('given a resident with every skill, then nothing is lacking and the sentence says so', () => {
    const m = matchJob(aProfile({ skills: ['识图', '二氧化碳气体保护焊', '氩弧焊'] }), aJob())
    expect(m.lackingSkills).toEqual([])
    expect(m.explanation).toContain('岗位要求的技能您都具备')
  })
  it('given a posting in another city, then it ranks below the same posting at home', () => {
    const home = matchJob(aProfile(), aJob()).matchPercent
    const away = matchJob(aProfile(), aJob({ districtCode: '370211', cityCode: '370200' })).matchPercent
    const sameCity = matchJob(aProfile(), aJob({ districtCode: '370103' })).matchPercent
    expect(home).toBeGreaterThan(sameCity)
    expect(sameCity).toBeGreaterThan(away)
  })
  it('given another occupation, then the match falls', () => {
    expect(matchJob(aProfile(), aJob({ occupationCode: 'L-4-11' })).matchPercent).toBeLessThan(
      matchJob(aProfile(), aJob()).matchPercent - 30,
    )
  })
  it('given pay below the expectation, then salary counts less', () => {
    expect(matchJob(aProfile(), aJob({ salaryMonthlyMax: 4000 })).matchPercent).toBeLessThan(
      matchJob(aProfile(), aJob()).matchPercent,
    )
  })
  it('education: 中专 counts as 高中; below the requirement fails', () => {
    expect(meetsEducation('secondaryVocational', 'senior')).toBe(true)
    expect(meetsEducation('junior', 'college')).toBe(false)
    expect(meetsEducation(null, 'none')).toBe(true)
    expect(matchJob(aProfile({ education: 'junior' }), aJob({ education: 'bachelor' })).reasons.join()).not.toContain(
      '学历',
    )
  })
  it('similar skill names count (育婴 covers 育婴员证)', () => {
    expect(matchJob(aProfile({ skills: ['育婴'] }), aJob({ skills: ['育婴员证'] })).lackingSkills).toEqual([])
  })

  it('given a wanted city other than home, then a posting there scores like one at home and says so', () => {
    const qingdao = aJob({ districtCode: '370202', districtName: '市南区', cityCode: '370200', cityName: '青岛市' })
    const without = matchJob(aProfile(), qingdao)
    const withWish = matchJob(aProfile({ desiredCities: ['370200'] }), qingdao)
    expect(withWish.reasons).toContain('在您想去的青岛市')
    expect(without.reasons.some((r) => r.includes('青岛'))).toBe(false)
    expect(withWish.matchPercent - without.matchPercent).toBe(25)
    // a wanted district names the district; home still wins over a wish in the same place
    expect(matchJob(aProfile({ desiredCities: ['370202'] }), qingdao).reasons).toContain('在您想去的市南区')
    expect(matchJob(aProfile({ desiredCities: ['370102'] }), aJob()).reasons).toContain('就在您所在的历下区')
    // a wanted province counts less than a city
    expect(matchJob(aProfile({ desiredCities: ['370000'] }), qingdao).matchPercent).toBe(without.matchPercent + 10)
  })
})
