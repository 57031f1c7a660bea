/** The policy document as staff publish it (before its version is assigned), and its date checks: shared by publish and impact. */
import { AppError } from '../../../shared/errors'
import type { PolicyDocument } from '../../../shared/policies/types'

export type PolicyInput = Omit<PolicyDocument, 'version' | 'examples'> & { examples?: PolicyDocument['examples'] }

export function checkDates(p: PolicyInput): void {
  if (p.effectiveTo && p.effectiveTo < p.effectiveFrom)
    throw new AppError('VALIDATION_FAILED', '失效日期不能早于生效日期')
  if (p.applicationWindow?.to && p.applicationWindow.to < p.applicationWindow.from)
    throw new AppError('VALIDATION_FAILED', '申请截止日期不能早于开始日期')
}
