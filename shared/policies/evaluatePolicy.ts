/** A policy's answer for one person as of a date: its rule, within the dates the policy is in force. */
import { compileRules, type CompiledRules } from '../rules/compile'
import { evaluate, statusOf, truthOf } from '../rules/evaluate'
import type { EligibilityStatus, Evaluation, Facts } from '../rules/types'
import type { PolicyRecord } from './types'

export type InForce = 'inForce' | 'notYet' | 'expired'

export function inForce(p: Pick<PolicyRecord, 'effectiveFrom' | 'effectiveTo'>, asOf: string): InForce {
  if (asOf < p.effectiveFrom) return 'notYet'
  if (p.effectiveTo && asOf > p.effectiveTo) return 'expired'
  return 'inForce'
}

/** Whether applications are accepted on that date (in force, and inside the window when there is one). */
export function applicationOpen(
  p: Pick<PolicyRecord, 'effectiveFrom' | 'effectiveTo' | 'applicationWindow'>,
  asOf: string,
): boolean {
  if (inForce(p, asOf) !== 'inForce') return false
  const w = p.applicationWindow
  if (!w) return true
  return asOf >= w.from && (!w.to || asOf <= w.to)
}

export function evaluatePolicy(
  p: Pick<PolicyRecord, 'rule' | 'effectiveFrom' | 'effectiveTo'>,
  facts: Facts,
  asOf: string,
): Evaluation {
  const state = inForce(p, asOf)
  if (state === 'expired') {
    return {
      status: 'ineligible',
      reasons: [
        { code: 'policy.expired', passed: false, state: 'failed', text: `该政策已于${p.effectiveTo}到期，不再受理` },
      ],
      missing: [],
      changes: [],
    }
  }
  if (state === 'notYet') {
    const later = evaluate(p.rule, facts, p.effectiveFrom)
    const reason = {
      code: 'policy.notYetInForce',
      passed: false,
      state: 'failed' as const,
      text: `该政策自${p.effectiveFrom}起施行`,
    }
    return {
      status: 'ineligible',
      reasons: [reason, ...later.reasons],
      missing: [],
      changes:
        later.status === 'eligible'
          ? [{ code: 'policy.notYetInForce', text: `政策施行后可申请（${p.effectiveFrom}起）`, from: p.effectiveFrom }]
          : [],
      ...(later.status === 'eligible' ? { eligibleFrom: p.effectiveFrom } : {}),
    }
  }
  return evaluate(p.rule, facts, asOf)
}

/** Just the status (the single-person path without the explanation). */
export function policyStatus(
  p: Pick<PolicyRecord, 'rule' | 'effectiveFrom' | 'effectiveTo'>,
  facts: Facts,
  asOf: string,
): EligibilityStatus {
  return inForce(p, asOf) === 'inForce' ? statusOf(truthOf(p.rule, facts, asOf)) : 'ineligible'
}

/** The batch path for a set of policies on one date: policies not in force compile to "no one". */
export function compilePolicies(
  policies: readonly Pick<PolicyRecord, 'rule' | 'effectiveFrom' | 'effectiveTo'>[],
  asOf: string,
): CompiledRules {
  return compileRules(
    policies.map((p) => (inForce(p, asOf) === 'inForce' ? p.rule : false)),
    asOf,
  )
}
