/** 政策申领：社会保险补贴 (questions from its rule's facts and the fields below; materials from the policy document). */
import { socialInsuranceSubsidy } from '../../policies/socialInsuranceSubsidy.policy'
import { BANK_FIELDS, policyKind } from '../derive'

export const socialInsuranceSubsidyKind = policyKind(socialInsuranceSubsidy, {
  extra: [
    { key: 'employerName', content: 'freeText', label: '就业单位名称', type: 'text', required: true },
    { key: 'fromMonth', content: 'structured', label: '申请补贴起始月份', type: 'date', required: true },
    ...BANK_FIELDS,
  ],
})
