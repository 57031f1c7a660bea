/**
 * A policy kind derived from its policy document: the questions are the facts its rule reads (so a form asks
 * only what the register does not know; prefill fills the rest) plus the fields the kind needs, and the
 * materials are the document's own list. Pure.
 */
import { FACTS } from '../rules/facts'
import { leafFact } from '../rules/evaluate'
import type { Condition, FactName, LeafCondition } from '../rules/types'
import type { PolicyDocument } from '../policies/types'
import type { ApplicationKind, Material, Question } from './types'
import { ANSWER_PATTERNS } from './answerPatterns'

/** Every fact a rule reads, in the order it reads them. */
export function factsReadBy(rule: Condition): FactName[] {
  const out: FactName[] = []
  const walk = (c: Condition) => {
    if (c.op === 'all' || c.op === 'any') c.of.forEach(walk)
    else if (c.op === 'not') walk(c.of)
    else {
      const f = leafFact(c as LeafCondition)
      if (!out.includes(f)) out.push(f)
    }
  }
  walk(rule)
  return out
}

const YES_NO = [
  { value: 'true', label: '是' },
  { value: 'false', label: '否' },
]

/** The question a fact becomes on a form. */
export function questionOfFact(fact: FactName): Question {
  const info = FACTS[fact]
  const base = {
    key: fact,
    label: info.label,
    required: true,
    fact,
    hint: info.question,
    content: 'structured' as const,
  }
  switch (info.kind) {
    case 'date':
      return { ...base, type: 'date', required: !info.nullable }
    case 'boolean':
      return { ...base, type: 'choice', options: YES_NO }
    case 'number':
    case 'year':
      return { ...base, type: 'number', required: info.kind === 'number' }
    case 'enum':
      return { ...base, type: 'choice', options: info.options }
    case 'keyGroups':
      return { ...base, type: 'multi', options: info.options, required: false }
    case 'region':
      return { ...base, type: 'text', hint: `${info.question}（6位地区代码）`, pattern: ANSWER_PATTERNS.regionCode }
  }
}

/** A material is optional when the document says so in its words (其他 / 如有 / 按要求). */
const optionalMaterial = (label: string) => /其他|如有|（如|要求的/.test(label)

export function materialsOf(doc: Pick<PolicyDocument, 'materials'>): Material[] {
  return doc.materials.map((label, i) => ({ key: `m${i + 1}`, label, required: !optionalMaterial(label) }))
}

/** Fields every payment needs: the account the subsidy is paid into (社会保障卡金融账户 or a bank account). */
export const BANK_FIELDS: Question[] = [
  {
    key: 'bankName',
    label: '开户银行',
    type: 'text',
    required: true,
    content: 'freeText',
    hint: '补贴发放账户的开户银行，如：中国工商银行济南历下支行',
  },
  {
    key: 'bankAccount',
    label: '银行账号',
    type: 'text',
    required: true,
    content: 'personal',
    pattern: ANSWER_PATTERNS.bankAccount,
    hint: '本人社会保障卡金融账户或本人银行卡号',
  },
]

export interface PolicyKindOptions {
  extra?: Question[]
  reviewWorkingDays?: number
  correctionWorkingDays?: number
}

export function policyKind(doc: PolicyDocument, opts: PolicyKindOptions = {}): ApplicationKind {
  const maxAmount = doc.amounts.map((a) => a.maxYuan).find((x): x is number => typeof x === 'number')
  const facts = factsReadBy(doc.rule)
  return {
    kind: `policy:${doc.id}`,
    title: doc.title,
    policyId: doc.id,
    summary: doc.summary,
    questions: [...facts.map(questionOfFact), ...(opts.extra ?? [])],
    materials: materialsOf(doc),
    reviewWorkingDays: opts.reviewWorkingDays ?? 20,
    correctionWorkingDays: opts.correctionWorkingDays ?? 10,
    ...(maxAmount !== undefined ? { maxAmountYuan: maxAmount } : {}),
    source: doc.sources.map((s) => `${s.title}（${s.docNumber ?? s.note ?? '文号待核实'}）`).join('；'),
  }
}
