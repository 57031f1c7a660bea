/** The user cloud function: thin edge over the user use cases (see cloudfunctions/_core/function.ts). */
import { createFunction, type Answering } from '../_core/function'
import type { UserActionOutputs } from '../../shared/user/views'
import { userActions } from '../../shared/actions/user'
import { getProfile, login } from './usecases/getProfile.usecase'
import { updateProfile } from './usecases/updateProfile.usecase'
import { bindResident } from './usecases/bindResident.usecase'
import { setRoles } from './usecases/setRoles.usecase'
import { unbindResident } from './usecases/unbindResident.usecase'
import { getResume, updateResume } from './usecases/resume.usecase'
import { getRoles } from './usecases/getRoles.usecase'
import { districts } from './usecases/districts.usecase'

export const main = createFunction(userActions, {
  login: (_input, ctx) => login(ctx),
  getProfile: (_input, ctx) => getProfile(ctx),
  updateProfile,
  bindResident,
  setRoles,
  resume: (_input, ctx) => getResume(ctx),
  updateResume,
  unbindResident,
  getRoles,
  districts,
} satisfies Answering<typeof userActions, UserActionOutputs>)
