/**
 * 我的数据 → 导出: everything the service holds about the caller, as JSON. The person's own ID and phone numbers
 * are the one place they appear unmasked for a resident (docs/contract.md); every export is audited.
 */
import { audit } from '../../_core/audit'
import { requireCaller, type ActionContext } from '../../_core/function'
import { revealPersonIdentifiers, revealPhone } from '../../_core/pii'
import { docById, docsWhere } from '../repositories/privacy.repository'
import { toIsoCst } from '../../../shared/calendar/chinaTime'

const strip = (d: Record<string, unknown>): Record<string, unknown> => {
  const { idHash: _h, phoneHash: _p, idNumberEnc: _ie, phoneEnc: _pe, contactPhoneEnc: cpe, ...rest } = d
  return cpe ? { ...rest, contactPhone: revealPhone(cpe, rest.contactPhone) } : rest
}

export async function exportMyData(_input: unknown, ctx: ActionContext) {
  const caller = requireCaller(ctx)
  const openid = caller.openid
  const personId = caller.user.personId ?? null
  const person = personId ? await docById('persons', personId) : null
  const [applications, favorites, signups, records, feedback, messages, consents, matches] = await Promise.all([
    docsWhere('applications', 'openid', openid),
    docsWhere('favorites', 'openid', openid),
    docsWhere('training_signups', 'openid', openid),
    docsWhere('training_records', 'openid', openid),
    docsWhere('feedback', 'openid', openid),
    docsWhere('messages', 'openid', openid),
    docsWhere('consent_grants', 'openid', openid),
    personId ? docsWhere('policy_matches', 'personId', personId) : Promise.resolve([]),
  ])
  const visits = personId ? await docsWhere('visits', 'personId', personId) : []
  await audit(ctx, {
    event: 'privacy.exportMyData',
    targetType: 'user',
    targetId: openid,
    outcome: 'ok',
    detail: { personBound: !!person },
  })
  return {
    exportedAt: toIsoCst(ctx.now()),
    format: 'zhijiu-export/1',
    account: { openid, roles: caller.user.roles, profile: caller.user.profile ?? {}, createdAt: caller.user.createdAt },
    person: person ? { ...strip(person), ...revealPersonIdentifiers(person) } : null,
    applications: applications.map(strip),
    favorites,
    trainingSignups: signups,
    trainingRecords: records,
    feedback: feedback.map(strip),
    messages,
    subscriptionConsents: consents,
    policyMatches: matches,
    visits: visits.map((v) => ({
      visitedAt: v.visitedAt,
      outcome: v.outcome,
      needs: v.needs,
      referrals: v.referrals,
      byStaff: true,
    })),
  }
}
