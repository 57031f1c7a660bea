/**
 * The staff workbench's client (工作台, admin side): roles, account blocks, the audit log, residents' data
 * requests, the notification outbox and policy publishing. Every call goes through services/cloud.ts.
 */
import type { OutboxState } from '@shared/actions/notify'
import { callAction, type ActionInput } from './cloud'

export type { RolesAnswer, SetRolesAnswer } from '@shared/user/views'
export type { AdminPrivacyRequest, AuditEntry } from '@shared/privacy/views'
export type { DispatchStats, OutboxCounts, OutboxItem } from '@shared/notify/types'
export type { ImpactAnswer, PolicyDetail, PublishAnswer } from '@shared/policies/views'

export type PolicyInput = ActionInput<'policy', 'publish'>['policy']
export type AuditFilter = Omit<ActionInput<'privacy', 'auditLog'>, 'cursor' | 'pageSize'>

export const setRoles = (input: ActionInput<'user', 'setRoles'>) => callAction('user', 'setRoles', input)
/** The user's current roles and bindings (read before setRoles) and the departments to pick from. */
export const getRoles = (openid: string) => callAction('user', 'getRoles', { openid })
export const blockAccount = (openid: string, reason: string) => callAction('privacy', 'block', { openid, reason })
export const unblockAccount = (openid: string) => callAction('privacy', 'unblock', { openid })
export const fetchAuditLog = (filter: AuditFilter, cursor?: string) =>
  callAction('privacy', 'auditLog', { ...filter, pageSize: 20, ...(cursor ? { cursor } : {}) })
export const fetchPrivacyRequests = (state: 'pending' | 'done' | 'rejected' | undefined, cursor?: string) =>
  callAction('privacy', 'requests', { pageSize: 20, ...(state ? { state } : {}), ...(cursor ? { cursor } : {}) })
export const completePrivacyRequest = (id: string, outcome: 'done' | 'rejected', note: string) =>
  callAction('privacy', 'completeRequest', { id, outcome, note })
export const fetchOutbox = (state: OutboxState | undefined, cursor?: string) =>
  callAction('notify', 'outbox', { pageSize: 20, ...(state ? { state } : {}), ...(cursor ? { cursor } : {}) })
export const fetchOutboxStats = () => callAction('notify', 'outboxStats', {})
export const requeueOutbox = (input: ActionInput<'notify', 'requeue'>) => callAction('notify', 'requeue', input)
export const dispatchNow = () => callAction('notify', 'dispatchNow', {})
export const fetchPolicyForEdit = (id: string) => callAction('policy', 'get', { id })
export const policyImpact = (policy: PolicyInput, cursor?: string) =>
  callAction('policy', 'impact', { policy, ...(cursor ? { cursor } : {}) })
export const publishPolicy = (policy: PolicyInput) => callAction('policy', 'publish', { policy })
