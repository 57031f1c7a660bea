/** The policy library: every policy document of this repository, in display order. */
import type { PolicyDocument } from './types'
import { startupOnceSubsidy } from './startupOnceSubsidy.policy'
import { startupGuaranteedLoan } from './startupGuaranteedLoan.policy'
import { jobSeekingSubsidy } from './jobSeekingSubsidy.policy'
import { vocationalTrainingSubsidy } from './vocationalTrainingSubsidy.policy'
import { skillUpgradeSubsidy } from './skillUpgradeSubsidy.policy'
import { socialInsuranceSubsidy } from './socialInsuranceSubsidy.policy'
import { flexibleInsuranceDifficulty } from './flexibleInsuranceDifficulty.policy'
import { flexibleInsuranceGraduate } from './flexibleInsuranceGraduate.policy'
import { unemploymentInsuranceBenefit } from './unemploymentInsuranceBenefit.policy'
import { hiringSubsidy } from './hiringSubsidy.policy'
import { internshipProgram } from './internshipProgram.policy'
import { publicWelfareJob } from './publicWelfareJob.policy'
import { returneeStartupSupport } from './returneeStartupSupport.policy'
import { veteranSkillsTraining } from './veteranSkillsTraining.policy'
import { disabledStartupSupport } from './disabledStartupSupport.policy'
import { povertyTransportSubsidy } from './povertyTransportSubsidy.policy'
import { unemploymentAssistance } from './unemploymentAssistance.policy'
import { skillAssessmentSubsidy } from './skillAssessmentSubsidy.policy'
import { olderWorkerAssistance } from './olderWorkerAssistance.policy'
import { graduateEmploymentService } from './graduateEmploymentService.policy'
import { zeroEmploymentFamilyAssistance } from './zeroEmploymentFamilyAssistance.policy'

export const POLICY_LIBRARY: readonly PolicyDocument[] = [
  startupOnceSubsidy,
  startupGuaranteedLoan,
  jobSeekingSubsidy,
  vocationalTrainingSubsidy,
  skillUpgradeSubsidy,
  socialInsuranceSubsidy,
  flexibleInsuranceDifficulty,
  flexibleInsuranceGraduate,
  unemploymentInsuranceBenefit,
  hiringSubsidy,
  internshipProgram,
  publicWelfareJob,
  returneeStartupSupport,
  veteranSkillsTraining,
  disabledStartupSupport,
  povertyTransportSubsidy,
  unemploymentAssistance,
  skillAssessmentSubsidy,
  olderWorkerAssistance,
  graduateEmploymentService,
  zeroEmploymentFamilyAssistance,
]
