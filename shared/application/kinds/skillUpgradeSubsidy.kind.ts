/** 政策申领：技能提升补贴 (questions from its rule's facts and the fields below; materials from the policy document). */
import { skillUpgradeSubsidy } from '../../policies/skillUpgradeSubsidy.policy'
import { BANK_FIELDS, policyKind } from '../derive'
import { ANSWER_PATTERNS } from '../answerPatterns'

export const skillUpgradeSubsidyKind = policyKind(skillUpgradeSubsidy, {
  extra: [
    {
      key: 'certificateNo',
      content: 'personal',
      pattern: ANSWER_PATTERNS.certificateNo,
      label: '职业资格或职业技能等级证书编号',
      type: 'text',
      required: true,
    },
    {
      key: 'certificateLevel',
      content: 'structured',
      label: '证书等级',
      type: 'choice',
      required: true,
      options: [
        { value: 'junior', label: '初级工（五级）' },
        { value: 'intermediate', label: '中级工（四级）' },
        { value: 'senior', label: '高级工（三级）' },
      ],
    },
    ...BANK_FIELDS,
  ],
})
