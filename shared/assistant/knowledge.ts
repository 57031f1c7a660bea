/** The static knowledge the index is built from: every policy of the library and every service guide. */
import { POLICY_LIBRARY } from '../policies/library'
import { SERVICE_GUIDES } from './guides'
import { guidePassages, type Passage, policyPassages } from './passages'

export function staticPassages(): Passage[] {
  return [...POLICY_LIBRARY.flatMap((p) => policyPassages(p)), ...SERVICE_GUIDES.flatMap((g) => guidePassages(g))]
}
