import type { PolicyDocument } from './types'
import { aResident, registeredUnemployed, without } from './common'

export const unemploymentAssistance: PolicyDocument = {
  id: 'unemployment-assistance',
  version: 1,
  title: '失业补助金（阶段性政策）',
  category: 'unemployment',
  level: 'national',
  summary: '阶段性政策：参保但不符合失业保险金领取条件的失业人员，可按月领取失业补助金。该政策已到期。',
  audience: '领取失业保险金期满仍未就业的失业人员，以及参加失业保险、但不符合领取失业保险金条件的登记失业人员',
  effectiveFrom: '2020-03-01',
  effectiveTo: '2021-12-31',
  applicationWindow: null,
  amounts: [
    { text: '按月发放，标准不超过当地失业保险金标准的80%（以当地公布为准）' },
    { text: '2020年政策：最长可领6个月' },
  ],
  materials: ['身份证或社会保障卡', '失业登记证明'],
  howToApply: ['通过“爱山东”或国家社会保险公共服务平台在线申领'],
  handledBy: '参保地社会保险（失业保险）经办机构',
  sources: [
    {
      title: '人力资源社会保障部 财政部关于扩大失业保险保障范围的通知',
      issuer: '人力资源社会保障部 财政部',
      docNumber: '人社部发〔2020〕40号',
      note: '2021年及以后的延续文件未核实',
    },
  ],
  rule: {
    op: 'all',
    of: [
      registeredUnemployed,
      { op: 'in', fact: 'employmentStatus', values: ['unemployed'], text: '目前处于失业状态' },
      { op: 'atLeast', fact: 'unemploymentInsuranceMonths', value: 1, text: '失业前参加了失业保险' },
      {
        op: 'not',
        code: 'notEntitledToBenefit',
        text: '不符合领取失业保险金的条件',
        of: {
          op: 'all',
          of: [
            { op: 'atLeast', fact: 'unemploymentInsuranceMonths', value: 12 },
            { op: 'is', fact: 'involuntarilyUnemployed' },
          ],
        },
      },
    ],
  },
  examples: [
    {
      name: '政策期内：缴费8个月的失业人员符合',
      asOf: '2021-06-01',
      facts: aResident({
        employmentStatus: 'unemployed',
        registeredUnemployed: true,
        registeredUnemployedSince: '2021-05-01',
        unemploymentInsuranceMonths: 8,
        involuntarilyUnemployed: true,
      }),
      expect: 'eligible',
    },
    {
      name: '政策期内：可领失业保险金的人不领本项',
      asOf: '2021-06-01',
      facts: aResident({
        employmentStatus: 'unemployed',
        registeredUnemployed: true,
        registeredUnemployedSince: '2021-05-01',
        unemploymentInsuranceMonths: 30,
        involuntarilyUnemployed: true,
      }),
      expect: 'ineligible',
    },
    {
      name: '政策已到期：同样的人现在不符合',
      asOf: '2026-06-01',
      facts: aResident({
        employmentStatus: 'unemployed',
        registeredUnemployed: true,
        registeredUnemployedSince: '2026-05-01',
        unemploymentInsuranceMonths: 8,
        involuntarilyUnemployed: true,
      }),
      expect: 'ineligible',
    },
    {
      name: '政策期内：不知道离职原因且缴费满1年时待确定',
      asOf: '2021-06-01',
      facts: without(
        aResident({
          employmentStatus: 'unemployed',
          registeredUnemployed: true,
          registeredUnemployedSince: '2021-05-01',
          unemploymentInsuranceMonths: 30,
        }),
        'involuntarilyUnemployed',
      ),
      expect: 'undetermined',
      missing: ['involuntarilyUnemployed'],
    },
  ],
}
