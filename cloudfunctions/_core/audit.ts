/** The audit log (`audit_logs`): sensitive reads and every staff write. Details are masked before storage. */
import { maskText } from '../../shared/mask'
import { db } from './app'
import type { ActionContext } from './function'
import { toIsoCst } from '../../shared/calendar/chinaTime'

export interface AuditEntry {
  /** e.g. 'outreach.revealContact', 'user.bindResident.attempt' */
  event: string
  targetType?: string
  targetId?: string
  /** A resident on whose behalf staff acted. */
  onBehalfOf?: string
  outcome?: 'ok' | 'denied' | 'failed'
  detail?: Record<string, unknown>
}

export async function audit(
  ctx: Pick<ActionContext, 'caller' | 'now' | 'fn' | 'action' | 'requestId'>,
  entry: AuditEntry,
): Promise<void> {
  const detail = entry.detail ? JSON.parse(maskText(JSON.stringify(entry.detail))) : undefined
  await db()
    .collection('audit_logs')
    .add({
      ...entry,
      detail,
      actor: ctx.caller?.openid ?? null,
      actorRoles: ctx.caller?.roles ?? [],
      fnAction: `${ctx.fn}.${ctx.action}`,
      requestId: ctx.requestId,
      at: toIsoCst(ctx.now()),
      atMs: ctx.now().getTime(),
    })
}
