/**
 * updateProfile: the caller's own job-seeking profile and preferences (merged field by field).
 * Checks the schema cannot make (region codes exist in the GB/T 2260 table, the job-seeking date is not in
 * the future by the server's clock) run before anything is written. A change of a field that matters to
 * policy matches or recommendations marks the bound person's facts as changed, so the rematch path re-runs.
 */
import type { InputOf } from '../../../shared/actions/define'
import type { userActions } from '../../../shared/actions/user'
import { AppError } from '../../../shared/errors'
import { chinaDate, COSMETIC_PROFILE_FIELDS } from '../../../shared/user/profile'
import { requireCaller, type ActionContext } from '../../_core/function'
import { markPersonFactsChanged } from '../../_core/personEvents'
import { missingRegions } from '../repositories/reference.repository'
import { findUser, saveProfile } from '../repositories/user.repository'
import { profileView, type ProfileView } from '../helpers/profileView'
import { toIsoCst } from '../../../shared/calendar/chinaTime'

export async function updateProfile(
  input: InputOf<typeof userActions, 'updateProfile'>,
  ctx: ActionContext,
): Promise<ProfileView> {
  const caller = requireCaller(ctx)
  const now = ctx.now()
  if (input.seekingSince && input.seekingSince > chinaDate(now.getTime())) {
    throw new AppError('VALIDATION_FAILED', '开始找工作的日期不能晚于今天')
  }
  const regions = [...new Set([...(input.desiredCities ?? []), ...(input.regionCode ? [input.regionCode] : [])])]
  const missing = await missingRegions(regions)
  if (missing.length)
    throw new AppError('VALIDATION_FAILED', `未知的地区代码：${missing.slice(0, 3).join('、')}，请从地区列表中选择`)

  const patch: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(input)) if (v !== undefined) patch[k] = v
  const profile = { ...(caller.user.profile ?? {}), ...patch }
  const at = toIsoCst(now)
  await saveProfile(caller.openid, profile, at)
  if (caller.user.personId && Object.keys(patch).some((k) => !COSMETIC_PROFILE_FIELDS.includes(k))) {
    await markPersonFactsChanged(caller.user.personId, now)
  }
  const fresh = await findUser(caller.openid)
  return profileView(fresh ? { ...fresh, roles: caller.roles } : { ...caller.user, profile, updatedAt: at })
}
