import type { PolicyDocument } from './types'
import { aResident, SOURCE_164, without } from './common'

export const vocationalTrainingSubsidy: PolicyDocument = {
  id: 'vocational-training-subsidy',
  version: 1,
  title: '职业培训补贴',
  category: 'training',
  level: 'national',
  summary: '重点人员参加职业技能培训并取得证书，可按规定领取培训补贴。',
  audience: '登记失业人员、高校毕业生、就业困难人员、脱贫人口、返乡入乡人员、退役军人、残疾人、农村转移就业劳动者',
  effectiveFrom: '2017-10-13',
  effectiveTo: null,
  applicationWindow: null,
  amounts: [{ text: '按培训工种和取得的证书等级给予补贴，标准以当地职业培训补贴目录为准' }],
  materials: ['身份证', '培训合格证书或职业技能等级证书', '培训机构出具的培训记录', '本人社会保障卡'],
  howToApply: [
    '在培训结业后12个月内，通过“爱山东”或当地人社部门窗口申请',
    '也可由定点培训机构统一代为申请',
    '审核通过后补贴发放到本人社会保障卡或培训机构',
  ],
  handledBy: '县（市、区）人力资源社会保障部门',
  sources: [SOURCE_164],
  rule: {
    op: 'all',
    of: [
      { op: 'age', min: 16, code: 'age16' },
      {
        op: 'any',
        code: 'targetGroup',
        text: '属于职业培训补贴对象',
        of: [
          {
            op: 'keyGroup',
            groups: [
              'registeredUnemployed',
              'recentGraduate',
              'employmentDifficulty',
              'povertyAlleviated',
              'returnedMigrant',
              'veteran',
              'disabled',
            ],
          },
          { op: 'is', fact: 'registeredUnemployed' },
          { op: 'in', fact: 'hukouType', values: ['rural'], text: '农村户口劳动者（农村转移就业劳动者）' },
        ],
      },
      {
        op: 'monthsSince',
        fact: 'trainingCompletedAt',
        min: 0,
        lessThan: 12,
        code: 'trainingCompleted',
        text: '已参加职业培训并取得合格证书，且结业不满12个月',
        hint: '报名参加定点机构的职业培训并取得证书后可申请',
      },
    ],
  },
  examples: [
    {
      name: '3个月前结业的农村劳动者符合',
      asOf: '2026-06-01',
      facts: aResident({ hukouType: 'rural', trainingCompletedAt: '2026-03-01' }),
      expect: 'eligible',
    },
    {
      name: '结业超过12个月不符合',
      asOf: '2026-06-01',
      facts: aResident({ keyGroups: ['registeredUnemployed'], trainingCompletedAt: '2025-01-15' }),
      expect: 'ineligible',
    },
    {
      name: '城镇在职职工不属于对象',
      asOf: '2026-06-01',
      facts: aResident({ trainingCompletedAt: '2026-03-01' }),
      expect: 'ineligible',
    },
    {
      name: '不知道培训情况时待确定',
      asOf: '2026-06-01',
      facts: without(aResident({ keyGroups: ['veteran'] }), 'trainingCompletedAt'),
      expect: 'undetermined',
      missing: ['trainingCompletedAt'],
    },
  ],
}
