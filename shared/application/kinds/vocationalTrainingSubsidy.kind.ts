/** 政策申领：职业培训补贴 (questions from its rule's facts and the fields below; materials from the policy document). */
import { vocationalTrainingSubsidy } from '../../policies/vocationalTrainingSubsidy.policy'
import { BANK_FIELDS, policyKind } from '../derive'
import { ANSWER_PATTERNS } from '../answerPatterns'

export const vocationalTrainingSubsidyKind = policyKind(vocationalTrainingSubsidy, {
  extra: [
    { key: 'courseName', content: 'freeText', label: '培训项目（工种）', type: 'text', required: true },
    {
      key: 'certificateNo',
      content: 'personal',
      pattern: ANSWER_PATTERNS.certificateNo,
      label: '培训合格证书或职业技能等级证书编号',
      type: 'text',
      required: true,
    },
    ...BANK_FIELDS,
  ],
})
