/**
 * The subsidy line of a course: 职业培训补贴 is paid when the trainee qualifies under the policy. The
 * explanation comes from the policy engine when the policy module provides one; otherwise only the amount.
 */
import type { SubsidyView } from '../../../shared/training/views'
import type { CourseDoc } from '../repositories/course.repository'

export type { SubsidyView }

export async function subsidyFor(course: CourseDoc, _personId: string | null, _now: Date): Promise<SubsidyView | null> {
  if (!course.subsidyPolicyId) return null
  const amount = course.subsidyAmount
  return {
    policyId: course.subsidyPolicyId,
    amount,
    status: 'undetermined',
    reasons: [],
    text: amount ? `符合职业培训补贴条件的学员，结业取证后可申请补贴（最高${amount}元）` : '符合职业培训补贴条件的学员，结业取证后可申请补贴',
  }
}
