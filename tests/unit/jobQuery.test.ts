import { parseQuery } from '../../shared/job/query'

const districts = [
  { code: '370102', name: '历下区' },
  { code: '370211', name: '黄岛区' },
]

describe('query parsing: one search box, several filters', () => {
  it('given "济南 焊工", then the city becomes a filter and 焊工 stays the keyword', () => {
    expect(parseQuery('济南 焊工', districts)).toEqual({ text: '焊工', cityCode: '370100' })
  })
  it('given "济南市电焊工", then the full city name is recognised too', () => {
    expect(parseQuery('济南市电焊工', districts)).toMatchObject({ text: '电焊工', cityCode: '370100' })
  })
  it('given a district name (with or without 区), then it becomes the district filter', () => {
    expect(parseQuery('历下区 保安', districts)).toMatchObject({ text: '保安', districtCode: '370102' })
    expect(parseQuery('黄岛 普工', districts)).toMatchObject({ text: '普工', districtCode: '370211' })
  })
  it('given 日结 or 零工, then the job type is gig; given 兼职, part-time', () => {
    expect(parseQuery('日结 装卸工')).toMatchObject({ text: '装卸工', jobType: 'gig' })
    expect(parseQuery('零工')).toMatchObject({ text: '', jobType: 'gig' })
    expect(parseQuery('兼职客服')).toMatchObject({ text: '客服', jobType: 'partTime' })
  })
  it('given a salary figure, then it becomes a monthly minimum (day and hour rates converted)', () => {
    expect(parseQuery('焊工 6000以上')).toMatchObject({ text: '焊工', salaryMin: 6000 })
    expect(parseQuery('装卸工 200元/天')).toMatchObject({ text: '装卸工', salaryMin: 4350 })
    expect(parseQuery('保洁 25元/小时')).toMatchObject({ text: '保洁', salaryMin: 4350 })
  })
  it('given a number inside a word (ISO9001, A2), then it is not a salary', () => {
    expect(parseQuery('ISO9001 质检')).toEqual({ text: 'ISO9001 质检' })
    expect(parseQuery('A2货车司机')).toEqual({ text: 'A2货车司机' })
  })
})
