/**
 * Prefill: each question the register or the profile already answers is filled, with where it came from;
 * only the rest is asked. Answers are turned back into facts for the engine the same way.
 */
import type { ApplicationKind, Question } from '../../../shared/application/types'
import { FACTS } from '../../../shared/rules/facts'
import type { Facts } from '../../../shared/rules/types'
import { maskIdNumber } from '../../../shared/mask'
import type { AnswerValue, PrefillLine } from '../repositories/application.repository'
import type { RegisterPerson } from '../repositories/register.repository'

const REGISTER = '就业登记信息（人社部门）'
const PROFILE = '我的资料'

function display(q: Question, v: AnswerValue): string {
  if (v === null) return q.fact ? (FACTS[q.fact].nullLabel ?? '无') : '无'
  if (Array.isArray(v)) return v.map((x) => q.options?.find((o) => o.value === x)?.label ?? x).join('、') || '无'
  const s = String(v)
  return q.options?.find((o) => o.value === s)?.label ?? s
}

function registerValue(q: Question, person: RegisterPerson): AnswerValue | undefined {
  if (!q.fact) return undefined
  const v = person[q.fact]
  if (v === undefined) return undefined
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  if (v === null || typeof v === 'string' || typeof v === 'number' || Array.isArray(v)) return v as AnswerValue
  return undefined
}

export interface PrefillResult {
  prefill: PrefillLine[]
  missing: Question[]
}

export function prefillOf(
  kind: ApplicationKind,
  person: RegisterPerson,
  profile: { nickname?: string } | undefined,
): PrefillResult {
  const prefill: PrefillLine[] = []
  if (person.idNumber)
    prefill.push({
      key: 'idNumber',
      label: '身份证号',
      value: maskIdNumber(String(person.idNumber)),
      display: maskIdNumber(String(person.idNumber)),
      source: 'register',
      sourceLabel: REGISTER,
    })
  const missing: Question[] = []
  for (const q of kind.questions) {
    let value: AnswerValue | undefined
    let source: PrefillLine['source'] = 'register'
    if (q.profile === 'name' && typeof person.name === 'string') value = person.name
    else if (q.profile) {
      value = undefined
      source = 'profile'
    } else value = registerValue(q, person)
    if (value === undefined && q.profile === 'name' && profile?.nickname) {
      value = undefined
    }
    if (value === undefined) {
      missing.push(q)
      continue
    }
    prefill.push({
      key: q.key,
      label: q.label,
      value,
      display: display(q, value),
      source,
      sourceLabel: source === 'register' ? REGISTER : PROFILE,
    })
  }
  return { prefill, missing }
}

/** The facts of the person with the form's answers on top (answers of fact questions only). */
export function factsWithAnswers(
  kind: ApplicationKind,
  person: RegisterPerson,
  answers: Record<string, AnswerValue>,
): Facts {
  const f: Record<string, unknown> = {}
  for (const k of Object.keys(FACTS)) if (person[k] !== undefined) f[k] = person[k]
  for (const q of kind.questions) {
    if (!q.fact || !(q.key in answers)) continue
    const v = answers[q.key]
    const info = FACTS[q.fact]
    if (info.kind === 'boolean') f[q.fact] = v === true || v === 'true'
    else if (info.kind === 'number' || info.kind === 'year') f[q.fact] = v === null || v === '' ? null : Number(v)
    else f[q.fact] = v
  }
  return f as Facts
}

/** Keys a submission still lacks: required questions without an answer or prefill, required materials without a file. */
export function unanswered(
  kind: ApplicationKind,
  prefill: PrefillLine[],
  answers: Record<string, AnswerValue>,
  attachments: Record<string, string[]>,
): string[] {
  const have = new Set(prefill.map((p) => p.key))
  const out: string[] = []
  for (const q of kind.questions) {
    if (!q.required || have.has(q.key)) continue
    const v = answers[q.key]
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) out.push(q.key)
  }
  for (const m of kind.materials) if (m.required && !attachments[m.key]?.length) out.push(m.key)
  return out
}

export const questionView = (q: Question) => ({
  key: q.key,
  label: q.label,
  type: q.type,
  required: q.required,
  ...(q.options ? { options: q.options } : {}),
  ...(q.hint ? { hint: q.hint } : {}),
})
