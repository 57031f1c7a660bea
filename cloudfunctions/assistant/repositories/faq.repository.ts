/** The FAQ (`assistant_faqs`) that staff maintain; merged into the passage index at query time. */
import { db } from '../../_core/app'

export interface FaqDoc {
  _id: string
  question: string
  answer: string
  keywords: string[]
  ref: { kind: 'policy' | 'guide'; id: string } | null
  active: boolean
  updatedBy: string | null
  updatedAt: string
  updatedAtMs: number
  createdAt: string
}

export async function activeFaqs(): Promise<FaqDoc[]> {
  const res = await db()
    .collection('assistant_faqs')
    .where({ active: true })
    .orderBy('updatedAtMs', 'desc')
    .limit(1000)
    .get()
  return (res.data ?? []) as FaqDoc[]
}

/** A page of FAQ entries by id, after the cursor id. */
export async function pageFaqs(afterId: string | null, limit: number, includeInactive: boolean): Promise<FaqDoc[]> {
  const _ = db().command
  const where: Record<string, unknown> = {}
  if (!includeInactive) where.active = true
  if (afterId) where._id = _.gt(afterId)
  const res = await db().collection('assistant_faqs').where(where).orderBy('_id', 'asc').limit(limit).get()
  return (res.data ?? []) as FaqDoc[]
}

export async function findFaq(id: string): Promise<FaqDoc | null> {
  const res = await db().collection('assistant_faqs').doc(id).get()
  return ((res.data as FaqDoc[] | undefined) ?? [])[0] ?? null
}

export async function saveFaq(doc: FaqDoc): Promise<void> {
  const { _id, ...rest } = doc
  await db().collection('assistant_faqs').doc(_id).set(rest)
}
