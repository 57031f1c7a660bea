/**
 * The monitor module (就业监测): a dashboard's figures per region and month, read from the daily snapshots
 * (cloudfunctions/monitor). For administrators (every region) and department staff (their department's regions).
 * Indicator definitions: shared/monitor/indicators.ts.
 */
import { z } from 'zod'
import { defineModule } from './define'
import { paging } from './common'
import { INDICATOR_KEYS, MONTH_RE } from '../monitor/indicators'

/** A 6-digit GB/T 2260 code (province, city, district) or a 9-digit street code. */
export const monitorRegionCode = () =>
  z.string().regex(/^(\d{6}|\d{9})$/, '地区代码应为6位（省、市、县区）或9位（街道乡镇）数字')
export const month = () => z.string().regex(MONTH_RE, '月份格式应为 YYYY-MM')
const STAFF = ['handler', 'admin'] as const

export const OCCUPATION_SORTS = ['ratio', 'postings', 'seekers', 'code'] as const

export const monitorActions = defineModule('monitor', {
  overview: {
    example: {},
    access: STAFF,
    summary:
      '就业监测总览：一个地区一个月的各项指标（含上月值）与下级地区的指标值、政策触达漏斗；默认本人可见的最高一级地区和本月',
    input: z.object({
      regionCode: monitorRegionCode().optional(),
      month: month().optional(),
      /** 'live': compute the current month now from the records (bounded: one region and its children), not from the snapshot. */
      source: z.enum(['snapshot', 'live']).optional(),
    }),
  },
  series: {
    example: { key: 'registeredUnemployed', from: '2026-01', to: '2026-11' },
    access: STAFF,
    summary: '一个指标在一个地区逐月的变化（最多36个月；无快照的月份为 null）',
    input: z
      .object({
        key: z.enum(INDICATOR_KEYS as [string, ...string[]], { message: '未知的指标' }),
        regionCode: monitorRegionCode().optional(),
        from: month(),
        to: month(),
      })
      .refine((v) => v.from <= v.to, { message: '起始月份不能晚于结束月份', path: ['from'] }),
  },
  occupations: {
    example: {},
    access: STAFF,
    list: true,
    summary:
      '分职业的岗位需求人数、求职人数与求人倍率（默认按求人倍率从高到低）；shortage 为短缺职业前十（需求人数≥20）',
    input: z.object({
      regionCode: monitorRegionCode().optional(),
      month: month().optional(),
      sort: z.enum(OCCUPATION_SORTS).optional(),
      ...paging,
    }),
  },
  export: {
    example: {},
    access: STAFF,
    rateLimit: { max: 30 },
    summary:
      '导出屏幕上的数据（本地区各项指标、下级地区指标、政策触达漏斗、政策消息送达、分职业培训与取证、分职业供需）为 CSV 文件（UTF-8 带 BOM），返回云存储 fileID 与行数',
    input: z.object({ regionCode: monitorRegionCode().optional(), month: month().optional() }),
  },
})
