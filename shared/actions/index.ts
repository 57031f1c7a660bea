/** Every module's action declarations: the registry the wrapper, docs and harnesses walk. */
import { userActions } from './user'
import { jobActions } from './job'
import { policyActions } from './policy'
import { trainingActions } from './training'
import { feedbackActions } from './feedback'
import { outreachActions } from './outreach'
import { notifyActions } from './notify'
import { privacyActions } from './privacy'
import { assistantActions } from './assistant'
import { monitorActions } from './monitor'
import { exchangeActions } from './exchange'
import { applicationActions } from './application'

export const registry = {
  user: userActions,
  job: jobActions,
  policy: policyActions,
  training: trainingActions,
  feedback: feedbackActions,
  outreach: outreachActions,
  notify: notifyActions,
  privacy: privacyActions,
  assistant: assistantActions,
  monitor: monitorActions,
  exchange: exchangeActions,
  application: applicationActions,
} as const

export type FunctionName = keyof typeof registry
export const FUNCTION_NAMES = Object.keys(registry) as FunctionName[]
