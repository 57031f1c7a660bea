import type { PolicyDocument } from './types'
import { aResident, SOURCE_GRADUATES_2022, without } from './common'

export const graduateEmploymentService: PolicyDocument = {
  id: 'graduate-employment-service',
  version: 1,
  title: '离校未就业高校毕业生实名服务',
  category: 'employment',
  level: 'national',
  summary:
    '离校2年内还没有找到工作的高校毕业生，可获得一次政策宣介、一次职业指导、三次岗位推荐和一次技能培训或见习机会。',
  audience: '离校2年内未就业的高校毕业生',
  effectiveFrom: '2022-05-05',
  effectiveTo: null,
  applicationWindow: null,
  amounts: [
    { text: '免费公共就业服务（“1131”服务：1次政策宣介、1次职业指导、3次岗位推荐、1次职业培训或就业见习机会）' },
  ],
  materials: ['身份证', '毕业证书'],
  howToApply: ['在“智就”登记求职意向，或到常住地公共就业服务机构进行求职登记', '就业服务专员会主动联系提供服务'],
  handledBy: '常住地公共就业服务机构',
  sources: [SOURCE_GRADUATES_2022],
  rule: {
    op: 'all',
    of: [
      { op: 'graduatedWithin', years: 2 },
      { op: 'educationAtLeast', level: 'college', text: '大专及以上学历（高校毕业生）' },
      { op: 'in', fact: 'employmentStatus', values: ['unemployed'], text: '目前未就业' },
    ],
  },
  examples: [
    {
      name: '今年毕业还没找到工作的本科生符合',
      asOf: '2026-08-01',
      facts: aResident({ graduationYear: 2026, employmentStatus: 'unemployed' }),
      expect: 'eligible',
    },
    {
      name: '已就业的毕业生不需要',
      asOf: '2026-08-01',
      facts: aResident({ graduationYear: 2026 }),
      expect: 'ineligible',
    },
    {
      name: '不知道学历时待确定',
      asOf: '2026-08-01',
      facts: without(aResident({ graduationYear: 2025, employmentStatus: 'unemployed' }), 'education'),
      expect: 'undetermined',
      missing: ['education'],
    },
  ],
}
