import type { PolicyDocument } from './types'
import { aResident, registeredUnemployed, without } from './common'

export const unemploymentInsuranceBenefit: PolicyDocument = {
  id: 'unemployment-insurance-benefit',
  version: 1,
  title: '失业保险金',
  category: 'unemployment',
  level: 'national',
  summary: '参加失业保险满1年、非因本人意愿失业并办理失业登记的，可按月领取失业保险金。',
  audience: '失业前参加失业保险且累计缴费满1年、非因本人意愿中断就业、已办理失业登记并有求职要求的人员',
  effectiveFrom: '1999-01-22',
  effectiveTo: null,
  applicationWindow: null,
  amounts: [
    { text: '按月发放，标准由省级政府确定，不低于城市居民最低生活保障标准、低于当地最低工资标准' },
    { text: '累计缴费满1年不足5年的，最长领取12个月；满5年不足10年的，最长18个月；10年以上的，最长24个月' },
  ],
  materials: ['身份证或社会保障卡', '与单位解除或终止劳动关系的证明', '失业登记证明'],
  howToApply: [
    '通过“爱山东”、“电子社保卡”或国家社会保险公共服务平台在线申领',
    '也可到参保地社保（失业保险）经办机构窗口申领',
    '按月发放到本人社会保障卡，领取期间代缴基本医疗保险费',
  ],
  handledBy: '参保地社会保险（失业保险）经办机构',
  sources: [
    { title: '失业保险条例', issuer: '国务院', docNumber: '国务院令第258号' },
    { title: '失业保险金申领发放办法', issuer: '劳动和社会保障部', docNumber: '劳动和社会保障部令第8号' },
  ],
  rule: {
    op: 'all',
    of: [
      {
        op: 'atLeast',
        fact: 'unemploymentInsuranceMonths',
        value: 12,
        code: 'insured12',
        text: '失业前累计缴纳失业保险满12个月',
        hint: '累计缴费不足1年的，可咨询失业补助或其他帮扶',
      },
      { op: 'is', fact: 'involuntarilyUnemployed', code: 'involuntary', hint: '主动辞职的不符合领取条件' },
      { op: 'in', fact: 'employmentStatus', values: ['unemployed'], text: '目前处于失业状态' },
      registeredUnemployed,
    ],
  },
  examples: [
    {
      name: '被裁员、缴费5年并已失业登记的符合',
      asOf: '2026-06-01',
      facts: aResident({
        employmentStatus: 'unemployed',
        involuntarilyUnemployed: true,
        registeredUnemployed: true,
        registeredUnemployedSince: '2026-05-10',
        unemploymentInsuranceMonths: 60,
      }),
      expect: 'eligible',
    },
    {
      name: '主动辞职不符合',
      asOf: '2026-06-01',
      facts: aResident({
        employmentStatus: 'unemployed',
        involuntarilyUnemployed: false,
        registeredUnemployed: true,
        registeredUnemployedSince: '2026-05-10',
      }),
      expect: 'ineligible',
    },
    {
      name: '缴费不满1年不符合',
      asOf: '2026-06-01',
      facts: aResident({
        employmentStatus: 'unemployed',
        involuntarilyUnemployed: true,
        registeredUnemployed: true,
        registeredUnemployedSince: '2026-05-10',
        unemploymentInsuranceMonths: 7,
      }),
      expect: 'ineligible',
    },
    {
      name: '未办理失业登记：登记后可申请',
      asOf: '2026-06-01',
      facts: aResident({ employmentStatus: 'unemployed', involuntarilyUnemployed: true }),
      expect: 'ineligible',
    },
    {
      name: '不知道离职原因时待确定',
      asOf: '2026-06-01',
      facts: without(
        aResident({
          employmentStatus: 'unemployed',
          registeredUnemployed: true,
          registeredUnemployedSince: '2026-05-10',
        }),
        'involuntarilyUnemployed',
      ),
      expect: 'undetermined',
      missing: ['involuntarilyUnemployed'],
    },
  ],
}
