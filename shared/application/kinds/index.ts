/** The catalogue of application kinds (one file per kind beside this one), in display order. Pure. */
import type { ApplicationKind } from '../types'
import { unemploymentRegistration } from './unemploymentRegistration.kind'
import { employmentRegistration } from './employmentRegistration.kind'
import { startupOnceSubsidyKind } from './startupOnceSubsidy.kind'
import { startupGuaranteedLoanKind } from './startupGuaranteedLoan.kind'
import { jobSeekingSubsidyKind } from './jobSeekingSubsidy.kind'
import { vocationalTrainingSubsidyKind } from './vocationalTrainingSubsidy.kind'
import { skillUpgradeSubsidyKind } from './skillUpgradeSubsidy.kind'
import { socialInsuranceSubsidyKind } from './socialInsuranceSubsidy.kind'
import { flexibleInsuranceDifficultyKind } from './flexibleInsuranceDifficulty.kind'
import { flexibleInsuranceGraduateKind } from './flexibleInsuranceGraduate.kind'
import { unemploymentInsuranceBenefitKind } from './unemploymentInsuranceBenefit.kind'
import { hiringSubsidyKind } from './hiringSubsidy.kind'
import { skillAssessmentSubsidyKind } from './skillAssessmentSubsidy.kind'
import { povertyTransportSubsidyKind } from './povertyTransportSubsidy.kind'
import { unemploymentAssistanceKind } from './unemploymentAssistance.kind'

export const APPLICATION_KINDS: readonly ApplicationKind[] = [
  unemploymentRegistration,
  employmentRegistration,
  startupOnceSubsidyKind,
  startupGuaranteedLoanKind,
  jobSeekingSubsidyKind,
  vocationalTrainingSubsidyKind,
  skillUpgradeSubsidyKind,
  socialInsuranceSubsidyKind,
  flexibleInsuranceDifficultyKind,
  flexibleInsuranceGraduateKind,
  unemploymentInsuranceBenefitKind,
  hiringSubsidyKind,
  skillAssessmentSubsidyKind,
  povertyTransportSubsidyKind,
  unemploymentAssistanceKind,
]

const BY_KIND = new Map(APPLICATION_KINDS.map((k) => [k.kind, k]))
export const kindOf = (kind: string): ApplicationKind | null => BY_KIND.get(kind) ?? null
export const KIND_NAMES: readonly string[] = APPLICATION_KINDS.map((k) => k.kind)
