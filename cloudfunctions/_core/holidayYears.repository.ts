/**
 * The `holiday_years` collection: one document per year that an admin entered (_id = 'YYYY'), for years no
 * release of the chinese-days package covers yet. Written only by feedback.setHolidays.
 */
import type { CalendarDay } from '../../shared/calendar/holidayCalendar'
import { db } from './app'

export interface HolidayYearDoc {
  _id: string
  year: number
  days: CalendarDay[]
  enteredBy: string
  enteredAt: string
  /** Increases on every save. */
  revision: number
}

export async function listHolidayYears(): Promise<HolidayYearDoc[]> {
  const res = await db().collection('holiday_years').orderBy('year', 'asc').limit(100).get()
  return (res.data ?? []) as HolidayYearDoc[]
}

export async function findHolidayYear(year: number): Promise<HolidayYearDoc | null> {
  const res = await db().collection('holiday_years').doc(String(year)).get()
  return ((res.data as HolidayYearDoc[] | undefined) ?? [])[0] ?? null
}

/** Replaces the year's days (set on the document id: the first save creates it). */
export async function saveHolidayYear(doc: HolidayYearDoc): Promise<void> {
  const { _id, ...rest } = doc
  await db().collection('holiday_years').doc(_id).set(rest)
}
