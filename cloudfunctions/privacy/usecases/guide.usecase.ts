/** The privacy guide, and the caller's consent to its current version. */
import { PRIVACY_GUIDE, PRIVACY_GUIDE_VERSION } from '../../../shared/privacy/guide'
import { AppError } from '../../../shared/errors'
import { audit } from '../../_core/audit'
import { requireCaller, type ActionContext } from '../../_core/function'
import { setUserFields } from '../repositories/privacy.repository'
import { toIsoCst } from '../../../shared/calendar/chinaTime'

export const guide = async () => PRIVACY_GUIDE

interface ConsentRecord {
  version: string
  at: string
}

export async function status(_input: unknown, ctx: ActionContext) {
  const caller = requireCaller(ctx)
  const consent = (caller.user as unknown as { privacyConsent?: ConsentRecord }).privacyConsent ?? null
  return {
    currentVersion: PRIVACY_GUIDE_VERSION,
    consentedVersion: consent?.version ?? null,
    consentedAt: consent?.at ?? null,
    needsConsent: consent?.version !== PRIVACY_GUIDE_VERSION,
  }
}

export async function consent(input: { version: string }, ctx: ActionContext) {
  const caller = requireCaller(ctx)
  if (input.version !== PRIVACY_GUIDE_VERSION)
    throw new AppError('CONFLICT', '隐私保护指引已更新，请阅读最新版本后再同意')
  const at = toIsoCst(ctx.now())
  await setUserFields(caller.openid, { privacyConsent: { version: input.version, at } })
  await audit(ctx, {
    event: 'privacy.consent',
    targetType: 'user',
    targetId: caller.openid,
    outcome: 'ok',
    detail: { version: input.version },
  })
  return { version: input.version, consentedAt: at }
}
