/** The training cloud function: thin edge over the training use cases (see cloudfunctions/_core/function.ts). */
import { createFunction } from '../_core/function'
import { trainingActions } from '../../shared/actions/training'

export const main = createFunction(trainingActions, {
  ping: async () => ({ pong: true }),
} as never)
