/**
 * ask: content check → retrieval over the bundled passages and the staff's FAQ → answers with citations, or a
 * handoff (no citation) when the confidence is low → the question log (masked question, the openid's hash).
 * With a requestId the same id gives the first answer again (the answer is recomputed from the same knowledge;
 * the log keeps the first entry) and writes nothing new: one insert instead of an idempotency claim.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { InputOf } from '../../../shared/actions/define'
import type { assistantActions } from '../../../shared/actions/assistant'
import { composeAnswers, HANDOFF_TEXT } from '../../../shared/assistant/answer'
import { confidenceOf, HANDOFF_BELOW, queryTerms, questionKey, rank } from '../../../shared/assistant/retrieval'
import { AppError } from '../../../shared/errors'
import { maskText } from '../../../shared/mask'
import { inForce } from '../../../shared/policies/evaluatePolicy'
import { POLICY_LIBRARY } from '../../../shared/policies/library'
import type { PolicyRecord } from '../../../shared/policies/types'
import { factsOf } from '../../../shared/rules/facts'
import type { Facts } from '../../../shared/rules/types'
import { cstDateOf, toIsoCst } from '../../../shared/calendar/chinaTime'
import { type ActionContext, type Caller, requireCaller } from '../../_core/function'
import { openidHash } from '../../_core/pii'
import { insertAsk } from '../repositories/ask.repository'
import { findPersonFacts } from '../repositories/person.repository'
import { questionChecker } from '../services/contentCheck.service'
import { knowledge, segmenters } from '../services/knowledge.service'

export const QUESTION_REJECTED = '问题中含有不适宜的内容，请换个说法再问'

const POLICIES: ReadonlyMap<string, PolicyRecord> = new Map(POLICY_LIBRARY.map(({ examples: _e, ...p }) => [p.id, p]))

async function callerFacts(caller: Caller): Promise<Facts | null> {
  if (!caller.user.personId) return null
  const person = await findPersonFacts(caller.user.personId)
  return person ? factsOf(person) : null
}

/** With a requestId the id is derived from it (the asker's hash + the id): a repeat finds the first log entry. */
const askIdOf = (hash: string, now: Date, requestId?: string) =>
  requestId
    ? `A${createHash('sha256').update(`${hash}|${requestId}`).digest('hex').slice(0, 24)}`
    : `A${now.getTime().toString(36)}${randomBytes(5).toString('hex')}`

export async function ask(input: InputOf<typeof assistantActions, 'ask'>, ctx: ActionContext) {
  const caller = requireCaller(ctx)
  const verdict = await questionChecker().check({ content: input.question, openid: caller.openid })
  if (verdict === 'risky') throw new AppError('CONTENT_REJECTED', QUESTION_REJECTED)
  const k = await knowledge()
  const q = queryTerms(segmenters, input.question)
  const now = ctx.now()
  const asOf = cstDateOf(now)
  // a policy no longer (or not yet) in force ranks below the ones that are
  const refs = rank(k.bm25, q, 6, (kind, id) =>
    kind === 'policy' && POLICIES.has(id) && inForce(POLICIES.get(id)!, asOf) !== 'inForce' ? 0.6 : 1,
  )
  const confidence = confidenceOf(refs)
  let answers =
    confidence >= HANDOFF_BELOW
      ? composeAnswers({
          refs,
          policies: POLICIES,
          faqs: k.faqs,
          facts: await callerFacts(caller),
          asOf,
          sections: q.sections,
        })
      : []
  const handoff = answers.length === 0
  if (handoff) answers = [{ text: HANDOFF_TEXT, citations: [] }]
  const hash = openidHash(caller.openid)
  const askId = askIdOf(hash, now, input.requestId)
  await insertAsk({
    _id: askId,
    openidHash: hash,
    question: maskText(input.question),
    key: questionKey(q),
    citations: answers.flatMap((a) => a.citations.map((c) => ({ kind: c.kind, id: c.id }))),
    confidence: handoff ? Math.min(confidence, HANDOFF_BELOW) : confidence,
    handoff,
    helpful: null,
    gap: handoff,
    gapReason: handoff ? 'handoff' : null,
    resolved: false,
    resolvedByFaq: null,
    unchecked: verdict === 'unavailable',
    at: toIsoCst(now),
    atMs: now.getTime(),
  })
  return { askId, answers, confidence: handoff ? Math.min(confidence, HANDOFF_BELOW) : confidence, handoff }
}
