import type { PolicyDocument } from './types'
import { aResident, SOURCE_GRADUATES_2022, without } from './common'

export const flexibleInsuranceGraduate: PolicyDocument = {
  id: 'flexible-insurance-graduate',
  version: 1,
  title: '灵活就业社会保险补贴（离校2年内高校毕业生）',
  category: 'socialInsurance',
  level: 'national',
  summary: '离校2年内未就业的高校毕业生灵活就业并自己缴纳社保的，可按规定获得社保补贴。',
  audience: '离校2年内未就业、以灵活就业方式就业并缴纳社会保险的高校毕业生',
  effectiveFrom: '2022-05-05',
  effectiveTo: null,
  applicationWindow: null,
  amounts: [{ text: '按实际缴费的一定比例给予补贴（以当地标准为准），补贴期限最长不超过2年' }],
  materials: ['身份证', '毕业证书', '灵活就业登记证明', '社会保险缴费凭证'],
  howToApply: ['办理灵活就业登记后，通过“爱山东”或街道（乡镇）便民服务中心申请', '审核通过后发放到本人社会保障卡'],
  handledBy: '常住地县（市、区）人力资源社会保障部门',
  sources: [SOURCE_GRADUATES_2022],
  rule: {
    op: 'all',
    of: [
      { op: 'graduatedWithin', years: 2, code: 'graduatedWithin2' },
      { op: 'educationAtLeast', level: 'college', text: '大专及以上学历（高校毕业生）' },
      {
        op: 'in',
        fact: 'employmentStatus',
        values: ['flexible'],
        text: '目前为灵活就业',
        hint: '办理灵活就业登记后可申请',
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
      name: '去年毕业、做自由职业并自缴社保的本科生符合',
      asOf: '2026-06-01',
      facts: aResident({ graduationYear: 2025, employmentStatus: 'flexible', socialInsuranceMonths: 6 }),
      expect: 'eligible',
    },
    {
      name: '毕业超过2年不符合',
      asOf: '2026-06-01',
      facts: aResident({ graduationYear: 2022, employmentStatus: 'flexible', socialInsuranceMonths: 6 }),
      expect: 'ineligible',
    },
    {
      name: '高中学历不属于高校毕业生',
      asOf: '2026-06-01',
      facts: aResident({
        education: 'senior',
        graduationYear: 2025,
        employmentStatus: 'flexible',
        socialInsuranceMonths: 6,
      }),
      expect: 'ineligible',
    },
    {
      name: '不知道毕业年份时待确定',
      asOf: '2026-06-01',
      facts: without(aResident({ employmentStatus: 'flexible', socialInsuranceMonths: 6 }), 'graduationYear'),
      expect: 'undetermined',
      missing: ['graduationYear'],
    },
  ],
}
