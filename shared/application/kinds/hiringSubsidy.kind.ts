/** 政策申领：一次性吸纳就业补贴 (questions from its rule's facts and the fields below; materials from the policy document). */
import { hiringSubsidy } from '../../policies/hiringSubsidy.policy'
import { BANK_FIELDS, policyKind } from '../derive'
import { ANSWER_PATTERNS } from '../answerPatterns'

export const hiringSubsidyKind = policyKind(hiringSubsidy, {
  extra: [
    { key: 'businessName', content: 'freeText', label: '企业名称', type: 'text', required: true },
    {
      key: 'creditCode',
      content: 'personal',
      pattern: ANSWER_PATTERNS.creditCode,
      label: '统一社会信用代码',
      type: 'text',
      required: true,
    },
    {
      key: 'hiredNames',
      content: 'personal',
      pattern: ANSWER_PATTERNS.personNames,
      label: '新招用人员姓名（以顿号分隔）',
      type: 'text',
      required: true,
    },
    ...BANK_FIELDS,
  ],
})
