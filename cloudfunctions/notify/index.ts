/** The notify cloud function: thin edge over the notify use cases (see cloudfunctions/_core/function.ts). */
import { createFunction } from '../_core/function'
import { notifyActions } from '../../shared/actions/notify'

export const main = createFunction(notifyActions, {
  ping: async () => ({ pong: true }),
} as never)
