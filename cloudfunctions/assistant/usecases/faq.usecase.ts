/**
 * upsertFaq / faqs: the FAQ staff maintain. An entry may point at the policy or guide it explains (checked to
 * exist). `fromGap` is 「加入知识库」: the gap group's open questions are marked answered by this entry.
 * Every change is audited.
 */
import { randomBytes } from 'node:crypto'
import type { InputOf } from '../../../shared/actions/define'
import type { assistantActions } from '../../../shared/actions/assistant'
import { SERVICE_GUIDES } from '../../../shared/assistant/guides'
import { AppError } from '../../../shared/errors'
import { POLICY_LIBRARY } from '../../../shared/policies/library'
import { audit } from '../../_core/audit'
import { toIsoCst } from '../../../shared/calendar/chinaTime'
import { type ActionContext, requireCaller } from '../../_core/function'
import { decodeCursor, encodeCursor, pageSizeOf } from '../../_core/paging'
import { resolveGapGroup } from '../repositories/ask.repository'
import { type FaqDoc, findFaq, pageFaqs, saveFaq } from '../repositories/faq.repository'
import { forgetKnowledge } from '../services/knowledge.service'

const refExists = (ref: { kind: 'policy' | 'guide'; id: string }) =>
  ref.kind === 'policy' ? POLICY_LIBRARY.some((p) => p.id === ref.id) : SERVICE_GUIDES.some((g) => g.id === ref.id)

export async function upsertFaq(input: InputOf<typeof assistantActions, 'upsertFaq'>, ctx: ActionContext) {
  const caller = requireCaller(ctx)
  if (input.ref && !refExists(input.ref)) {
    throw new AppError('VALIDATION_FAILED', '关联的政策或指南不存在', {
      fields: [{ path: 'ref.id', message: '关联的政策或指南不存在' }],
    })
  }
  const before = input.id ? await findFaq(input.id) : null
  if (input.id && !before) throw new AppError('NOT_FOUND', '没有找到这条常见问题')
  const now = ctx.now()
  const at = toIsoCst(now)
  const doc: FaqDoc = {
    _id: before?._id ?? `faq-${now.getTime().toString(36)}${randomBytes(3).toString('hex')}`,
    question: input.question,
    answer: input.answer,
    keywords: input.keywords ?? before?.keywords ?? [],
    ref: input.ref !== undefined ? input.ref : (before?.ref ?? null),
    active: input.active ?? before?.active ?? true,
    updatedBy: caller.openid,
    updatedAt: at,
    updatedAtMs: now.getTime(),
    createdAt: before?.createdAt ?? at,
  }
  await saveFaq(doc)
  const resolvedGaps = input.fromGap ? await resolveGapGroup(input.fromGap, doc._id) : 0
  forgetKnowledge()
  await audit(ctx, {
    event: before ? 'assistant.updateFaq' : 'assistant.createFaq',
    targetType: 'faq',
    targetId: doc._id,
    outcome: 'ok',
    detail: { question: doc.question, active: doc.active, ref: doc.ref, fromGap: input.fromGap ?? null, resolvedGaps },
  })
  return { id: doc._id, created: !before, active: doc.active, resolvedGaps, updatedAt: at }
}

const isAfter = (v: unknown): v is { id: string } =>
  typeof v === 'object' && v !== null && typeof (v as { id: unknown }).id === 'string'

export async function listFaqs(input: InputOf<typeof assistantActions, 'faqs'>, _ctx: ActionContext) {
  const size = pageSizeOf(input.pageSize)
  const after = decodeCursor(input.cursor, isAfter)
  const rows = await pageFaqs(after?.id ?? null, size + 1, input.includeInactive ?? false)
  const items = rows.slice(0, size).map((f) => ({
    id: f._id,
    question: f.question,
    answer: f.answer,
    keywords: f.keywords,
    ref: f.ref,
    active: f.active,
    updatedAt: f.updatedAt,
  }))
  return { items, nextCursor: rows.length > size ? encodeCursor({ id: rows[size - 1]._id }) : null }
}
