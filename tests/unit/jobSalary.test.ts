import { fromMonthly, salaryText, toMonthly } from '../../shared/job/salary'

describe('salary normalisation (21.75 paid days a month, 8 hours a day)', () => {
  it('given a monthly wage, when normalised, then it is unchanged', () => {
    expect(toMonthly(5000, 'month')).toBe(5000)
  })
  it('given a day rate of 200 元, when normalised, then the month is 200 × 21.75 = 4350', () => {
    expect(toMonthly(200, 'day')).toBe(4350)
  })
  it('given an hourly rate of 25 元, when normalised, then the month is 25 × 8 × 21.75 = 4350', () => {
    expect(toMonthly(25, 'hour')).toBe(4350)
  })
  it('given units compared on the monthly scale, then a 260 元/天 gig pays more than a 5000 元/月 job', () => {
    expect(toMonthly(260, 'day')).toBeGreaterThan(toMonthly(5000, 'month'))
  })
  it('converts a monthly figure back to a day rate', () => {
    expect(fromMonthly(4350, 'day')).toBe(200)
  })
  it('shows ranges, single amounts and 面议 the way a resident reads them', () => {
    expect(salaryText(4000, 6000, 'month')).toBe('4000-6000元/月')
    expect(salaryText(200, 200, 'day')).toBe('200元/天')
    expect(salaryText(0, 0, 'hour')).toBe('面议')
  })
})
