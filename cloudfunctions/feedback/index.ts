/** The feedback cloud function: thin edge over the feedback use cases (see cloudfunctions/_core/function.ts). */
import { createFunction } from '../_core/function'
import { feedbackActions } from '../../shared/actions/feedback'

export const main = createFunction(feedbackActions, {
  ping: async () => ({ pong: true }),
} as never)
