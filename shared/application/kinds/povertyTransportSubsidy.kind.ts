/** 政策申领：跨省就业一次性交通补助 (questions from its rule's facts and the fields below; materials from the policy document). */
import { povertyTransportSubsidy } from '../../policies/povertyTransportSubsidy.policy'
import { BANK_FIELDS, policyKind } from '../derive'

export const povertyTransportSubsidyKind = policyKind(povertyTransportSubsidy, {
  extra: [
    { key: 'workPlace', content: 'freeText', label: '务工所在地', type: 'text', required: true },
    { key: 'employerName', content: 'freeText', label: '务工单位名称', type: 'text', required: true },
    ...BANK_FIELDS,
  ],
})
