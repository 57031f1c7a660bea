/** The outreach cloud function: thin edge over the outreach use cases (see cloudfunctions/_core/function.ts). */
import { createFunction } from '../_core/function'
import { outreachActions } from '../../shared/actions/outreach'

export const main = createFunction(outreachActions, {
  ping: async () => ({ pong: true }),
} as never)
