/**
 * Timer trigger `rekey`: walks the persons in `_id` order and re-seals every identifier that is still plaintext
 * (a record from before encryption at rest) or sealed with an older key (after a rotation: set the new key as
 * ZJ_PII_KEY_ID and keep the old one in ZJ_PII_KEYS until the job reports done). Checkpointed, so a crashed or
 * timed-out run resumes where it stopped; a finished pass starts over on the next run.
 */
import type { TriggerContext } from '../../_core/function'
import { needsRekey, protectIdentifiers, revealPersonIdentifiers } from '../../_core/pii'
import { getCheckpoint, personsAfter, saveCheckpoint, updatePerson } from '../repositories/rekey.repository'
import { toIsoCst } from '../../../shared/calendar/chinaTime'

const PAGE = 200
const BUDGET_MS = 20_000

export async function rekey(ctx: TriggerContext, budgetMs = BUDGET_MS) {
  const started = Date.now()
  const prev = await getCheckpoint()
  const cp =
    prev && !prev.finishedAt
      ? { ...prev }
      : { _id: 'rekey' as const, lastId: '', resealed: 0, scanned: 0, finishedAt: null }
  for (;;) {
    const page = await personsAfter(cp.lastId, PAGE)
    for (const p of page) {
      if (needsRekey(p)) {
        const { idNumber, phone } = revealPersonIdentifiers(p)
        if (idNumber && phone) {
          await updatePerson(String(p._id), protectIdentifiers(idNumber, phone))
          cp.resealed++
        }
      }
      cp.scanned++
      cp.lastId = String(p._id)
    }
    const done = page.length < PAGE
    if (done) cp.finishedAt = toIsoCst(ctx.now())
    await saveCheckpoint(cp)
    if (done || Date.now() - started > budgetMs) break
  }
  return { scanned: cp.scanned, resealed: cp.resealed, done: !!cp.finishedAt, lastId: cp.lastId }
}
