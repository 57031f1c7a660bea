/** The policy cloud function: thin edge over the policy use cases (see cloudfunctions/_core/function.ts). */
import { createFunction } from '../_core/function'
import { policyActions } from '../../shared/actions/policy'

export const main = createFunction(policyActions, {
  ping: async () => ({ pong: true }),
} as never)
