/** The policy behind a `policy:<id>` kind and why the caller may not apply for it now (null when they may). */
import type { ApplicationKind } from '../../../shared/application/types'
import { applicationOpen, evaluatePolicy, POLICY_LIBRARY } from '../../../shared/policies'
import { type ApplicationDoc } from '../repositories/application.repository'
import { type RegisterPerson } from '../repositories/register.repository'
import { factsWithAnswers } from '../services/prefill.service'

export const policyDocOf = (policyId: string) => POLICY_LIBRARY.find((p) => p.id === policyId) ?? null

export function whyNotApply(
  kind: ApplicationKind,
  person: RegisterPerson | null,
  mine: ApplicationDoc[],
  today: string,
): string | null {
  if (!person) return '请先完成实名认证（绑定本人居民信息）后办理'
  const same = mine.filter((a) => a.kind === kind.kind)
  if (same.some((a) => ['submitted', 'underReview', 'correctionRequested'].includes(a.status)))
    return '已有办理中的申请，请等待审核结果'
  if (kind.policyId && same.some((a) => a.status === 'approved')) return '已申领过该政策'
  if (kind.onApproval === 'registerUnemployed' && person.registeredUnemployed === true) return '您已办理失业登记'
  if (kind.policyId) {
    const doc = policyDocOf(kind.policyId)
    if (!doc) return '该政策暂不受理'
    if (!applicationOpen(doc, today)) return '不在申请受理期内'
    const r = evaluatePolicy(doc, factsWithAnswers(kind, person, {}), today)
    if (r.status === 'ineligible')
      return (
        r.reasons
          .filter((x) => !x.passed)
          .map((x) => x.text)
          .join('；') || '暂不符合申请条件'
      )
  }
  return null
}
