/** login / getProfile: the caller's own profile (the wrapper has already created the user on first call). */
import { requireCaller, type ActionContext } from '../../_core/function'
import { profileView, type ProfileView } from '../helpers/profileView'

export async function getProfile(ctx: ActionContext): Promise<ProfileView> {
  return profileView(requireCaller(ctx).user)
}

export const login = getProfile
