/**
 * The question log (`assistant_asks`): what was asked (masked), what was cited, how sure the answer was,
 * and the rating. The asker is kept only as the openid's hash (no openid, no name, no number in clear).
 */
import { db } from '../../_core/app'
import { insertOnce } from '../../_core/insertOnce'

export type GapReason = 'handoff' | 'unhelpful'

export interface AskDoc {
  _id: string
  openidHash: string
  /** The question with ID and phone numbers masked. */
  question: string
  /** Grouping key of similar questions. */
  key: string
  citations: { kind: string; id: string }[]
  confidence: number
  handoff: boolean
  helpful: boolean | null
  gap: boolean
  gapReason: GapReason | null
  resolved: boolean
  resolvedByFaq?: string | null
  /** The content check could not be made (the question is kept out of the gaps list). */
  unchecked: boolean
  at: string
  atMs: number
}

/** Inserts the entry; false when one with that id is there already (a repeated requestId). */
export async function insertAsk(doc: AskDoc): Promise<boolean> {
  return insertOnce('assistant_asks', doc)
}

export async function findAsk(id: string): Promise<AskDoc | null> {
  const res = await db().collection('assistant_asks').doc(id).get()
  return ((res.data as AskDoc[] | undefined) ?? [])[0] ?? null
}

export async function rateAsk(id: string, helpful: boolean, gap: boolean, gapReason: GapReason | null): Promise<void> {
  await db().collection('assistant_asks').doc(id).update({ helpful, gap, gapReason })
}

/** Open gaps, newest first (at most `limit`). */
export async function openGaps(limit: number, reason?: GapReason): Promise<AskDoc[]> {
  const where: Record<string, unknown> = { gap: true, resolved: false, unchecked: false }
  if (reason) where.gapReason = reason
  const res = await db().collection('assistant_asks').where(where).orderBy('atMs', 'desc').limit(limit).get()
  return (res.data ?? []) as AskDoc[]
}

/** 「加入知识库」: every open gap of that group is answered by the FAQ entry. Returns how many. */
export async function resolveGapGroup(key: string, faqId: string): Promise<number> {
  const res = await db()
    .collection('assistant_asks')
    .where({ gap: true, resolved: false, key })
    .update({ resolved: true, resolvedByFaq: faqId })
  return Number(res.updated ?? 0)
}
