/** Outbox administration (admins): see the outbox by state, re-queue dead letters, dispatch now. */
import type { InputOf } from '../../../shared/actions/define'
import { OUTBOX_STATES, REQUEUEABLE_STATES, type notifyActions, type OutboxState } from '../../../shared/actions/notify'
import type { Page } from '../../../shared/actions/common'
import { AppError } from '../../../shared/errors'
import { maskText } from '../../../shared/mask'
import { audit } from '../../_core/audit'
import type { ActionContext } from '../../_core/function'
import { decodeCursor, encodeCursor, pageSizeOf } from '../../_core/paging'
import {
  countByStates,
  findByKeys,
  findInState,
  listByState,
  requeue as requeueRepo,
  type OutboxDoc,
} from '../repositories/outbox.repository'
import { dispatchOutbox } from '../helpers/dispatcher'
import { toIsoCst } from '../../../shared/calendar/chinaTime'
import type { DispatchStats, OutboxItem } from '../../../shared/notify/types'

const maskOpenid = (o: string | null) => (o ? (o.length > 8 ? `${o.slice(0, 4)}***${o.slice(-4)}` : '***') : null)

const view = (d: OutboxDoc): OutboxItem => ({
  key: d._id,
  state: d.state,
  template: d.template,
  openid: maskOpenid(d.openid),
  personId: d.personId,
  title: maskText(d.title),
  attempts: d.attempts ?? 0,
  reason: d.reason ?? null,
  lastError: d.lastError ?? null,
  fallback: d.fallback?.kind ?? null,
  fallbackDone: !!d.fallbackDone,
  source: d.source,
  createdAt: d.createdAt,
  stateChangedAt: toIsoCst(d.stateChangedAtMs ?? d.createdAtMs),
  sentAt: d.sentAt ?? null,
})

type After = { ms: number; id: string }
const isAfter = (v: unknown): v is After =>
  !!v && typeof v === 'object' && typeof (v as After).ms === 'number' && typeof (v as After).id === 'string'

export async function outbox(
  input: InputOf<typeof notifyActions, 'outbox'>,
  _ctx: ActionContext,
): Promise<Page<OutboxItem>> {
  const after = decodeCursor(input.cursor, isAfter)
  const size = pageSizeOf(input.pageSize)
  const list = await listByState(input.state, after, size)
  const page = list.slice(0, size)
  const last = page[page.length - 1]
  return {
    items: page.map(view),
    nextCursor: list.length > size && last ? encodeCursor({ ms: last.createdAtMs, id: last._id }) : null,
  }
}

export async function outboxStats(
  _input: unknown,
  _ctx: ActionContext,
): Promise<{ counts: Record<OutboxState, number> }> {
  const counts = await countByStates(OUTBOX_STATES)
  return {
    counts: Object.fromEntries(OUTBOX_STATES.map((s) => [s, counts.get(s) ?? 0])) as Record<OutboxState, number>,
  }
}

export async function requeue(
  input: InputOf<typeof notifyActions, 'requeue'>,
  ctx: ActionContext,
): Promise<{ requeued: number; keys: string[] }> {
  if (!input.keys && !input.state)
    throw new AppError('VALIDATION_FAILED', '请指定要重新排队的消息（keys）或状态（state）')
  const docs = input.keys ? await findByKeys(input.keys) : await findInState(input.state!, 500)
  const eligible = docs.filter((d) => (REQUEUEABLE_STATES as readonly string[]).includes(d.state))
  if (input.keys && eligible.length === 0) {
    throw new AppError(
      docs.length ? 'CONFLICT' : 'NOT_FOUND',
      docs.length ? '只有死信、结果不明或已跳过的消息可以重新排队' : '没有找到这些消息',
    )
  }
  const ids = eligible.map((d) => d._id)
  const requeued = await requeueRepo(ids, REQUEUEABLE_STATES, ctx.now().getTime())
  await audit(ctx, {
    event: 'notify.requeue',
    targetType: 'outbox',
    outcome: 'ok',
    detail: { count: requeued, keys: ids.slice(0, 20) },
  })
  return { requeued, keys: ids }
}

export async function dispatchNow(
  input: InputOf<typeof notifyActions, 'dispatchNow'>,
  ctx: ActionContext,
): Promise<DispatchStats> {
  const stats = await dispatchOutbox({
    now: ctx.now,
    log: ctx.log,
    maxMessages: input.max ?? 1000,
    timeBudgetMs: 8_000,
  })
  await audit(ctx, {
    event: 'notify.dispatchNow',
    targetType: 'outbox',
    outcome: 'ok',
    detail: { sent: stats.sent, claimed: stats.claimed },
  })
  return stats
}

export async function dispatchTrigger(ctx: { now: () => Date; log: ActionContext['log'] }): Promise<DispatchStats> {
  return dispatchOutbox({ now: ctx.now, log: ctx.log })
}
