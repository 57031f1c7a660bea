/** privacy function client: the guide, consent, 我的数据 (export, correction, deletion) and my requests. */
import type { Page } from '@shared/actions/common'
import type { PRIVACY_GUIDE } from '@shared/privacy/guide'
import { callFunction } from './cloud'

export type PrivacyGuide = typeof PRIVACY_GUIDE
export interface PrivacyStatus {
  currentVersion: string
  consentedVersion: string | null
  consentedAt: string | null
  needsConsent: boolean
}
export interface PrivacyRequest {
  id: string
  kind: 'correction' | 'deletion'
  kindLabel: string
  field: string | null
  state: 'pending' | 'done' | 'rejected'
  stateLabel: string
  note: string | null
  createdAt: string
  completedAt: string | null
}

export const fetchGuide = () => callFunction<PrivacyGuide>('privacy', { action: 'guide' })
export const fetchPrivacyStatus = () => callFunction<PrivacyStatus>('privacy', { action: 'status' })
export const consentTo = (version: string) =>
  callFunction<{ version: string; consentedAt: string }>('privacy', { action: 'consent', version })
export const exportMyData = () => callFunction<Record<string, unknown>>('privacy', { action: 'exportMyData' })
export const requestCorrection = (field: string, correctValue: string, reason?: string) =>
  callFunction<PrivacyRequest>('privacy', {
    action: 'requestCorrection',
    field,
    correctValue,
    ...(reason ? { reason } : {}),
  })
export const requestDeletion = (reason?: string) =>
  callFunction<PrivacyRequest>('privacy', { action: 'requestDeletion', ...(reason ? { reason } : {}) })
export const fetchMyRequests = () =>
  callFunction<Page<PrivacyRequest>>('privacy', { action: 'myRequests', pageSize: 50 })
