import type { ActionContext } from '../../_core/function'
import { decodeCursor, encodeCursor, pageSizeOf } from '../../_core/paging'
import type { PolicyCategory } from '../../../shared/policies/types'
import { POLICY_CATEGORY_LABELS } from '../../../shared/policies/types'
import { allPolicies } from '../repositories/policy.repository'
import { listItem } from '../helpers/policyView'
import { cstDateOf } from '../../../shared/calendar/chinaTime'

const CATEGORY_ORDER = Object.keys(POLICY_CATEGORY_LABELS)
const FORCE_ORDER = { inForce: 0, notYet: 1, expired: 2 } as const

/** The library is small, so it is filtered and ordered in memory; the cursor is a position. */
export async function listPolicies(
  input: { category?: PolicyCategory; keyword?: string; cursor?: string; pageSize?: number },
  ctx: ActionContext,
) {
  const today = cstDateOf(ctx.now())
  const at = decodeCursor(
    input.cursor,
    (v): v is { i: number } =>
      typeof v === 'object' && v !== null && Number.isInteger((v as { i: number }).i) && (v as { i: number }).i >= 0,
  )
  const kw = input.keyword?.trim()
  const items = (await allPolicies())
    .filter((p) => !input.category || p.category === input.category)
    .filter((p) => !kw || [p.title, p.summary, p.audience].some((s) => s.includes(kw)))
    .map((p) => listItem(p, today))
    .sort(
      (a, b) =>
        FORCE_ORDER[a.inForce] - FORCE_ORDER[b.inForce] ||
        CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category) ||
        a.id.localeCompare(b.id),
    )
  const from = at?.i ?? 0
  const size = pageSizeOf(input.pageSize)
  const page = items.slice(from, from + size)
  return { items: page, nextCursor: from + size < items.length ? encodeCursor({ i: from + size }) : null }
}
