/** What the privacy function answers a resident (shared by the function and the mini-program). */
import type { Page } from '../actions/common'
import type { PRIVACY_GUIDE } from './guide'

export type PrivacyGuide = typeof PRIVACY_GUIDE

export interface PrivacyStatus {
  currentVersion: string
  consentedVersion: string | null
  consentedAt: string | null
  needsConsent: boolean
}

/** A correction or deletion request as its requester sees it. */
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

/**
 * What each resident-side `privacy` action answers (the client's `callAction` types its answers from this map;
 * the staff side's answers are still declared in services/admin.service.ts).
 */
export interface PrivacyActionOutputs {
  'privacy.guide': PrivacyGuide
  'privacy.status': PrivacyStatus
  'privacy.consent': { version: string; consentedAt: string }
  'privacy.exportMyData': Record<string, unknown>
  'privacy.requestCorrection': PrivacyRequest
  'privacy.requestDeletion': PrivacyRequest
  'privacy.myRequests': Page<PrivacyRequest>
}
