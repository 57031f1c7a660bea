/** user function client: sign-in, real-name binding, 我的资料 (job-seeking profile) and 我的简历. */
import type { ActionInput } from './cloud'
import { callAction } from './cloud'

export type { BindResult, LoginResult, ProfileView, ResumeView } from '@shared/user/views'
export type ProfilePatch = ActionInput<'user', 'updateProfile'>
export type ResumePatch = ActionInput<'user', 'updateResume'>

export const login = () => callAction('user', 'login', {})
export const fetchProfile = () => callAction('user', 'getProfile', {})
export const saveProfile = (patch: ProfilePatch) => callAction('user', 'updateProfile', patch)
export const bindResident = (name: string, idNumber: string) => callAction('user', 'bindResident', { name, idNumber })
export const fetchResume = () => callAction('user', 'resume', {})
export const saveResume = (patch: ResumePatch) => callAction('user', 'updateResume', patch)
export const fetchDistricts = (cityCode: string) => callAction('user', 'districts', { cityCode })
