/** How a policy is shown to clients (list item and detail). */
import { applicationOpen, inForce } from '../../../shared/policies/evaluatePolicy'
import { POLICY_CATEGORY_LABELS } from '../../../shared/policies/types'
import { FACTS } from '../../../shared/rules/facts'
import { leafFact } from '../../../shared/rules/evaluate'
import type { Condition, FactName } from '../../../shared/rules/types'
import { requirementsOf } from '../../../shared/rules/requirements'
import type { PolicyDoc } from '../repositories/policy.repository'
import type { PolicyDetail, PolicyListItem, PolicyQuestion } from '../../../shared/policies/views'

export function factsRead(c: Condition, acc = new Set<FactName>()): FactName[] {
  if (c.op === 'all' || c.op === 'any') c.of.forEach((x) => factsRead(x, acc))
  else if (c.op === 'not') factsRead(c.of, acc)
  else acc.add(leafFact(c))
  return [...acc]
}

export const questionOf = (f: FactName): PolicyQuestion => ({ fact: f, ...FACTS[f] })

export function listItem(p: PolicyDoc, today: string): PolicyListItem {
  return {
    id: p.id,
    version: p.version,
    title: p.title,
    category: p.category,
    categoryLabel: POLICY_CATEGORY_LABELS[p.category],
    level: p.level,
    summary: p.summary,
    audience: p.audience,
    amounts: p.amounts.map((a) => a.text),
    maxYuan: p.amounts.reduce<number | null>(
      (m, a) => (a.maxYuan !== undefined && (m === null || a.maxYuan > m) ? a.maxYuan : m),
      null,
    ),
    effectiveFrom: p.effectiveFrom,
    effectiveTo: p.effectiveTo,
    inForce: inForce(p, today),
    applicationOpen: applicationOpen(p, today),
  }
}

export function detail(p: PolicyDoc, today: string): PolicyDetail {
  return {
    ...listItem(p, today),
    applicationWindow: p.applicationWindow,
    amounts: p.amounts,
    materials: p.materials,
    howToApply: p.howToApply,
    handledBy: p.handledBy,
    sources: p.sources.map((s) => ({
      ...s,
      cited: s.docNumber
        ? `${s.issuer}《${s.title}》（${s.docNumber}）`
        : `${s.issuer}《${s.title}》（${s.note ?? '文号待核实'}）`,
    })),
    requirements: requirementsOf(p.rule),
    questions: factsRead(p.rule).map(questionOf),
    publishedAt: p.publishedAt,
  }
}
