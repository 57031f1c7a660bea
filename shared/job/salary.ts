/**
 * Salary normalisation: every posting's pay is compared as a monthly amount.
 * A month counts 21.75 paid days (人力资源社会保障部《关于职工全年月平均工作时间和工资折算问题的通知》
 * 劳社部发〔2008〕3号: 月计薪天数 = (365 − 104) ÷ 12 = 21.75), a day 8 hours.
 */
export type SalaryUnit = 'month' | 'day' | 'hour'

export const PAID_DAYS_PER_MONTH = 21.75
export const HOURS_PER_DAY = 8

const FACTOR: Record<SalaryUnit, number> = {
  month: 1,
  day: PAID_DAYS_PER_MONTH,
  hour: PAID_DAYS_PER_MONTH * HOURS_PER_DAY,
}

/** The monthly equivalent of an amount, rounded to whole yuan. */
export function toMonthly(amount: number, unit: SalaryUnit): number {
  return Math.round(amount * FACTOR[unit])
}

/** The amount in `unit` for a monthly figure (used to turn a monthly minimum into a per-day one for display). */
export function fromMonthly(monthly: number, unit: SalaryUnit): number {
  return Math.round((monthly / FACTOR[unit]) * 100) / 100
}

const UNIT_LABEL: Record<SalaryUnit, string> = { month: '元/月', day: '元/天', hour: '元/小时' }

const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(1))

/** 4000-6000元/月, 200元/天, 面议 */
export function salaryText(min: number | null | undefined, max: number | null | undefined, unit: SalaryUnit): string {
  if (!min && !max) return '面议'
  if (min && max && min !== max) return `${fmt(min)}-${fmt(max)}${UNIT_LABEL[unit]}`
  return `${fmt((min || max) as number)}${UNIT_LABEL[unit]}`
}

export const salaryUnitLabel = (u: SalaryUnit): string => UNIT_LABEL[u]
