/** The user cloud function: thin edge over the user use cases (see cloudfunctions/_core/function.ts). */
import { createFunction } from '../_core/function'
import { userActions } from '../../shared/actions/user'

export const main = createFunction(userActions, {
  ping: async () => ({ pong: true }),
} as never)
