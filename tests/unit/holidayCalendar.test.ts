/** The holiday calendar as data: the package's years, an admin's year on top, and the checks on what is entered. */
import {
  coverageWarning,
  PACKAGE_YEARS,
  validateYearDays,
  WorkingCalendar,
  type CalendarDay,
} from '../../shared/calendar/holidayCalendar'

const aDay = (date: string, kind: CalendarDay['kind'] = 'holiday', name = '元旦'): CalendarDay => ({ date, kind, name })

describe('WorkingCalendar', () => {
  it('a year nobody entered counts Monday–Friday; once entered, its holidays are days off and its make-up days working days', () => {
    const before = new WorkingCalendar()
    expect(before.sourceOf(2027)).toBe('none')
    expect(before.isWorkingDay('2027-01-01')).toBe(true) // Friday
    const after = new WorkingCalendar([{ year: 2027, days: [aDay('2027-01-01'), aDay('2027-01-09', 'workday')] }])
    expect(after.sourceOf(2027)).toBe('admin')
    expect(after.isWorkingDay('2027-01-01')).toBe(false)
    expect(after.isWorkingDay('2027-01-09')).toBe(true) // Saturday
    expect(after.nthWorkingDayAfter('2026-12-31', 1)).toBe('2027-01-04')
  })
  it('an entered version of a package year is ignored: the published schedule wins', () => {
    const cal = new WorkingCalendar([{ year: 2026, days: [aDay('2026-03-10')] }])
    expect(cal.sourceOf(2026)).toBe('package')
    expect(cal.isWorkingDay('2026-03-10')).toBe(true)
  })
  it('warns staff while a deadline within 60 days may fall in a year nobody entered', () => {
    expect(PACKAGE_YEARS.at(-1)).toBe(2026)
    expect(coverageWarning(new WorkingCalendar(), Date.parse('2026-06-01T10:00:00+08:00'))).toBeNull()
    expect(coverageWarning(new WorkingCalendar(), Date.parse('2026-11-20T10:00:00+08:00'))).toContain('2027年')
    expect(
      coverageWarning(
        new WorkingCalendar([{ year: 2027, days: [aDay('2027-01-01')] }]),
        Date.parse('2026-11-20T10:00:00+08:00'),
      ),
    ).toBeNull()
  })
})

describe('validateYearDays', () => {
  it('accepts a plain year', () => {
    expect(validateYearDays(2027, [aDay('2027-01-01'), aDay('2027-02-06', 'workday', '春节')])).toEqual([])
  })
  it.each([
    ['a date that does not exist', [aDay('2027-02-29')], /不是有效日期/],
    ['a date of another year', [aDay('2026-12-31')], /不在2027年内/],
    ['the same date twice', [aDay('2027-01-01'), aDay('2027-01-01', 'workday')], /重叠/],
    ['a make-up working day on a weekday', [aDay('2027-01-05', 'workday')], /本来就是工作日/],
    ['a day without a name', [aDay('2027-01-01', 'holiday', ' ')], /节日名称/],
  ])('refuses %s, naming the entry', (_what, days, message) => {
    const problems = validateYearDays(2027, days)
    expect(problems.length).toBeGreaterThan(0)
    expect(problems[0].message).toMatch(message)
    expect(problems[0].path).toMatch(/^days\.\d+\./)
  })
})
