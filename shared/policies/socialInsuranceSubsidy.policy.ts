import type { PolicyDocument } from './types'
import { aResident, livesInShandong, SOURCE_164, without } from './common'

export const socialInsuranceSubsidy: PolicyDocument = {
  id: 'social-insurance-subsidy',
  version: 1,
  title: '社会保险补贴（就业困难人员就业）',
  category: 'socialInsurance',
  level: 'national',
  summary: '就业困难人员被单位招用并缴纳社会保险的，单位缴纳的社保费可按规定获得补贴，最长3年。',
  audience: '被用人单位招用并参加社会保险的就业困难人员',
  effectiveFrom: '2017-10-13',
  effectiveTo: null,
  applicationWindow: null,
  amounts: [
    {
      text: '按用人单位为其实际缴纳的基本养老、基本医疗和失业保险费给予补贴（不含个人缴纳部分），补贴期限最长不超过3年',
    },
  ],
  materials: ['身份证', '就业困难人员认定证明', '劳动合同', '社会保险缴费明细'],
  howToApply: ['由招用单位按季度向所在地人社部门申请', '审核通过后补贴拨付到单位账户'],
  handledBy: '用人单位所在地县（市、区）人力资源社会保障部门',
  sources: [SOURCE_164],
  rule: {
    op: 'all',
    of: [
      livesInShandong,
      { op: 'keyGroup', groups: ['employmentDifficulty'] },
      { op: 'in', fact: 'employmentStatus', values: ['employed'], text: '已被用人单位招用' },
      {
        op: 'monthsSince',
        fact: 'employmentStatusSince',
        lessThan: 36,
        code: 'within3Years',
        text: '就业不满3年（补贴期限最长3年）',
      },
    ],
  },
  examples: [
    {
      name: '去年被招用的就业困难人员符合',
      asOf: '2026-06-01',
      facts: aResident({ keyGroups: ['employmentDifficulty'], employmentStatusSince: '2025-07-01' }),
      expect: 'eligible',
    },
    {
      name: '就业已满3年不再补贴',
      asOf: '2026-06-01',
      facts: aResident({ keyGroups: ['employmentDifficulty'], employmentStatusSince: '2023-05-01' }),
      expect: 'ineligible',
    },
    {
      name: '灵活就业的适用灵活就业社保补贴而不是本项',
      asOf: '2026-06-01',
      facts: aResident({
        keyGroups: ['employmentDifficulty'],
        employmentStatus: 'flexible',
        employmentStatusSince: '2025-07-01',
      }),
      expect: 'ineligible',
    },
    {
      name: '不知道是否就业困难人员时待确定',
      asOf: '2026-06-01',
      facts: without(aResident({ employmentStatusSince: '2025-07-01' }), 'keyGroups'),
      expect: 'undetermined',
      missing: ['keyGroups'],
    },
  ],
}
