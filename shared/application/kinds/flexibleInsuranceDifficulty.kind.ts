/** 政策申领：灵活就业社会保险补贴（就业困难人员） (questions from its rule's facts and the fields below; materials from the policy document). */
import { flexibleInsuranceDifficulty } from '../../policies/flexibleInsuranceDifficulty.policy'
import { BANK_FIELDS, policyKind } from '../derive'

export const flexibleInsuranceDifficultyKind = policyKind(flexibleInsuranceDifficulty, {
  extra: [
    { key: 'fromMonth', content: 'structured', label: '申请补贴起始月份', type: 'date', required: true },
    ...BANK_FIELDS,
  ],
})
