/** 政策申领：职业技能评价补贴 (questions from its rule's facts and the fields below; materials from the policy document). */
import { skillAssessmentSubsidy } from '../../policies/skillAssessmentSubsidy.policy'
import { BANK_FIELDS, policyKind } from '../derive'
import { ANSWER_PATTERNS } from '../answerPatterns'

export const skillAssessmentSubsidyKind = policyKind(skillAssessmentSubsidy, {
  extra: [
    {
      key: 'certificateNo',
      content: 'personal',
      pattern: ANSWER_PATTERNS.certificateNo,
      label: '证书编号',
      type: 'text',
      required: true,
    },
    ...BANK_FIELDS,
  ],
})
