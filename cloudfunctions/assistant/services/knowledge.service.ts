/**
 * The knowledge the assistant answers from: the passage index built at build time (data/passageIndex.json,
 * bundled) plus the FAQ entries staff maintain, merged at query time. The merged index is kept per warm
 * instance for 30 seconds (an upsertFaq on this instance drops it at once).
 * If the tokenizer that runs here is not the one the file was built with (jieba missing), the static passages
 * are re-tokenized once at cold start so questions and passages are cut the same way.
 */
import indexData from '../data/passageIndex.json'
import { staticPassages } from '../../../shared/assistant/knowledge'
import { faqPassage } from '../../../shared/assistant/passages'
import { Bm25, indexPassage, type IndexedPassage, type PassageIndexData } from '../../../shared/assistant/retrieval'
import { segmentForSearch, segmentWords, tagWords, tokenizerEngine } from '../../job/tokenizer'
import { activeFaqs, type FaqDoc } from '../repositories/faq.repository'

const TTL_MS = 30_000

let staticIndex: IndexedPassage[] | null = null
let merged: { bm25: Bm25; faqs: Map<string, FaqDoc>; at: number } | null = null

function staticOnes(): IndexedPassage[] {
  if (staticIndex) return staticIndex
  const data = indexData as unknown as PassageIndexData & { engine: string }
  staticIndex =
    data.engine === tokenizerEngine() ? data.passages : staticPassages().map((p) => indexPassage(segmentForSearch, p))
  return staticIndex
}

export interface Knowledge {
  bm25: Bm25
  faqs: Map<string, FaqDoc>
}

export async function knowledge(): Promise<Knowledge> {
  const t = Date.now()
  if (merged && t - merged.at < TTL_MS) return merged
  const faqs = await activeFaqs()
  const faqPassages = faqs.map((f) =>
    indexPassage(
      segmentForSearch,
      faqPassage({
        id: f._id,
        question: f.question,
        answer: `${f.answer} ${f.keywords.join(' ')}`,
        keywords: f.keywords,
      }),
    ),
  )
  merged = { bm25: new Bm25([...staticOnes(), ...faqPassages]), faqs: new Map(faqs.map((f) => [f._id, f])), at: t }
  return merged
}

export function forgetKnowledge(): void {
  merged = null
}

/**
 * Parts of speech that carry no topic in a spoken question: pronouns (每个, 哪儿), numerals and measure words,
 * adverbs, prepositions, conjunctions, particles, interjections, time and place words, and what the HMM made
 * up (x: 能领, 员来). The rest (nouns, verbs, adjectives, idioms, abbreviations) are the words coverage counts.
 */
const FILLER_TAG = /^(r|m|mq|q|d|p|c|u|ug|uj|ul|uv|uz|ud|y|e|o|x|t|tg|f|s|zg|k|h)$/

function topicWords(text: string): string[] {
  const tagged = tagWords(text)
  if (!tagged) return segmentWords(text)
  return tagged.filter((t) => !FILLER_TAG.test(t.tag)).map((t) => t.word)
}

/** The segmenters questions are cut with (the same jieba setup as `job`). */
export const segmenters = { words: topicWords, fine: segmentForSearch }
