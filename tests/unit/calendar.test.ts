/**
 * Working days on the official calendar: the `chinese-days` package is the data; it is checked here against the
 * reference copy of the 2025–2026 State Council notices (../shared/data), one test per special day of those
 * years (every 放假日 and every 调休上班日), and deadline arithmetic across the long holidays, with the expected
 * dates worked out by hand from the notices.
 */
import reference from '../../../shared/data/cn-holidays-2025-2026.json'
import {
  ADJUSTED_WORK_DAYS,
  COVERED_YEARS,
  extendDeadline,
  isCovered,
  isWorkingDay,
  nthWorkingDayAfter,
  OFF_DAYS,
  weekdayOf,
  workingDayDeadline,
  workingDaysBetween,
  holidayName,
} from '../../shared/calendar/workingDay'
import { cstDateOf, toIsoCst } from '../../shared/calendar/chinaTime'

const at = (iso: string) => new Date(iso)
const due = (iso: string, n: number) => toIsoCst(workingDayDeadline(at(iso), n))
const REF_OFF = [...reference.years['2025'].offDays, ...reference.years['2026'].offDays]
const REF_WORK = [...reference.years['2025'].workDays, ...reference.years['2026'].workDays]

describe('the holiday data (chinese-days)', () => {
  it('covers every year from 2004 to 2026 and no later year', () => {
    expect(COVERED_YEARS[0]).toBe(2004)
    expect(COVERED_YEARS.at(-1)).toBe(2026)
    expect(COVERED_YEARS).toHaveLength(23)
  })
  it('agrees with the State Council notices for 2025 and 2026 day by day (28 + 33 days off, 5 + 6 adjusted working days)', () => {
    expect(reference.sources['2025']).toContain('国办发明电〔2024〕12号')
    expect(OFF_DAYS.filter((d) => d >= '2025' && d < '2027')).toEqual(REF_OFF)
    expect(ADJUSTED_WORK_DAYS.filter((d) => d >= '2025' && d < '2027')).toEqual(REF_WORK)
  })
})

describe.each(REF_OFF.map((d) => [d]))('放假日 %s', (day) => {
  it('is not a working day, so a one-day deadline from the day before skips it', () => {
    expect(isWorkingDay(day)).toBe(false)
    const dayBefore = cstDateOf(Date.parse(`${day}T12:00:00+08:00`) - 86_400_000)
    expect(nthWorkingDayAfter(dayBefore, 1) > day).toBe(true)
  })
})

describe.each(REF_WORK.map((d) => [d]))('调休上班日 %s', (day) => {
  it('falls on a weekend and is a working day, so a one-day deadline from the day before lands on it', () => {
    expect([0, 6]).toContain(weekdayOf(day))
    expect(isWorkingDay(day)).toBe(true)
    const dayBefore = cstDateOf(Date.parse(`${day}T12:00:00+08:00`) - 86_400_000)
    expect(nthWorkingDayAfter(dayBefore, 1)).toBe(day)
  })
})

describe('ordinary days', () => {
  it('given a plain Tuesday and a plain Saturday, only the Tuesday is a working day', () => {
    expect(isWorkingDay('2025-03-11')).toBe(true)
    expect(isWorkingDay('2025-03-15')).toBe(false)
  })
  it('names the holiday of a day off', () => {
    expect(holidayName('2026-02-15')).toBe('春节')
    expect(holidayName('2025-10-01')).toBe('国庆节')
    expect(holidayName('2025-10-06')).toBe('中秋')
    expect(holidayName('2025-03-11')).toBeNull()
  })
  it('outside the covered years only the weekday rule applies, and says so', () => {
    expect(isCovered(2027)).toBe(false)
    expect(isWorkingDay('2027-01-01')).toBe(true) // a Friday; the 2027 notice is not in the data yet
    expect(isWorkingDay('2027-01-02')).toBe(false)
  })
})

describe('deadlines in working days (the day of submission never counts)', () => {
  it('a consultation sent the day before National Day 2025 is due on the adjusted Saturday 10-11', () => {
    expect(due('2025-09-30T10:00:00+08:00', 1)).toBe('2025-10-09T23:59:59.999+08:00')
    expect(due('2025-09-30T10:00:00+08:00', 3)).toBe('2025-10-11T23:59:59.999+08:00')
  })
  it('a Friday before the 2025 adjusted Sunday 09-28 must be accepted that Sunday', () => {
    expect(due('2025-09-26T09:00:00+08:00', 1)).toBe('2025-09-28T23:59:59.999+08:00')
  })
  it('across Spring Festival 2026: Friday 02-13 → Saturday 02-14 (adjusted), then Tuesday 02-24', () => {
    expect(due('2026-02-13T16:00:00+08:00', 1)).toBe('2026-02-14T23:59:59.999+08:00')
    expect(due('2026-02-13T16:00:00+08:00', 2)).toBe('2026-02-24T23:59:59.999+08:00')
  })
  it('a complaint (13 working days) sent 2026-09-18 spans Mid-Autumn and National Day and is due 2026-10-13', () => {
    expect(due('2026-09-18T11:00:00+08:00', 13)).toBe('2026-10-13T23:59:59.999+08:00')
  })
  it('late on New Year’s Eve 2025 (23:30 CST, still 15:30 UTC) counts from 12-31: due on the adjusted Sunday 2026-01-04', () => {
    expect(due('2025-12-31T15:30:00Z', 1)).toBe('2026-01-04T23:59:59.999+08:00')
  })
  it('just after midnight CST (the previous day in UTC) counts from the CST date', () => {
    expect(due('2025-06-02T17:00:00Z', 1)).toBe('2025-06-04T23:59:59.999+08:00') // 06-03 01:00 CST, a Tuesday
  })
  it('sent on a holiday, the first working day after it is day one (Labour Day 2025 → 05-06)', () => {
    expect(due('2025-05-02T09:00:00+08:00', 1)).toBe('2025-05-06T23:59:59.999+08:00')
  })
  it('an extension of 5 working days from a deadline of 2026-04-30 skips Labour Day and lands on the adjusted Saturday 05-09', () => {
    const d = Date.parse('2026-04-30T23:59:59.999+08:00')
    // 05-01..05-05 off; 05-06 W 1, 05-07 Th 2, 05-08 F 3, 05-09 Sat (调休) 4, 05-11 M 5
    expect(toIsoCst(extendDeadline(d, 4))).toBe('2026-05-09T23:59:59.999+08:00')
    expect(toIsoCst(extendDeadline(d, 5))).toBe('2026-05-11T23:59:59.999+08:00')
  })
  it('counts working days between two dates', () => {
    expect(workingDaysBetween('2025-09-30', '2025-10-11')).toBe(3)
    expect(workingDaysBetween('2026-02-13', '2026-02-24')).toBe(2)
    expect(workingDaysBetween('2026-02-24', '2026-02-13')).toBe(0)
  })
  it('refuses a negative number of days', () => {
    expect(() => nthWorkingDayAfter('2025-01-02', -1)).toThrow(RangeError)
  })
})
