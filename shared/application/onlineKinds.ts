/**
 * The policies that can be applied for online (a `policy:<id>` kind exists), as a tiny list the app can import
 * without the catalogue (whose kinds import the policy documents). A unit test keeps it equal to the catalogue.
 */
export const ONLINE_POLICY_IDS: readonly string[] = [
  'startup-once-subsidy',
  'startup-guaranteed-loan',
  'job-seeking-subsidy',
  'vocational-training-subsidy',
  'skill-upgrade-subsidy',
  'social-insurance-subsidy',
  'flexible-insurance-difficulty',
  'flexible-insurance-graduate',
  'unemployment-insurance-benefit',
  'hiring-subsidy',
  'skill-assessment-subsidy',
  'poverty-transport-subsidy',
  'unemployment-assistance',
]
export const canApplyOnline = (policyId: string): boolean => ONLINE_POLICY_IDS.includes(policyId)
