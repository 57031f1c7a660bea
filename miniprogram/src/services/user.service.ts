/** user function client: sign-in, real-name binding, 我的资料 (job-seeking profile) and 我的简历. */
import type { Role } from '@shared/actions/define'
import type { ActionInput } from './cloud'
import type { BindResult, ProfileView, ResumeView } from '@shared/user/views'
import { callAction } from './cloud'

export type { BindResult, ProfileView, ResumeView }

/** `user.login` / `getProfile` / `updateProfile`: the profile view, with roles typed. */
export type LoginResult = Omit<ProfileView, 'roles'> & { roles: Role[] }
export type ProfilePatch = ActionInput<'user', 'updateProfile'>
export type ResumePatch = ActionInput<'user', 'updateResume'>

declare module './actionOutputs' {
  interface ActionOutputs {
    'user.login': LoginResult
    'user.getProfile': LoginResult
    'user.updateProfile': LoginResult
    'user.bindResident': BindResult
    'user.resume': ResumeView
    'user.updateResume': ResumeView
    'user.districts': { cityCode: string; items: { code: string; name: string }[] }
  }
}

export const login = () => callAction('user', 'login', {})
export const fetchProfile = () => callAction('user', 'getProfile', {})
export const saveProfile = (patch: ProfilePatch) => callAction('user', 'updateProfile', patch)
export const bindResident = (name: string, idNumber: string) => callAction('user', 'bindResident', { name, idNumber })
export const fetchResume = () => callAction('user', 'resume', {})
export const saveResume = (patch: ResumePatch) => callAction('user', 'updateResume', patch)
export const fetchDistricts = (cityCode: string) => callAction('user', 'districts', { cityCode })
