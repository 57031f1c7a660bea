/**
 * From ranked refs to the answers a resident reads: the best passage of each ref, its citations (never one
 * the passages do not back), the 「文号待核实」 caveat where a number is not confirmed, and, when the caller's
 * bound facts are known, "you may qualify: why" from the rules engine's explanation. Pure.
 */
import { evaluatePolicy } from '../policies/evaluatePolicy'
import type { PolicyRecord } from '../policies/types'
import type { Facts, Reason } from '../rules/types'
import { SERVICE_GUIDES } from './guides'
import type { RankedRef } from './retrieval'

export interface Citation {
  kind: 'policy' | 'guide' | 'faq'
  id: string
  title: string
  docNumber?: string
  /** 「文号待核实」 when the policy's number is not confirmed. */
  note?: string
}

export interface Eligibility {
  status: 'eligible' | 'ineligible' | 'undetermined'
  /** Chinese, e.g. 「按你的登记信息，你可能符合：…」 */
  text: string
}

export interface Answer {
  text: string
  citations: Citation[]
  eligibility?: Eligibility
}

export interface FaqLike {
  _id: string
  question: string
  answer: string
  ref: { kind: 'policy' | 'guide'; id: string } | null
}

export const HANDOFF_TEXT =
  '这个问题我还答不准，为避免误导，建议转人工：点「转人工」把问题提交给工作人员，一般3个工作日内答复；也可以拨打12333咨询。'

const policyCitation = (p: PolicyRecord): Citation => {
  const s = p.sources[0]
  return s?.docNumber
    ? { kind: 'policy', id: p.id, title: p.title, docNumber: s.docNumber }
    : { kind: 'policy', id: p.id, title: p.title, note: '文号待核实' }
}

const guideById = new Map(SERVICE_GUIDES.map((g) => [g.id, g]))

function leafTexts(rs: readonly Reason[], state: Reason['state']): string[] {
  const out: string[] = []
  for (const r of rs) {
    if (r.children?.length) out.push(...leafTexts(r.children, state))
    else if (r.state === state && r.text) out.push(r.text)
  }
  return out
}

export function eligibilityOf(p: PolicyRecord, facts: Facts, asOf: string): Eligibility {
  const e = evaluatePolicy(p, facts, asOf)
  if (e.status === 'eligible')
    return {
      status: 'eligible',
      text: `按你的登记信息，你可能符合：${leafTexts(e.reasons, 'passed').slice(0, 4).join('；')}。以经办机构审核为准。`,
    }
  if (e.status === 'undetermined')
    return {
      status: 'undetermined',
      text: `按你的登记信息还不能确定，还需确认：${leafTexts(e.reasons, 'missing').slice(0, 3).join('；')}。可以做一次「政策体检」。`,
    }
  // a failed group (any of …) reads as its own requirement, not as every alternative that failed
  const failed = e.reasons
    .filter((r) => r.state === 'failed')
    .map((r) => r.text)
    .filter(Boolean)
  return {
    status: 'ineligible',
    text: `按你的登记信息暂不符合：${(failed.length ? failed : leafTexts(e.reasons, 'failed')).slice(0, 3).join('；')}。`,
  }
}

export interface ComposeInput {
  refs: readonly RankedRef[]
  policies: ReadonlyMap<string, PolicyRecord>
  faqs: ReadonlyMap<string, FaqLike>
  facts: Facts | null
  asOf: string
  /** At most this many answers. */
  max?: number
  /** Sections the question asks about (the answer quotes that passage of a ref when it has one). */
  sections?: readonly string[]
}

export function composeAnswers({ refs, policies, faqs, facts, asOf, max = 3, sections = [] }: ComposeInput): Answer[] {
  const top = refs[0]
  if (!top) return []
  const strength = (r: RankedRef) => r.score * (0.5 + r.coverage)
  const chosen = refs.filter((r, i) => i === 0 || strength(r) >= 0.55 * strength(top)).slice(0, max)
  const cited = new Set<string>()
  const answers: Answer[] = []
  for (const r of chosen) {
    const best = (r.passages.find(({ passage }) => sections.includes(passage.section)) ?? r.passages[0]).passage
    let answer: Answer | null = null
    let policy: PolicyRecord | undefined
    if (r.kind === 'policy') {
      policy = policies.get(r.refId)
      if (!policy) continue
      const caveat = best.docNote ? `（该政策依据文件的${best.docNote}，具体以经办机构解释为准）` : ''
      const expired =
        policy.effectiveTo && policy.effectiveTo < asOf ? `（注意：该政策已于${policy.effectiveTo}到期，不再受理）` : ''
      answer = { text: `${best.text}${expired}${caveat}`, citations: [policyCitation(policy)] }
    } else if (r.kind === 'guide') {
      const g = guideById.get(r.refId)
      if (!g) continue
      answer = { text: best.text, citations: [{ kind: 'guide', id: g.id, title: g.title }] }
    } else {
      const f = faqs.get(r.refId)
      if (!f) continue
      const citations: Citation[] = [{ kind: 'faq', id: f._id, title: f.question }]
      if (f.ref?.kind === 'policy' && policies.get(f.ref.id)) {
        policy = policies.get(f.ref.id)!
        citations.push(policyCitation(policy))
      } else if (f.ref?.kind === 'guide' && guideById.get(f.ref.id)) {
        const g = guideById.get(f.ref.id)!
        citations.push({ kind: 'guide', id: g.id, title: g.title })
      }
      const caveat = policy && !policy.sources[0]?.docNumber ? '（相关政策文号待核实，具体以经办机构解释为准）' : ''
      answer = { text: `${f.answer}${caveat}`, citations }
    }
    // one answer per thing cited: an FAQ about a policy already answered adds nothing
    const keys = answer.citations.map((c) => `${c.kind}:${c.id}`)
    if (keys.every((k) => cited.has(k))) continue
    keys.forEach((k) => cited.add(k))
    if (policy && facts) answer.eligibility = eligibilityOf(policy, facts, asOf)
    answers.push(answer)
  }
  return answers
}
