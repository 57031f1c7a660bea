/**
 * privacy function client: the guide, consent, 我的数据 (export, correction, deletion) and my requests.
 * Answers typed by `PrivacyActionOutputs` (shared/privacy/views.ts).
 */
import type { PrivacyGuide, PrivacyRequest, PrivacyStatus } from '@shared/privacy/views'
import { callAction } from './cloud'

export type { PrivacyGuide, PrivacyRequest, PrivacyStatus }

export const fetchGuide = () => callAction('privacy', 'guide', {})
export const fetchPrivacyStatus = () => callAction('privacy', 'status', {})
export const consentTo = (version: string) => callAction('privacy', 'consent', { version })
export const exportMyData = () => callAction('privacy', 'exportMyData', {})
export const requestCorrection = (field: string, correctValue: string, reason?: string) =>
  callAction('privacy', 'requestCorrection', { field, correctValue, ...(reason ? { reason } : {}) })
export const requestDeletion = (reason?: string) =>
  callAction('privacy', 'requestDeletion', { ...(reason ? { reason } : {}) })
export const fetchMyRequests = () => callAction('privacy', 'myRequests', { pageSize: 50 })
