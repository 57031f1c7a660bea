/** Draft checks shared by save, submit and respond: the eligibility as of now, answer keys of the kind, new material files. */
import type { ApplicationKind } from '../../../shared/application/types'
import { AppError } from '../../../shared/errors'
import { evaluatePolicy } from '../../../shared/policies'
import { type ApplicationDoc, type AnswerValue } from '../repositories/application.repository'
import { keptFileIds } from '../repositories/kept.repository'
import { type RegisterPerson } from '../repositories/register.repository'
import { checkMaterialFiles } from '../services/imageCheck.service'
import { factsWithAnswers } from '../services/prefill.service'
import { policyDocOf } from './kindAccess'

export function eligibilityOf(
  kind: ApplicationKind,
  person: RegisterPerson,
  answers: Record<string, AnswerValue>,
  asOf: string,
): ApplicationDoc['eligibility'] {
  if (!kind.policyId) return null
  const doc = policyDocOf(kind.policyId)
  if (!doc) return null
  const r = evaluatePolicy(doc, factsWithAnswers(kind, person, answers), asOf)
  return { status: r.status, asOf, reasons: r.reasons.map((x) => ({ code: x.code, passed: x.passed, text: x.text })) }
}

/**
 * Answers keyed by the kind's questions, materials by its material keys; anything else is bad input. Each answer has
 * its question's type, and a typed text value (not free text) its pattern.
 */
export function checkKeys(
  kind: ApplicationKind,
  answers: Record<string, unknown>,
  attachments: Record<string, unknown>,
) {
  const q = new Set(kind.questions.map((x) => x.key))
  const m = new Set(kind.materials.map((x) => x.key))
  const badA = Object.keys(answers).filter((k) => !q.has(k))
  const badM = Object.keys(attachments).filter((k) => !m.has(k))
  if (badA.length || badM.length) {
    throw new AppError('VALIDATION_FAILED', `该事项没有这些项目：${[...badA, ...badM].join('、')}`.slice(0, 120), {
      fields: [
        ...badA.map((k) => ({ path: `answers.${k}`, message: '未知项目' })),
        ...badM.map((k) => ({ path: `attachments.${k}`, message: '未知材料' })),
      ],
    })
  }
  for (const question of kind.questions) {
    const v = answers[question.key]
    if (v === undefined || v === null || v === '') continue
    if (question.type === 'number' && !Number.isFinite(Number(v)))
      throw new AppError('VALIDATION_FAILED', `${question.label}应为数字`, {
        fields: [{ path: `answers.${question.key}`, message: '应为数字' }],
      })
    if (question.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(String(v)))
      throw new AppError('VALIDATION_FAILED', `${question.label}应为日期（YYYY-MM-DD）`, {
        fields: [{ path: `answers.${question.key}`, message: '日期格式不正确' }],
      })
    if (question.type === 'choice' && question.options && !question.options.some((o) => o.value === String(v)))
      throw new AppError('VALIDATION_FAILED', `${question.label}的选项不正确`, {
        fields: [{ path: `answers.${question.key}`, message: '选项不正确' }],
      })
    // a multiple choice holds option values only (no words past the content check)
    if (
      question.type === 'multi' &&
      (!Array.isArray(v) || v.some((x) => !question.options?.some((o) => o.value === x)))
    )
      throw new AppError('VALIDATION_FAILED', `${question.label}的选项不正确`, {
        fields: [{ path: `answers.${question.key}`, message: '选项不正确' }],
      })
    if (question.type === 'text' && typeof v !== 'string')
      throw new AppError('VALIDATION_FAILED', `${question.label}应为文字`, {
        fields: [{ path: `answers.${question.key}`, message: '应为文字' }],
      })
    // a value that is not free text (never sent to WeChat) must have its shape, so that it cannot carry prose
    if (question.type === 'text' && question.pattern && !question.pattern.re.test(String(v).trim()))
      throw new AppError('VALIDATION_FAILED', `${question.label}：${question.pattern.message}`, {
        fields: [{ path: `answers.${question.key}`, message: question.pattern.message }],
      })
  }
}

export async function checkNewFiles(doc: ApplicationDoc, attachments: Record<string, string[]>, openid: string) {
  const known = new Set([...Object.values(doc.attachments).flat(), ...(await keptFileIds(doc.openid))])
  await checkMaterialFiles([...new Set(Object.values(attachments).flat())], openid, known)
}
