import type { PolicyDocument } from './types'
import { aResident, SOURCE_164, without } from './common'

export const skillAssessmentSubsidy: PolicyDocument = {
  id: 'skill-assessment-subsidy',
  version: 1,
  title: '职业技能评价补贴',
  category: 'training',
  level: 'national',
  summary: '重点人员通过职业技能评价取得证书的，可领取一次性职业技能评价（鉴定）补贴。',
  audience: '登记失业人员、高校毕业生、脱贫人口、农村转移就业劳动者等',
  effectiveFrom: '2017-10-13',
  effectiveTo: null,
  applicationWindow: null,
  amounts: [{ text: '按证书等级给予一次性补贴，标准以当地公布为准' }],
  materials: ['身份证', '职业资格证书或职业技能等级证书', '本人社会保障卡'],
  howToApply: ['取得证书后12个月内，通过“爱山东”或当地人社部门窗口申请'],
  handledBy: '县（市、区）人力资源社会保障部门',
  sources: [SOURCE_164],
  rule: {
    op: 'all',
    of: [
      {
        op: 'any',
        code: 'targetGroup',
        text: '属于职业技能评价补贴对象',
        of: [
          { op: 'keyGroup', groups: ['registeredUnemployed', 'recentGraduate', 'povertyAlleviated'] },
          { op: 'in', fact: 'hukouType', values: ['rural'], text: '农村户口劳动者（农村转移就业劳动者）' },
        ],
      },
      {
        op: 'monthsSince',
        fact: 'skillCertificateAt',
        min: 0,
        lessThan: 12,
        code: 'certificate',
        text: '已取得职业技能证书，且取证不满12个月',
        hint: '参加职业技能评价并取得证书后可申请',
      },
    ],
  },
  examples: [
    {
      name: '农村劳动者上月取得证书符合',
      asOf: '2026-06-01',
      facts: aResident({ hukouType: 'rural', skillCertificateAt: '2026-05-01' }),
      expect: 'eligible',
    },
    {
      name: '城镇在职职工不属于对象',
      asOf: '2026-06-01',
      facts: aResident({ skillCertificateAt: '2026-05-01' }),
      expect: 'ineligible',
    },
    {
      name: '不知道户口性质时待确定',
      asOf: '2026-06-01',
      facts: without(aResident({ skillCertificateAt: '2026-05-01' }), 'hukouType'),
      expect: 'undetermined',
      missing: ['hukouType'],
    },
  ],
}
