import type { PolicyDocument } from './types'
import { aResident, SOURCE_164, without } from './common'

export const flexibleInsuranceDifficulty: PolicyDocument = {
  id: 'flexible-insurance-difficulty',
  version: 1,
  title: '灵活就业社会保险补贴（就业困难人员）',
  category: 'socialInsurance',
  level: 'national',
  summary: '就业困难人员灵活就业后自己缴纳社会保险的，可按规定获得一部分社保费补贴，最长3年。',
  audience: '以灵活就业方式就业并以个人身份缴纳社会保险的就业困难人员',
  effectiveFrom: '2017-10-13',
  effectiveTo: null,
  applicationWindow: null,
  amounts: [{ text: '按实际缴费的一定比例给予补贴（以当地标准为准），补贴期限最长不超过3年' }],
  materials: ['身份证', '就业困难人员认定证明', '灵活就业登记证明', '社会保险缴费凭证'],
  howToApply: [
    '办理灵活就业登记后，通过“爱山东”或街道（乡镇）便民服务中心申请',
    '按季度或半年审核发放到本人社会保障卡',
  ],
  handledBy: '户籍地或常住地县（市、区）人力资源社会保障部门',
  sources: [SOURCE_164],
  rule: {
    op: 'all',
    of: [
      { op: 'keyGroup', groups: ['employmentDifficulty'] },
      {
        op: 'in',
        fact: 'employmentStatus',
        values: ['flexible'],
        text: '目前为灵活就业',
        hint: '办理灵活就业登记后可申请',
      },
      {
        op: 'monthsSince',
        fact: 'employmentStatusSince',
        lessThan: 36,
        code: 'within3Years',
        text: '灵活就业不满3年（补贴期限最长3年）',
      },
      {
        op: 'atLeast',
        fact: 'socialInsuranceMonths',
        value: 1,
        code: 'paying',
        text: '已以个人身份缴纳社会保险',
        hint: '以灵活就业人员身份参加社会保险后可申请',
      },
    ],
  },
  examples: [
    {
      name: '灵活就业一年并自缴社保的就业困难人员符合',
      asOf: '2026-06-01',
      facts: aResident({
        keyGroups: ['employmentDifficulty'],
        employmentStatus: 'flexible',
        employmentStatusSince: '2025-05-01',
        socialInsuranceMonths: 12,
      }),
      expect: 'eligible',
    },
    {
      name: '未缴社保：参保后可申请',
      asOf: '2026-06-01',
      facts: aResident({
        keyGroups: ['employmentDifficulty'],
        employmentStatus: 'flexible',
        employmentStatusSince: '2025-05-01',
        socialInsuranceMonths: 0,
      }),
      expect: 'ineligible',
    },
    {
      name: '单位就业的不适用本项',
      asOf: '2026-06-01',
      facts: aResident({ keyGroups: ['employmentDifficulty'], employmentStatusSince: '2025-05-01' }),
      expect: 'ineligible',
    },
    {
      name: '不知道就业状态时待确定',
      asOf: '2026-06-01',
      facts: without(
        aResident({ keyGroups: ['employmentDifficulty'], employmentStatusSince: '2025-05-01' }),
        'employmentStatus',
      ),
      expect: 'undetermined',
      missing: ['employmentStatus'],
    },
  ],
}
