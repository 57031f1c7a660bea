/**
 * Assistant seed: the FAQ staff start from (shared/assistant/faqSeed.ts) in `assistant_faqs`, maintained in
 * the app afterwards (assistant.upsertFaq). No questions are seeded: the log holds only what people asked.
 */
import { toIsoCst } from '../../shared/calendar/chinaTime'
import { FAQ_SEED } from '../../shared/assistant/faqSeed'
import type { ModuleSeed } from './types'

const assistantSeed: ModuleSeed = async (writer, options) => {
  const at = options.now.getTime() - 7 * 86_400_000
  await writer.insertMany(
    'assistant_faqs',
    FAQ_SEED.map((f, i) => ({
      _id: f.id,
      question: f.question,
      answer: f.answer,
      keywords: [...f.keywords],
      ref: f.ref ?? null,
      active: true,
      updatedBy: null,
      updatedAt: toIsoCst(at + i * 1000),
      updatedAtMs: at + i * 1000,
      createdAt: toIsoCst(at + i * 1000),
    })),
  )
}

export default assistantSeed
