/**
 * policy function client: the library, the explained check (政策体检) and my matches (政策找人).
 * Inputs are typed by the shared schemas (shared/actions/policy.ts), answers by `PolicyActionOutputs`
 * (shared/policies/views.ts).
 */
import type {
  CheckAnswer,
  CheckResult,
  MatchItem,
  PolicyDetail,
  PolicyListItem,
  PolicyQuestion,
} from '@shared/policies/views'
import type { Requirement } from '@shared/rules/requirements'
import { callAction, type ActionInput } from './cloud'

export type { CheckAnswer, CheckResult, MatchItem, PolicyDetail, PolicyListItem, PolicyQuestion, Requirement }

export const listPolicies = (input: ActionInput<'policy', 'list'>) => callAction('policy', 'list', input)

export const getPolicy = (id: string) => callAction('policy', 'get', { id })

export const checkPolicies = (input: Pick<ActionInput<'policy', 'check'>, 'facts' | 'policyIds'>) =>
  callAction('policy', 'check', input)

export const myMatches = (input: ActionInput<'policy', 'myMatches'>) => callAction('policy', 'myMatches', input)
