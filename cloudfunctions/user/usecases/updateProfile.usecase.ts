/** updateProfile: the caller's own preferences; a bound person's facts are marked for policy re-evaluation. */
import type { InputOf } from '../../../shared/actions/define'
import type { userActions } from '../../../shared/actions/user'
import { requireCaller, type ActionContext } from '../../_core/function'
import { markPersonFactsChanged } from '../../_core/personEvents'
import { findUser, saveProfile } from '../repositories/user.repository'
import { profileView, type ProfileView } from '../helpers/profileView'
import { toIsoCst } from '../../../shared/calendar/chinaTime'

export async function updateProfile(input: InputOf<typeof userActions, 'updateProfile'>, ctx: ActionContext): Promise<ProfileView> {
  const caller = requireCaller(ctx)
  const patch: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(input)) if (v !== undefined) patch[k] = v
  const profile = { ...(caller.user.profile ?? {}), ...patch }
  const at = toIsoCst(ctx.now())
  await saveProfile(caller.openid, profile, at)
  if (caller.user.personId && Object.keys(patch).some((k) => k !== 'nickname' && k !== 'largeFont')) {
    await markPersonFactsChanged(caller.user.personId, ctx.now())
  }
  const fresh = await findUser(caller.openid)
  return profileView(fresh ? { ...fresh, roles: caller.roles } : { ...caller.user, profile, updatedAt: at })
}
