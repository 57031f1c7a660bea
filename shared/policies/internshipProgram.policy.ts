import type { PolicyDocument } from './types'
import { aResident, SOURCE_GRADUATES_2022, without } from './common'

export const internshipProgram: PolicyDocument = {
  id: 'internship-program',
  version: 1,
  title: '就业见习（见习期间基本生活补助）',
  category: 'employment',
  level: 'national',
  summary: '未就业的青年和离校2年内的高校毕业生可以到见习单位参加3至12个月的岗位见习，见习期间领取基本生活补助。',
  audience: '16至24周岁失业青年、离校2年内未就业的高校毕业生',
  effectiveFrom: '2022-05-05',
  effectiveTo: null,
  applicationWindow: null,
  amounts: [{ text: '见习单位按月发放基本生活补助，政府给予见习单位就业见习补贴（标准以当地为准）' }],
  materials: ['身份证', '毕业证书（高校毕业生）', '失业登记证明（失业青年）'],
  howToApply: ['在“智就”或当地公共就业服务平台查看就业见习岗位并报名', '与见习单位签订见习协议后开始见习'],
  handledBy: '县（市、区）公共就业服务机构',
  sources: [SOURCE_GRADUATES_2022],
  rule: {
    op: 'any',
    text: '属于就业见习对象',
    of: [
      {
        op: 'all',
        code: 'youth',
        text: '16至24周岁的失业青年',
        of: [
          { op: 'age', min: 16, max: 24 },
          { op: 'in', fact: 'employmentStatus', values: ['unemployed'], text: '目前未就业' },
        ],
      },
      {
        op: 'all',
        code: 'graduate',
        text: '离校2年内未就业的高校毕业生',
        of: [
          { op: 'graduatedWithin', years: 2 },
          { op: 'educationAtLeast', level: 'college', text: '大专及以上学历' },
          { op: 'in', fact: 'employmentStatus', values: ['unemployed', 'student'], text: '目前未就业' },
        ],
      },
    ],
  },
  examples: [
    {
      name: '20岁的失业青年符合',
      asOf: '2026-06-01',
      facts: aResident({
        birthDate: '2006-02-01',
        education: 'senior',
        graduationYear: null,
        employmentStatus: 'unemployed',
      }),
      expect: 'eligible',
    },
    {
      name: '28岁、去年毕业未就业的硕士符合',
      asOf: '2026-06-01',
      facts: aResident({
        birthDate: '1998-03-01',
        education: 'master',
        graduationYear: 2025,
        employmentStatus: 'unemployed',
      }),
      expect: 'eligible',
    },
    {
      name: '已就业的不符合',
      asOf: '2026-06-01',
      facts: aResident({ birthDate: '2004-01-01', graduationYear: 2025 }),
      expect: 'ineligible',
    },
    {
      name: '不知道就业状态时待确定',
      asOf: '2026-06-01',
      facts: without(aResident({ birthDate: '2004-01-01', graduationYear: 2025 }), 'employmentStatus'),
      expect: 'undetermined',
      missing: ['employmentStatus'],
    },
  ],
}
