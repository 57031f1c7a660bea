import type { PolicyDocument } from './types'
import { aResident, without } from './common'

export const skillUpgradeSubsidy: PolicyDocument = {
  id: 'skill-upgrade-subsidy',
  version: 1,
  title: '技能提升补贴',
  category: 'training',
  level: 'national',
  summary: '参加失业保险满1年的职工，取得职业资格证书或职业技能等级证书后，可从失业保险基金领取技能提升补贴。',
  audience: '依法参加失业保险、累计缴费满1年的企业职工',
  effectiveFrom: '2017-05-01',
  effectiveTo: null,
  applicationWindow: null,
  amounts: [
    { text: '初级（五级）证书一般不超过1000元', maxYuan: 1000 },
    { text: '中级（四级）证书一般不超过1500元', maxYuan: 1500 },
    { text: '高级（三级）证书一般不超过2000元', maxYuan: 2000 },
  ],
  materials: ['身份证', '职业资格证书或职业技能等级证书', '本人社会保障卡'],
  howToApply: [
    '在取得证书之日起12个月内，通过“爱山东”、国家社会保险公共服务平台或“电子社保卡”申请',
    '社保经办机构核验参保和证书信息后发放到本人社会保障卡',
  ],
  handledBy: '参保地社会保险（失业保险）经办机构',
  sources: [
    {
      title: '关于失业保险支持参保职工提升职业技能有关问题的通知',
      issuer: '人力资源社会保障部 财政部',
      docNumber: '人社部发〔2017〕40号',
    },
  ],
  rule: {
    op: 'all',
    of: [
      {
        op: 'in',
        fact: 'employmentStatus',
        values: ['employed'],
        text: '目前为在职职工',
        hint: '本补贴面向在职参保职工',
      },
      { op: 'atLeast', fact: 'unemploymentInsuranceMonths', value: 12, code: 'insured12' },
      {
        op: 'monthsSince',
        fact: 'skillCertificateAt',
        min: 0,
        lessThan: 12,
        code: 'certificate',
        text: '已取得职业资格证书或职业技能等级证书，且取证不满12个月',
        hint: '取得职业资格证书或职业技能等级证书后12个月内可申请',
      },
    ],
  },
  examples: [
    {
      name: '参保满1年、半年前取证的职工符合',
      asOf: '2026-06-01',
      facts: aResident({ skillCertificateAt: '2025-12-20' }),
      expect: 'eligible',
    },
    {
      name: '参保8个月：再缴4个月后可申请',
      asOf: '2026-06-01',
      facts: aResident({ unemploymentInsuranceMonths: 8, skillCertificateAt: '2026-04-01' }),
      expect: 'ineligible',
    },
    { name: '没有证书不符合', asOf: '2026-06-01', facts: aResident(), expect: 'ineligible' },
    {
      name: '不知道失业保险缴费月数时待确定',
      asOf: '2026-06-01',
      facts: without(aResident({ skillCertificateAt: '2026-04-01' }), 'unemploymentInsuranceMonths'),
      expect: 'undetermined',
      missing: ['unemploymentInsuranceMonths'],
    },
  ],
}
