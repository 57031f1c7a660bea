import { z } from 'zod'
import { defineModule } from './define'
import { id, paging, regionCode, text } from './common'
import { IMPORT_KINDS } from '../exchange/templates'

export const IMPORT_STATES = ['queued', 'running', 'done', 'failed'] as const
export const EXPORT_KINDS = [...IMPORT_KINDS, 'services'] as const

/** A cloud storage file id as the SDK hands it out (cloud://env.bucket/path). */
const fileId = () =>
  z
    .string()
    .trim()
    .min(10, '缺少文件')
    .max(500, '文件编号过长')
    .regex(/^cloud:\/\/[\w.-]+\/[^\s\0]+$/, '文件编号格式不正确')

export const exchangeActions = defineModule('exchange', {
  importStart: {
    example: { kind: 'jobs', fileID: 'cloud://local.bucket/imports/example.csv', dryRun: true },
    access: ['handler', 'admin'],
    write: true,
    rateLimit: { max: 30 },
    summary: '开始导入（数据汇聚）：上传到云存储的 CSV（UTF-8 或 GB18030）或 XLSX；dryRun 只校验不写入；后台分段处理',
    input: z.object({ kind: z.enum(IMPORT_KINDS), fileID: fileId(), dryRun: z.boolean().optional() }),
  },
  importStatus: {
    example: { jobId: 'import_example' },
    access: ['handler', 'admin'],
    summary: '导入进度与报告：读取、新增、更新、未变、拒绝条数，前100条错误（行、列、原因），被拒行文件',
    input: z.object({ jobId: id() }),
  },
  imports: {
    example: {},
    access: ['handler', 'admin'],
    list: true,
    summary: '导入记录（管理员看全部，部门工作人员看本部门发起的）',
    input: z.object({ ...paging }),
  },
  export: {
    example: { kind: 'jobs' },
    access: ['handler', 'admin'],
    write: true,
    rateLimit: { max: 30 },
    summary:
      '导出（数据回流与汇聚）：persons/jobs/courses 按模板列导出（给 year 即省级汇聚：该年度有服务的有效记录），services 服务记录（走访、投递、培训）；默认脱敏，不脱敏仅管理员且须填写事由（记审计）',
    input: z
      .object({
        kind: z.enum(EXPORT_KINDS),
        regionCode: z
          .union([
            regionCode(),
            z.string().regex(/^\d{9}$/, '街道代码应为9位数字'),
            z.string().regex(/^\d{9}-\d{2}$/, '网格编码格式不正确'),
          ])
          .optional(),
        format: z.enum(['csv', 'xlsx']).optional(),
        unmasked: z.boolean().optional(),
        reason: text(200, 4).optional(),
        year: z.number().int().min(2000).max(2100).optional(),
      })
      .refine((v) => !v.unmasked || !!v.reason, { message: '不脱敏导出须填写事由', path: ['reason'] }),
  },
  template: {
    example: { kind: 'jobs' },
    access: ['handler', 'admin'],
    summary: '导入模板：各类数据的中文列名、是否必填、示例与填写说明',
    input: z.object({ kind: z.enum(IMPORT_KINDS) }),
  },
})
