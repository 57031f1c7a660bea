/** The policy module's store (the policy engineer extends it: check, matches). */
import { createPagedListStore } from './pagedList'
import { listPolicies, type PolicyListItem } from '../services/policy.service'

export const usePolicyListStore = createPagedListStore<PolicyListItem>((cursor) => listPolicies({ cursor }))
