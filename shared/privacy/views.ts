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

/** One audit log line as the admin reads it (`privacy.auditLog`). */
export interface AuditEntry {
  id: string
  event: string
  /** null: no signed-in caller (a timer). */
  actor: string | null
  actorRoles: string[]
  targetType: string | null
  targetId: string | null
  onBehalfOf: string | null
  outcome: string | null
  detail: Record<string, unknown> | null
  at: string
}

/** A correction or deletion request as the admin handles it (`privacy.requests`). */
export interface AdminPrivacyRequest extends PrivacyRequest {
  correctValue: string | null
  reason: string | null
  requester: string
}

/** What each `privacy` action answers: the client's `ActionOutputs` extends it and the function's index.ts is held to it. */
export interface PrivacyActionOutputs {
  'privacy.guide': PrivacyGuide
  'privacy.status': PrivacyStatus
  'privacy.consent': { version: string; consentedAt: string }
  'privacy.exportMyData': Record<string, unknown>
  'privacy.requestCorrection': PrivacyRequest
  'privacy.requestDeletion': PrivacyRequest
  'privacy.myRequests': Page<PrivacyRequest>
  'privacy.block': { openid: string; blocked: boolean }
  'privacy.unblock': { openid: string; blocked: boolean }
  'privacy.auditLog': Page<AuditEntry>
  'privacy.requests': Page<AdminPrivacyRequest>
  /** `erased`: documents removed per collection when a deletion was carried out. */
  'privacy.completeRequest': { id: string; state: 'done' | 'rejected'; erased: Record<string, number> | null }
}
