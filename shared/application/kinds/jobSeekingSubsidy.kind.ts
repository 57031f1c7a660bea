/** 政策申领：求职创业补贴 (questions from its rule's facts and the fields below; materials from the policy document). */
import { jobSeekingSubsidy } from '../../policies/jobSeekingSubsidy.policy'
import { BANK_FIELDS, policyKind } from '../derive'

export const jobSeekingSubsidyKind = policyKind(jobSeekingSubsidy, {
  extra: [...BANK_FIELDS],
})
