/** The policy cloud function: thin edge over the policy use cases (see cloudfunctions/_core/function.ts). */
import { createFunction, type Answering } from '../_core/function'
import { policyActions } from '../../shared/actions/policy'
import type { PolicyActionOutputs } from '../../shared/policies/views'
import { listPolicies } from './usecases/listPolicies.usecase'
import { getPolicy } from './usecases/getPolicy.usecase'
import { checkEligibility } from './usecases/checkEligibility.usecase'
import { myMatches } from './usecases/myMatches.usecase'
import { publishPolicy } from './usecases/publishPolicy.usecase'
import { impact } from './usecases/impact.usecase'
import { batchStatus } from './usecases/batchStatus.usecase'
import { rematch } from './usecases/rematch.usecase'

export const main = createFunction(
  policyActions,
  {
    list: listPolicies,
    get: getPolicy,
    check: checkEligibility,
    myMatches,
    publish: publishPolicy,
    impact,
    batchStatus,
  } satisfies Answering<typeof policyActions, PolicyActionOutputs>,
  { triggers: { rematch } },
)
