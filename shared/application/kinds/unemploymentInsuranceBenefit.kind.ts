/** 政策申领：失业保险金 (questions from its rule's facts and the fields below; materials from the policy document). */
import { unemploymentInsuranceBenefit } from '../../policies/unemploymentInsuranceBenefit.policy'
import { BANK_FIELDS, policyKind } from '../derive'

export const unemploymentInsuranceBenefitKind = policyKind(unemploymentInsuranceBenefit, {
  extra: [
    { key: 'lastEmployer', content: 'freeText', label: '最后就业单位名称', type: 'text', required: true },
    { key: 'separationDate', content: 'structured', label: '离职日期', type: 'date', required: true },
    ...BANK_FIELDS,
  ],
})
