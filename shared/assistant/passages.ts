/**
 * The assistant's passages: each policy split into who qualifies, amounts, materials, how to apply, deadlines
 * and the cited source; each service guide into its steps and its notes; FAQ entries one passage each.
 * Pure: the build script (scripts/buildAssistantIndex.ts) tokenizes these into the bundled index.
 */
import type { PolicyRecord } from '../policies/types'
import type { ServiceGuide } from './guides'

export type KnowledgeKind = 'policy' | 'guide' | 'faq'
export type PassageSection =
  'who' | 'amount' | 'materials' | 'apply' | 'deadline' | 'source' | 'steps' | 'notes' | 'faq'

export interface Passage {
  /** `${refId}#${section}` */
  id: string
  kind: KnowledgeKind
  /** The policy, guide or FAQ entry the passage belongs to. */
  refId: string
  title: string
  section: PassageSection
  text: string
  /** Policies: the first source's 文号, when confirmed. */
  docNumber?: string
  /** Policies whose first source has no confirmed 文号: 「文号待核实」. */
  docNote?: string
}

export const SECTION_LABELS: Record<PassageSection, string> = {
  who: '适用对象',
  amount: '补贴标准',
  materials: '申请材料',
  apply: '办理方式',
  deadline: '申请时间',
  source: '政策依据',
  steps: '办理步骤',
  notes: '注意事项',
  faq: '常见问题',
}

export function citedSource(s: PolicyRecord['sources'][number]): string {
  return s.docNumber
    ? `${s.issuer}《${s.title}》（${s.docNumber}）`
    : `${s.issuer}《${s.title}》（${s.note ?? '文号待核实'}）`
}

export function policyPassages(p: PolicyRecord): Passage[] {
  const first = p.sources[0]
  const doc = first?.docNumber
    ? { docNumber: first.docNumber }
    : { docNote: first?.note && /待核实/.test(first.note) ? first.note : '文号待核实' }
  const base = { kind: 'policy' as const, refId: p.id, title: p.title, ...doc }
  const w = p.applicationWindow
  const period = `政策自${p.effectiveFrom}起施行${p.effectiveTo ? `，至${p.effectiveTo}止` : '，长期有效'}`
  const window = w
    ? `受理时间：${w.from}起${w.to ? `至${w.to}` : ''}${w.note ? `（${w.note}）` : ''}`
    : '政策有效期内全年受理'
  const mk = (section: PassageSection, text: string): Passage => ({ ...base, id: `${p.id}#${section}`, section, text })
  return [
    mk('who', `${p.title}：${p.summary}适用对象：${p.audience}。`),
    mk('amount', `${p.title}的补贴标准：${p.amounts.map((a) => a.text).join('；')}。`),
    mk('materials', `申请${p.title}需要的材料：${p.materials.join('、')}。`),
    mk('apply', `${p.title}怎么申请：${p.howToApply.join('；')}。经办机构：${p.handledBy}。`),
    mk('deadline', `${p.title}的申请时间：${window}；${period}。`),
    mk('source', `${p.title}的政策依据：${p.sources.map(citedSource).join('；')}。`),
  ]
}

export function guidePassages(g: ServiceGuide): Passage[] {
  const base = { kind: 'guide' as const, refId: g.id, title: g.title }
  return [
    {
      ...base,
      id: `${g.id}#steps`,
      section: 'steps',
      text: `${g.title}：${g.summary}办理步骤：${g.steps.map((s, i) => `${i + 1}. ${s}`).join('；')}。`,
    },
    { ...base, id: `${g.id}#notes`, section: 'notes', text: `${g.title}的注意事项：${g.notes.join('；')}。` },
  ]
}

export interface FaqEntry {
  id: string
  question: string
  answer: string
  keywords: string[]
  ref?: { kind: 'policy' | 'guide'; id: string } | null
}

export const faqPassage = (f: FaqEntry): Passage => ({
  id: `${f.id}#faq`,
  kind: 'faq',
  refId: f.id,
  title: f.question,
  section: 'faq',
  text: `${f.question} ${f.answer}`,
})
