export * from './types'
export { POLICY_LIBRARY } from './library'
export { evaluatePolicy, policyStatus, compilePolicies, inForce, applicationOpen } from './evaluatePolicy'
