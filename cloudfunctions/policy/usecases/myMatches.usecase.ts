import type { ActionContext } from '../../_core/function'
import { requireCaller } from '../../_core/function'
import { decodeCursor, encodeCursor, pageSizeOf } from '../../_core/paging'
import { countClaimedOfPerson, matchesOfPerson } from '../repositories/match.repository'

type Cur = { ms: number; id: string }
const isCur = (v: unknown): v is Cur =>
  typeof v === 'object' && v !== null && typeof (v as Cur).ms === 'number' && typeof (v as Cur).id === 'string'

/**
 * The policies the batch found for the caller's bound person record, newest first. `excludeClaimed`: only the ones
 * still to claim, paged over those (a first page of claimed ones would otherwise look like "all claimed"), and the
 * first page says how many are claimed.
 */
export async function myMatches(
  input: { cursor?: string; pageSize?: number; excludeClaimed?: boolean },
  ctx: ActionContext,
) {
  const caller = requireCaller(ctx)
  const after = decodeCursor(input.cursor, isCur)
  const personId = caller.user.personId
  if (!personId) return { items: [], nextCursor: null, bound: false, claimedCount: null }
  const size = pageSizeOf(input.pageSize)
  const excludeClaimed = input.excludeClaimed === true
  const [docs, claimedCount] = await Promise.all([
    matchesOfPerson(personId, after, size + 1, { excludeClaimed }),
    excludeClaimed && !after ? countClaimedOfPerson(personId) : Promise.resolve(null),
  ])
  const page = docs.slice(0, size)
  const last = page[page.length - 1]
  return {
    items: page.map((m) => ({
      policyId: m.policyId,
      version: m.version,
      title: m.title,
      status: m.status,
      channel: m.channel,
      matchedAt: m.matchedAt,
      claimed: m.claimed === true,
    })),
    nextCursor: docs.length > size && last ? encodeCursor({ ms: last.matchedAtMs, id: last._id }) : null,
    bound: true,
    claimedCount,
  }
}
