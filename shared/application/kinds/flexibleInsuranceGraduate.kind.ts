/** 政策申领：灵活就业社会保险补贴（高校毕业生） (questions from its rule's facts and the fields below; materials from the policy document). */
import { flexibleInsuranceGraduate } from '../../policies/flexibleInsuranceGraduate.policy'
import { BANK_FIELDS, policyKind } from '../derive'

export const flexibleInsuranceGraduateKind = policyKind(flexibleInsuranceGraduate, {
  extra: [
    { key: 'fromMonth', content: 'structured', label: '申请补贴起始月份', type: 'date', required: true },
    ...BANK_FIELDS,
  ],
})
