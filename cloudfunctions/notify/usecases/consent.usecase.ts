/**
 * recordConsent / myConsents: our per-person, per-template consent balance.
 * The mini-program calls wx.requestSubscribeMessage from a tap and reports what the user chose: every
 * accepted one-time template adds one grant (grants accumulate, one message each); a long-term template is
 * switched on by accepting and off by rejecting. A repeated requestId gives the first answer again.
 */
import { randomBytes } from 'node:crypto'
import type { InputOf } from '../../../shared/actions/define'
import type { notifyActions } from '../../../shared/actions/notify'
import { TEMPLATE_LIST, templateById } from '../../../shared/notify/templates'
import type { ConsentItem } from '../../../shared/notify/types'
import { requireCaller, type ActionContext } from '../../_core/function'
import { once } from '../../_core/idempotency'
import {
  addGrants,
  consentIdOf,
  countAvailableByTemplate,
  findConsents,
  saveConsent,
  type ConsentDoc,
  type GrantDoc,
} from '../repositories/consent.repository'
import { toIsoCst } from '../../../shared/calendar/chinaTime'

export async function myConsents(_input: unknown, ctx: ActionContext): Promise<{ items: ConsentItem[] }> {
  const caller = requireCaller(ctx)
  return { items: await consentItems(caller.openid) }
}

async function consentItems(openid: string): Promise<ConsentItem[]> {
  const [consents, available] = await Promise.all([findConsents(openid), countAvailableByTemplate(openid)])
  const docs = new Map(consents.map((d) => [d.templateId, d]))
  return TEMPLATE_LIST.map((t) => {
    const c = docs.get(t.id)
    const longTermOn = t.kind === 'longTerm' && !!c?.longTerm
    const remaining = t.kind === 'longTerm' ? (longTermOn ? 1 : 0) : (available.get(t.id) ?? 0)
    return {
      templateId: t.id,
      templateKey: t.key,
      title: t.title,
      group: t.group,
      kind: t.kind,
      remaining,
      longTermOn,
      lastAcceptedAt: c?.lastAcceptedAt ?? null,
      lastRejectedAt: c?.lastRejectedAt ?? null,
    }
  })
}

export async function recordConsent(
  input: InputOf<typeof notifyActions, 'recordConsent'>,
  ctx: ActionContext,
): Promise<{ items: ConsentItem[] }> {
  const caller = requireCaller(ctx)
  const work = async () => {
    const now = ctx.now()
    const nowMs = now.getTime()
    const at = toIsoCst(now)
    const accepted = [...new Set(input.accepted)]
    const rejected = [...new Set(input.rejected)].filter((id) => !accepted.includes(id))
    const existing = new Map((await findConsents(caller.openid)).map((d) => [d.templateId, d]))
    const grants: GrantDoc[] = []
    const base = (templateId: string): ConsentDoc =>
      existing.get(templateId) ?? {
        _id: consentIdOf(caller.openid, templateId),
        openid: caller.openid,
        templateId,
        longTerm: false,
        acceptedCount: 0,
        rejectedCount: 0,
        lastAcceptedAt: null,
        lastRejectedAt: null,
        updatedAtMs: nowMs,
      }
    for (const id of accepted) {
      const t = templateById(id)
      if (!t) continue
      const c = base(id)
      await saveConsent({
        ...c,
        longTerm: t.kind === 'longTerm' ? true : c.longTerm,
        acceptedCount: c.acceptedCount + 1,
        lastAcceptedAt: at,
        updatedAtMs: nowMs,
      })
      if (t.kind === 'oneTime') {
        grants.push({
          _id: `g${randomBytes(9).toString('base64url')}`,
          openid: caller.openid,
          templateId: id,
          state: 'available',
          spentBy: null,
          grantedAtMs: nowMs,
          spentAtMs: null,
        })
      }
    }
    for (const id of rejected) {
      const c = base(id)
      await saveConsent({
        ...c,
        longTerm: false,
        rejectedCount: c.rejectedCount + 1,
        lastRejectedAt: at,
        updatedAtMs: nowMs,
      })
    }
    await addGrants(grants)
    return { items: await consentItems(caller.openid) }
  }
  return input.requestId ? once(ctx, input.requestId, work) : work()
}
