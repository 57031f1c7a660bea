/** The app shows China time whatever zone the phone is set to (run with TZ=America/New_York here). */
import { chinaHour, formatDate, formatDateTime } from '../../miniprogram/src/utils/format'

describe('China time display', () => {
  const prevTz = process.env.TZ
  beforeAll(() => {
    process.env.TZ = 'America/New_York'
  })
  afterAll(() => {
    process.env.TZ = prevTz
  })

  const NOW = Date.parse('2026-12-03T12:00:00+08:00')

  test('an instant late in the China evening is shown on its China date and hour, from any zone', () => {
    expect(formatDateTime('2026-11-23T15:30:00Z', NOW)).toBe('11月23日 23:30')
    expect(formatDateTime('2026-11-23T23:30:00+08:00', NOW)).toBe('11月23日 23:30')
    expect(formatDate('2026-11-23T16:30:00Z')).toBe('2026年11月24日')
    expect(chinaHour(Date.parse('2026-11-23T16:30:00Z'))).toBe(0)
  })

  test('a time in another China year carries its year (a course starting next February)', () => {
    expect(formatDateTime('2027-02-13T01:00:00Z', NOW)).toBe('2027年2月13日 09:00')
    // 31 December 16:30 UTC is already New Year's Day in China
    expect(formatDateTime('2026-12-31T16:30:00Z', NOW)).toBe('2027年1月1日 00:30')
  })

  test('a bare calendar date stays that date; nothing is shown for nothing', () => {
    expect(formatDate('2026-03-01')).toBe('2026年3月1日')
    expect(formatDate(null)).toBe('')
    expect(formatDateTime('')).toBe('')
  })
})
