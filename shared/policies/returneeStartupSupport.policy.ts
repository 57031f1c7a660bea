import type { PolicyDocument } from './types'
import { aResident, without } from './common'

export const returneeStartupSupport: PolicyDocument = {
  id: 'returnee-startup-support',
  version: 1,
  title: '返乡入乡创业扶持',
  category: 'entrepreneurship',
  level: 'national',
  summary: '返乡入乡的农村劳动者在3年内创业的，可享受场地、培训、贷款等创业扶持和优先服务。',
  audience: '返乡入乡创业的农民工等农村劳动者',
  effectiveFrom: '2016-11-18',
  effectiveTo: null,
  applicationWindow: null,
  amounts: [{ text: '优先提供创业担保贷款、创业培训和孵化场地等扶持，具体以当地公布为准' }],
  materials: ['身份证', '户口簿', '营业执照'],
  howToApply: ['向户籍地乡镇（街道）便民服务中心或县级返乡创业服务中心提出申请', '按扶持项目分别办理'],
  handledBy: '县（市、区）人力资源社会保障部门、返乡创业服务中心',
  sources: [
    {
      title: '国务院办公厅关于支持返乡下乡人员创业创新促进农村一二三产业融合发展的意见',
      issuer: '国务院办公厅',
      docNumber: '国办发〔2016〕84号',
    },
  ],
  rule: {
    op: 'all',
    of: [
      { op: 'keyGroup', groups: ['returnedMigrant'] },
      { op: 'in', fact: 'hukouType', values: ['rural'], text: '农村户口' },
      {
        op: 'monthsSince',
        fact: 'businessRegisteredAt',
        min: 0,
        lessThan: 36,
        code: 'startedWithin3Years',
        text: '领取营业执照不满3年',
        hint: '创办企业或个体工商户后可申请',
      },
    ],
  },
  examples: [
    {
      name: '返乡后开办养殖场1年的农民工符合',
      asOf: '2026-06-01',
      facts: aResident({ hukouType: 'rural', keyGroups: ['returnedMigrant'], businessRegisteredAt: '2025-05-01' }),
      expect: 'eligible',
    },
    {
      name: '创业已满3年不再符合',
      asOf: '2026-06-01',
      facts: aResident({ hukouType: 'rural', keyGroups: ['returnedMigrant'], businessRegisteredAt: '2022-05-01' }),
      expect: 'ineligible',
    },
    {
      name: '不知道户口性质时待确定',
      asOf: '2026-06-01',
      facts: without(aResident({ keyGroups: ['returnedMigrant'], businessRegisteredAt: '2025-05-01' }), 'hukouType'),
      expect: 'undetermined',
      missing: ['hukouType'],
    },
  ],
}
