/**
 * The subsidy line of a course: 职业培训补贴 (or the policy the course names) evaluated for the caller by the
 * same rules engine and the same published policy version as the policy check, so the explanation matches what
 * the resident sees there. Not bound to a person record → 'undetermined' with the reason.
 */
import type { SubsidyView } from '../../../shared/training/views'
import { evaluatePolicy } from '../../../shared/policies/evaluatePolicy'
import { factsOf } from '../../../shared/rules/facts'
import {
  findPersonFactsForSubsidy as findPersonFacts,
  findPolicyForSubsidy as findPolicy,
} from '../repositories/policyRead.repository'
import type { CourseDoc } from '../repositories/course.repository'
import { cstDateOf } from '../../../shared/calendar/chinaTime'

export type { SubsidyView }

export async function subsidyFor(course: CourseDoc, personId: string | null, now: Date): Promise<SubsidyView | null> {
  if (!course.subsidyPolicyId) return null
  const amount = course.subsidyAmount
  const policy = await findPolicy(course.subsidyPolicyId)
  const base = amount
    ? `结业取得证书后可申请${policy?.title ?? '职业培训补贴'}（本课程最高${amount}元）`
    : `结业取得证书后可申请${policy?.title ?? '职业培训补贴'}`
  if (!policy) return { policyId: course.subsidyPolicyId, amount, status: 'undetermined', reasons: [], text: base }
  const person = personId ? await findPersonFacts(personId) : null
  if (!person) {
    return {
      policyId: policy.id,
      amount,
      status: 'undetermined',
      reasons: [],
      text: `${base}。完成实名绑定后，可在这里看到你是否符合条件。`,
    }
  }
  const r = evaluatePolicy(policy, factsOf(person as Record<string, unknown>), cstDateOf(now))
  const verdict =
    r.status === 'eligible'
      ? '按你登记的信息，你符合补贴条件。'
      : r.status === 'ineligible'
        ? '按你登记的信息，你暂不符合补贴条件。'
        : '还需要补充一些信息才能判断你是否符合补贴条件。'
  return {
    policyId: policy.id,
    amount,
    status: r.status,
    reasons: r.reasons.map((x) => ({ code: x.code, passed: x.passed, text: x.text })),
    text: `${base}。${verdict}`,
  }
}
