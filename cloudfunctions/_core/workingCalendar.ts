/**
 * The working-day clock's port: the calendar every module computes deadlines with (feedback today; the case
 * clock of `application` can use the same). The chinese-days package's years plus the years an admin entered
 * (`holiday_years`), cached per warm instance for a minute so a submit does not read the collection each time;
 * `feedback.setHolidays` drops the cache of its own instance at once.
 */
import { coverageWarning, WorkingCalendar } from '../../shared/calendar/holidayCalendar'
import { listHolidayYears } from './holidayYears.repository'

const TTL_MS = 60_000
let cached: { cal: WorkingCalendar; at: number } | null = null

export async function workingCalendar(): Promise<WorkingCalendar> {
  const t = Date.now()
  if (cached && t - cached.at < TTL_MS) return cached.cal
  const years = await listHolidayYears()
  const cal = new WorkingCalendar(years.map((y) => ({ year: y.year, days: y.days })))
  cached = { cal, at: t }
  return cal
}

export function forgetWorkingCalendar(): void {
  cached = null
}

/** The staff-visible warning for the moment `now` (null when every year within reach is covered). */
export async function calendarWarning(now: Date): Promise<string | null> {
  return coverageWarning(await workingCalendar(), now.getTime())
}
