/** policy function client (the policy engineer owns it; this is the minimum the policy tab needs). */
import type { Page } from '@shared/actions/common'
import { callFunction } from './cloud'

export interface PolicyListItem {
  id: string
  title: string
  summary?: string
}

export const listPolicies = (input: { cursor?: string; pageSize?: number }) =>
  callFunction<Page<PolicyListItem>>('policy', { action: 'list', ...input })
