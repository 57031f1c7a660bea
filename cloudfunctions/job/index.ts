/** The job cloud function: thin edge over the job use cases (see cloudfunctions/_core/function.ts). */
import { createFunction } from '../_core/function'
import { jobActions } from '../../shared/actions/job'

export const main = createFunction(jobActions, {
  ping: async () => ({ pong: true }),
} as never)
