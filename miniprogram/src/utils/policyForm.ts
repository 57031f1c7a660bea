/**
 * The policy editor's form (a new version of an existing policy): the form of a loaded policy, the draft
 * `policy.publish` takes (checked with its shared schema), the machine rule to publish, impact answers added up.
 */
import { policyActions } from '@shared/actions/policy'
import { POLICY_LIBRARY } from '@shared/policies/library'
import type { ImpactAnswer, PolicyDetail } from '@shared/policies/views'
import { requirementsOf } from '@shared/rules/requirements'
import type { Condition } from '@shared/rules/types'
import type { PolicyInput } from '@/services/admin.service'
import { schemaProblem } from './schemaProblem'
import { dayBound } from './staffForms'

/**
 * `policy.get` answers the document without its machine rule (it shows the rule as Chinese statements). The rule
 * comes from the shared policy library, and only when its statements equal what the server shows — so a
 * publish from here never reverts a rule changed elsewhere.
 */
const textsOf = (rs: { text: string; children?: unknown[] }[]): unknown =>
  rs.map((r) => [r.text, r.children ? textsOf(r.children as { text: string; children?: unknown[] }[]) : null])
export function ruleFor(detail: PolicyDetail): Condition | null {
  const doc = POLICY_LIBRARY.find((p) => p.id === detail.id)
  if (!doc) return null
  return JSON.stringify(textsOf(requirementsOf(doc.rule))) === JSON.stringify(textsOf(detail.requirements))
    ? doc.rule
    : null
}

export interface PolicyForm {
  summary: string
  effectiveTo: string
  windowFrom: string
  windowTo: string
  windowNote: string
  amounts: { text: string; maxYuan: string }[]
}
export function policyFormOf(d: PolicyDetail): PolicyForm {
  return {
    summary: d.summary,
    effectiveTo: d.effectiveTo ?? '',
    windowFrom: d.applicationWindow?.from ?? '',
    windowTo: d.applicationWindow?.to ?? '',
    windowNote: d.applicationWindow?.note ?? '',
    amounts: d.amounts.map((a) => ({ text: a.text, maxYuan: a.maxYuan === undefined ? '' : String(a.maxYuan) })),
  }
}
const realDate = (s: string) => dayBound(s, false) !== null

/** The edited document as `policy.publish` takes it, or a message saying what to fix. */
export function policyDraftOf(
  d: PolicyDetail,
  rule: Condition,
  f: PolicyForm,
): { policy: PolicyInput } | { problem: string } {
  if (f.effectiveTo.trim() && !realDate(f.effectiveTo))
    return { problem: '有效期截止日期应为 YYYY-MM-DD 格式的真实日期（留空表示长期有效）' }
  if (f.effectiveTo.trim() && f.effectiveTo.trim() < d.effectiveFrom)
    return { problem: `有效期截止日期不能早于生效日期 ${d.effectiveFrom}` }
  const hasWindow = !!(f.windowFrom.trim() || f.windowTo.trim() || f.windowNote.trim())
  if (hasWindow) {
    if (!realDate(f.windowFrom))
      return { problem: '申请开始日期应为 YYYY-MM-DD 格式的真实日期（全年可申请则三项都留空）' }
    if (f.windowTo.trim() && !realDate(f.windowTo))
      return { problem: '申请截止日期应为 YYYY-MM-DD 格式的真实日期（留空表示不限）' }
    if (f.windowTo.trim() && f.windowTo.trim() < f.windowFrom.trim()) return { problem: '申请截止日期不能早于开始日期' }
  }
  const amounts: { text: string; maxYuan?: number }[] = []
  for (const [i, a] of f.amounts.entries()) {
    const raw = a.maxYuan.trim()
    if (raw && !/^\d+(\.\d{1,2})?$/.test(raw)) return { problem: `第${i + 1}项的最高金额应为数字（元），可留空` }
    const n = raw ? Number(raw) : undefined
    amounts.push({ text: a.text.trim(), ...(n !== undefined ? { maxYuan: n } : {}) })
  }
  const policy: PolicyInput = {
    id: d.id,
    title: d.title,
    category: d.category,
    level: d.level,
    summary: f.summary.trim(),
    audience: d.audience,
    effectiveFrom: d.effectiveFrom,
    effectiveTo: f.effectiveTo.trim() || null,
    applicationWindow: hasWindow
      ? {
          from: f.windowFrom.trim(),
          to: f.windowTo.trim() || null,
          ...(f.windowNote.trim() ? { note: f.windowNote.trim() } : {}),
        }
      : null,
    amounts,
    materials: d.materials,
    howToApply: d.howToApply,
    handledBy: d.handledBy,
    sources: d.sources.map(({ title, issuer, docNumber, note }) => ({
      title,
      issuer,
      docNumber,
      ...(note ? { note } : {}),
    })),
    rule,
  }
  const problem = schemaProblem(policyActions.actions.publish.input, { policy }, DRAFT_LABELS)
  return problem ? { problem } : { policy }
}

/** What the editor calls each field `policy.publish`'s schema may refuse. */
const DRAFT_LABELS = {
  'policy.summary': '通俗摘要',
  'policy.applicationWindow.note': '申请期说明',
  'policy.amounts': { label: '补贴标准', message: '补贴标准应有1至10项' },
  'policy.amounts.*.text': '第{n}项补贴标准',
  'policy.amounts.*.maxYuan': { label: '第{n}项的最高金额', message: '{label}不能超过1000万元' },
}

/** Adds the partial answers of an impact run that continued with nextCursor. */
export function mergeImpact(a: ImpactAnswer | null, b: ImpactAnswer): ImpactAnswer {
  if (!a) return b
  const byCity = new Map(a.byCity.map((c) => [c.cityCode, { ...c }]))
  for (const c of b.byCity) {
    const prev = byCity.get(c.cityCode)
    if (prev) prev.count += c.count
    else byCity.set(c.cityCode, { ...c })
  }
  return {
    ...b,
    scanned: a.scanned + b.scanned,
    eligible: a.eligible + b.eligible,
    newlyEligible: a.newlyEligible + b.newlyEligible,
    noLongerEligible: a.noLongerEligible + b.noLongerEligible,
    byCity: [...byCity.values()].sort((x, y) => y.count - x.count),
  }
}
