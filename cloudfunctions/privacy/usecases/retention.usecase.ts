/** Timer trigger `retention` (daily): applies the retention rules of the privacy guide (shared/privacy/guide.ts). */
import { AUDIT_MIN_RETENTION_DAYS, RETENTION_DAYS } from '../../../shared/privacy/guide'
import type { TriggerContext } from '../../_core/function'
import { deleteOlderThan } from '../repositories/privacy.repository'

const DAY = 86400_000

export async function applyRetention(ctx: TriggerContext) {
  const now = ctx.now().getTime()
  const auditDays = Math.max(AUDIT_MIN_RETENTION_DAYS, RETENTION_DAYS.auditLogs)
  return {
    auditLogs: await deleteOlderThan('audit_logs', 'atMs', now - auditDays * DAY),
    idempotency: await deleteOlderThan('idempotency', 'createdAtMs', now - RETENTION_DAYS.idempotency * DAY),
    rateLimits: await deleteOlderThan('rate_limits', 'expireAt', new Date(now - RETENTION_DAYS.rateLimits * DAY)),
    dispatchAttempts: await deleteOlderThan('dispatch_attempts', 'atMs', now - RETENTION_DAYS.dispatchAttempts * DAY),
    messages: await deleteOlderThan('messages', 'createdAtMs', now - RETENTION_DAYS.messages * DAY),
  }
}
