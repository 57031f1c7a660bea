/**
 * holidays / setHolidays: the working-day clock's calendar as data (admin page 「节假日日历」). The package's
 * years are read-only; a year it does not cover is entered by an admin, validated (real dates inside the year,
 * no date twice, make-up working days only on weekends) and audited. Until then deadlines in that year count
 * Monday–Friday and `warning` says so.
 */
import type { InputOf } from '../../../shared/actions/define'
import type { feedbackActions } from '../../../shared/actions/feedback'
import {
  coverageWarning,
  PACKAGE_SOURCE,
  PACKAGE_YEARS,
  packageDays,
  sortDays,
  validateYearDays,
} from '../../../shared/calendar/holidayCalendar'
import { AppError } from '../../../shared/errors'
import { audit } from '../../_core/audit'
import { toIsoCst } from '../../../shared/calendar/chinaTime'
import { type ActionContext, requireCaller } from '../../_core/function'
import { findHolidayYear, saveHolidayYear } from '../../_core/holidayYears.repository'
import { forgetWorkingCalendar, workingCalendar } from '../../_core/workingCalendar'

const count = (days: { kind: string }[], kind: string) => days.filter((d) => d.kind === kind).length

export async function getHolidays(input: InputOf<typeof feedbackActions, 'holidays'>, ctx: ActionContext) {
  requireCaller(ctx)
  const cal = await workingCalendar()
  const warning = coverageWarning(cal, ctx.now().getTime())
  if (PACKAGE_YEARS.includes(input.year)) {
    const days = packageDays(input.year)
    return {
      year: input.year,
      source: 'package' as const,
      editable: false,
      sourceNote: PACKAGE_SOURCE,
      days,
      holidays: count(days, 'holiday'),
      workdays: count(days, 'workday'),
      enteredAt: null,
      revision: 0,
      warning,
      yearWarning: null,
    }
  }
  const doc = await findHolidayYear(input.year)
  if (doc) {
    return {
      year: input.year,
      source: 'admin' as const,
      editable: true,
      sourceNote: '管理员录入',
      days: doc.days,
      holidays: count(doc.days, 'holiday'),
      workdays: count(doc.days, 'workday'),
      enteredAt: doc.enteredAt,
      revision: doc.revision,
      warning,
      yearWarning: null,
    }
  }
  return {
    year: input.year,
    source: 'none' as const,
    editable: true,
    sourceNote: '尚未录入',
    days: [],
    holidays: 0,
    workdays: 0,
    enteredAt: null,
    revision: 0,
    warning,
    yearWarning: `${input.year}年节假日安排尚未录入：该年的办理期限暂按周一至周五为工作日计算。`,
  }
}

export async function setHolidays(input: InputOf<typeof feedbackActions, 'setHolidays'>, ctx: ActionContext) {
  const caller = requireCaller(ctx)
  if (PACKAGE_YEARS.includes(input.year)) {
    throw new AppError('CONFLICT', `${input.year}年已有国务院办公厅公布的安排（chinese-days 数据包），不能修改`)
  }
  const problems = validateYearDays(input.year, input.days)
  if (problems.length) {
    throw new AppError('VALIDATION_FAILED', problems[0].message, {
      fields: problems.slice(0, 10).map((p) => ({ path: p.path, message: p.message })),
    })
  }
  const days = sortDays(input.days)
  const before = await findHolidayYear(input.year)
  const at = toIsoCst(ctx.now())
  const revision = (before?.revision ?? 0) + 1
  await saveHolidayYear({
    _id: String(input.year),
    year: input.year,
    days,
    enteredBy: caller.openid,
    enteredAt: at,
    revision,
  })
  forgetWorkingCalendar()
  await audit(ctx, {
    event: 'feedback.setHolidays',
    targetType: 'holidayYear',
    targetId: String(input.year),
    outcome: 'ok',
    detail: {
      year: input.year,
      revision,
      holidays: count(days, 'holiday'),
      workdays: count(days, 'workday'),
      previousRevision: before?.revision ?? null,
      previousDays: before?.days.length ?? 0,
    },
  })
  return {
    year: input.year,
    source: 'admin' as const,
    revision,
    holidays: count(days, 'holiday'),
    workdays: count(days, 'workday'),
    enteredAt: at,
  }
}
