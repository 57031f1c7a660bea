/** Schema pieces every module reuses, so that the same field is validated the same way everywhere. */
import { z } from 'zod'

/** A document id: short, printable, no operators. */
export const id = () =>
  z
    .string()
    .trim()
    .min(1, '缺少编号')
    .max(64, '编号过长')
    .regex(/^[\w.:-]+$/, '编号格式不正确')
/** Client-made idempotency key (requestId / clientId). */
export const requestId = () =>
  z
    .string()
    .trim()
    .min(8, 'requestId 至少 8 位')
    .max(64, 'requestId 过长')
    .regex(/^[\w.:-]+$/, 'requestId 格式不正确')
/** A 6-digit GB/T 2260 region code. */
export const regionCode = () => z.string().regex(/^\d{6}$/, '地区代码应为6位数字')
/** Free text with a length limit; trimmed. */
export const text = (max: number, min = 0) =>
  z
    .string()
    .trim()
    .min(min, min > 0 ? `至少填写${min}个字` : undefined)
    .max(max, `不能超过${max}个字`)
export const isoDateTime = () => z.string().datetime({ offset: true, message: '时间格式应为 ISO-8601' })
export const isoDate = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
export const lat = () => z.number().min(-90).max(90)
export const lng = () => z.number().min(-180).max(180)

export const paging = {
  cursor: z.string().max(512, '分页参数过长').optional(),
  pageSize: z.number().int('每页条数应为整数').min(1, '每页至少1条').max(100, '每页最多100条').optional(),
}
export const DEFAULT_PAGE_SIZE = 20

/** The list answer shape of the contract. */
export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

/** An input with no fields (unknown fields are ignored). */
export const empty = () => z.object({})
