/**
 * Where form answers enter (save, respond, submit): the free-text answers (questions of content 'freeText')
 * pass the one content-check rule (cloudfunctions/_core/contentRule.ts), in one call for all of them; personal
 * and structured answers (银行账号, 证书编号, 姓名, dates, amounts, choices) are never sent to WeChat — their
 * shape is held by checkKeys instead. Staff read free-text answers with the phone and ID numbers in them masked.
 */
import type { ApplicationKind } from '../../../shared/application/types'
import { maskText } from '../../../shared/mask'
import { checkTexts, textsAt } from '../../_core/contentRule'
import type { AnswerValue } from '../repositories/application.repository'

const freeTextQuestions = (kind: ApplicationKind) => kind.questions.filter((q) => q.content === 'freeText')

/** The free-text answers of `answers`, as `answers.<key>` paths. */
export function freeTextAnswers(kind: ApplicationKind, answers: Record<string, unknown>) {
  return freeTextQuestions(kind).flatMap((q) =>
    textsAt(answers, q.key).map((t) => ({ path: `answers.${t.path}`, text: t.text })),
  )
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * CONTENT_REJECTED naming the refused questions (nothing is written), or UPSTREAM_UNAVAILABLE. With `stored` (the
 * answers already on the case, checked when they entered), only the answers that change are sent again.
 */
export async function checkAnswerTexts(
  kind: ApplicationKind,
  answers: Record<string, unknown>,
  openid: string,
  stored: Record<string, unknown> = {},
): Promise<void> {
  const changed = Object.fromEntries(Object.entries(answers).filter(([k, v]) => !same(v, stored[k])))
  await checkTexts(freeTextAnswers(kind, changed), openid, (paths) => {
    const keys = new Set(paths.map((p) => p.split('.')[1]))
    const labels = kind.questions.filter((q) => keys.has(q.key)).map((q) => `「${q.label}」`)
    return `${labels.join('、')}的内容未通过安全审核，请修改后重试`.slice(0, 150)
  })
}

/**
 * The answers as a case view shows them (staff review and the owner's detail): free-text answers with the phone and
 * ID numbers written in them masked; personal values as given (the department pays into the account).
 */
export function answersShown(
  kind: ApplicationKind | null,
  answers: Record<string, AnswerValue>,
): Record<string, AnswerValue> {
  if (!kind) return Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, maskValue(v)]))
  const free = new Set(freeTextQuestions(kind).map((q) => q.key))
  return Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, free.has(k) ? maskValue(v) : v]))
}

const maskValue = (v: AnswerValue): AnswerValue =>
  typeof v === 'string' ? maskText(v) : Array.isArray(v) ? v.map((x) => maskText(x)) : v
