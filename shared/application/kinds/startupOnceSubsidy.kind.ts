/** 政策申领：一次性创业补贴 (questions from its rule's facts and the fields below; materials from the policy document). */
import { startupOnceSubsidy } from '../../policies/startupOnceSubsidy.policy'
import { BANK_FIELDS, policyKind } from '../derive'
import { ANSWER_PATTERNS } from '../answerPatterns'

export const startupOnceSubsidyKind = policyKind(startupOnceSubsidy, {
  extra: [
    { key: 'businessName', content: 'freeText', label: '经营主体名称', type: 'text', required: true },
    {
      key: 'creditCode',
      content: 'personal',
      pattern: ANSWER_PATTERNS.creditCode,
      label: '统一社会信用代码',
      type: 'text',
      required: true,
      hint: '营业执照上的18位代码',
    },
    ...BANK_FIELDS,
  ],
})
