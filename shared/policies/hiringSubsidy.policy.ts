import type { PolicyDocument } from './types'
import { aResident, hasBusiness, livesInShandong, TO_VERIFY, without } from './common'

export const hiringSubsidy: PolicyDocument = {
  id: 'hiring-subsidy',
  version: 1,
  title: '一次性吸纳就业补贴',
  category: 'entrepreneurship',
  level: 'provincial',
  summary: '创办的小微企业或个体工商户招用员工、签订劳动合同并缴纳社保的，可按招用人数领取一次性补贴。',
  audience: '招用登记失业人员、高校毕业生等并为其缴纳社会保险的小微企业主、个体工商户',
  effectiveFrom: '2020-01-01',
  effectiveTo: null,
  applicationWindow: null,
  amounts: [{ text: '按招用人数给予一次性补贴，标准以当地公布为准' }],
  materials: ['营业执照', '劳动合同', '员工社会保险缴费明细', '经营者身份证'],
  howToApply: ['招用员工并连续缴纳社会保险后，向经营所在地人社部门申请', '审核公示后补贴拨付到企业账户'],
  handledBy: '经营所在地县（市、区）人力资源社会保障部门',
  sources: [
    {
      title: '山东省一次性吸纳就业补贴相关规定（省人力资源社会保障厅、省财政厅）',
      issuer: '山东省人力资源和社会保障厅 山东省财政厅',
      docNumber: null,
      note: TO_VERIFY,
    },
  ],
  rule: {
    op: 'all',
    of: [
      livesInShandong,
      hasBusiness,
      {
        op: 'atLeast',
        fact: 'employeesHired',
        value: 1,
        code: 'hired',
        text: '招用员工并为其缴纳社会保险',
        hint: '招用员工、签订劳动合同并缴纳社会保险后可申请',
      },
    ],
  },
  examples: [
    {
      name: '个体户招了2名员工并缴社保符合',
      asOf: '2026-06-01',
      facts: aResident({ employmentStatus: 'selfEmployed', businessRegisteredAt: '2024-01-01', employeesHired: 2 }),
      expect: 'eligible',
    },
    {
      name: '没有招用员工不符合',
      asOf: '2026-06-01',
      facts: aResident({ employmentStatus: 'selfEmployed', businessRegisteredAt: '2024-01-01' }),
      expect: 'ineligible',
    },
    {
      name: '不知道招用人数时待确定',
      asOf: '2026-06-01',
      facts: without(aResident({ businessRegisteredAt: '2024-01-01' }), 'employeesHired'),
      expect: 'undetermined',
      missing: ['employeesHired'],
    },
  ],
}
