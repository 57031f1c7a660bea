/** Admin tools: search the audit log, block and unblock accounts. Every write is itself audited. */
import type { Page } from '../../../shared/actions/common'
import { AppError } from '../../../shared/errors'
import type { AuditEntry } from '../../../shared/privacy/views'
import { audit } from '../../_core/audit'
import { requireCaller, type ActionContext } from '../../_core/function'
import { decodeCursor, encodeCursor, pageSizeOf } from '../../_core/paging'
import { findUser } from '../../_core/users.repository'
import { holdUnpublishedFeedback, pageAudit, setUserFields, type AuditFilter } from '../repositories/privacy.repository'
import { toIsoCst } from '../../../shared/calendar/chinaTime'

const isKey = (v: unknown): v is { m: number; i: string } =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as { m: unknown }).m === 'number' &&
  typeof (v as { i: unknown }).i === 'string'

export async function auditLog(
  input: {
    actor?: string
    event?: string
    targetId?: string
    from?: string
    to?: string
    cursor?: string
    pageSize?: number
  },
  ctx: ActionContext,
): Promise<Page<AuditEntry>> {
  void ctx
  const filter: AuditFilter = {
    actor: input.actor || undefined,
    event: input.event || undefined,
    targetId: input.targetId || undefined,
    fromMs: input.from ? Date.parse(input.from) : undefined,
    toMs: input.to ? Date.parse(input.to) : undefined,
  }
  const size = pageSizeOf(input.pageSize)
  const after = decodeCursor(input.cursor, isKey)
  const rows = await pageAudit(filter, after ? { ms: after.m, id: after.i } : null, size + 1)
  const items = rows.slice(0, size).map((r) => ({
    id: r._id,
    event: r.event,
    actor: r.actor,
    actorRoles: r.actorRoles,
    targetType: r.targetType ?? null,
    targetId: r.targetId ?? null,
    onBehalfOf: r.onBehalfOf ?? null,
    outcome: r.outcome ?? null,
    detail: r.detail ?? null,
    at: r.at,
  }))
  const last = rows[size - 1]
  return {
    items,
    nextCursor: rows.length > size && last ? encodeCursor({ m: Number(last.atMs), i: String(last._id) }) : null,
  }
}

export async function block(input: { openid: string; reason: string }, ctx: ActionContext) {
  const caller = requireCaller(ctx)
  if (input.openid === caller.openid) throw new AppError('CONFLICT', '不能限制自己的账号')
  if (!(await findUser(input.openid))) throw new AppError('NOT_FOUND', '用户不存在')
  const at = toIsoCst(ctx.now())
  await setUserFields(input.openid, { blocked: true, blockedAt: at, blockedReason: input.reason })
  const held = await holdUnpublishedFeedback(input.openid, true)
  await audit(ctx, {
    event: 'privacy.block',
    targetType: 'user',
    targetId: input.openid,
    outcome: 'ok',
    detail: { reason: input.reason, heldFeedback: held },
  })
  return { openid: input.openid, blocked: true, blockedAt: at, heldFeedback: held }
}

export async function unblock(input: { openid: string }, ctx: ActionContext) {
  if (!(await findUser(input.openid))) throw new AppError('NOT_FOUND', '用户不存在')
  await setUserFields(input.openid, { blocked: false, blockedAt: null, blockedReason: null })
  await holdUnpublishedFeedback(input.openid, false)
  await audit(ctx, { event: 'privacy.unblock', targetType: 'user', targetId: input.openid, outcome: 'ok' })
  return { openid: input.openid, blocked: false }
}
