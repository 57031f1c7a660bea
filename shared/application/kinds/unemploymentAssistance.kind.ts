/** 政策申领：失业补助金 (questions from its rule's facts and the fields below; materials from the policy document). */
import { unemploymentAssistance } from '../../policies/unemploymentAssistance.policy'
import { BANK_FIELDS, policyKind } from '../derive'

export const unemploymentAssistanceKind = policyKind(unemploymentAssistance, {
  extra: [
    { key: 'lastEmployer', content: 'freeText', label: '最后就业单位名称', type: 'text', required: false },
    ...BANK_FIELDS,
  ],
})
