import type { PolicyDocument } from './types'
import { aResident, SOURCE_164, without } from './common'

export const jobSeekingSubsidy: PolicyDocument = {
  id: 'job-seeking-subsidy',
  version: 1,
  title: '求职创业补贴',
  category: 'employment',
  level: 'national',
  summary: '毕业年度内家庭困难的毕业生，找工作或创业时可领取一次性求职创业补贴。',
  audience: '毕业年度内的低保家庭、脱贫家庭、残疾人家庭毕业生及本人为残疾人的毕业生（高校、中职、技工院校）',
  effectiveFrom: '2017-10-13',
  effectiveTo: null,
  applicationWindow: {
    from: '2026-03-01',
    to: '2026-10-31',
    note: '一般在毕业年度内由学校集中组织申报，具体以学校通知为准',
  },
  amounts: [{ text: '一次性补贴，标准由省级人社、财政部门确定（以当地公布为准）' }],
  materials: ['身份证', '学生证或毕业证明', '家庭困难证明（低保证、残疾证或脱贫户证明）', '本人银行卡'],
  howToApply: ['向所在学校就业指导部门提出申请', '学校初审公示后报人社部门审核', '补贴发放到本人银行卡'],
  handledBy: '所在学校及学校所在地人力资源社会保障部门',
  sources: [SOURCE_164],
  rule: {
    op: 'all',
    of: [
      { op: 'graduatedWithin', years: 0, code: 'graduationYear' },
      { op: 'educationAtLeast', level: 'secondaryVocational', text: '中等职业学校（含技工院校）及以上学历' },
      {
        op: 'any',
        code: 'hardship',
        text: '家庭困难或本人残疾',
        of: [
          { op: 'is', fact: 'lowIncomeFamily' },
          { op: 'keyGroup', groups: ['povertyAlleviated', 'disabled', 'zeroEmploymentFamily'] },
        ],
      },
    ],
  },
  examples: [
    {
      name: '应届低保家庭本科生符合',
      asOf: '2026-05-10',
      facts: aResident({ graduationYear: 2026, employmentStatus: 'student', lowIncomeFamily: true }),
      expect: 'eligible',
    },
    {
      name: '应届残疾中职生符合',
      asOf: '2026-05-10',
      facts: aResident({ graduationYear: 2026, education: 'secondaryVocational', keyGroups: ['disabled'] }),
      expect: 'eligible',
    },
    {
      name: '去年毕业的不再符合',
      asOf: '2026-05-10',
      facts: aResident({ graduationYear: 2025, lowIncomeFamily: true }),
      expect: 'ineligible',
    },
    {
      name: '家庭不困难的应届生不符合',
      asOf: '2026-05-10',
      facts: aResident({ graduationYear: 2026 }),
      expect: 'ineligible',
    },
    {
      name: '明年毕业的在校生：毕业当年可申请',
      asOf: '2026-05-10',
      facts: aResident({ graduationYear: 2027, lowIncomeFamily: true, employmentStatus: 'student' }),
      expect: 'ineligible',
      eligibleFrom: '2027-01-01',
    },
    {
      name: '不知道是否低保家庭时待确定',
      asOf: '2026-05-10',
      facts: without(aResident({ graduationYear: 2026 }), 'lowIncomeFamily'),
      expect: 'undetermined',
      missing: ['lowIncomeFamily'],
    },
  ],
}
