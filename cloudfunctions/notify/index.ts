/** The notify cloud function: thin edge over the notify use cases (see cloudfunctions/_core/function.ts). */
import { createFunction } from '../_core/function'
import { notifyActions } from '../../shared/actions/notify'
import { myConsents, recordConsent } from './usecases/consent.usecase'
import { markRead, messages, unreadCount } from './usecases/messages.usecase'
import { dispatchNow, dispatchTrigger, outbox, outboxStats, requeue } from './usecases/outboxAdmin.usecase'

export const main = createFunction(
  notifyActions,
  {
    recordConsent,
    myConsents,
    messages,
    unreadCount,
    markRead,
    outbox,
    outboxStats,
    requeue,
    dispatchNow,
  },
  { triggers: { dispatch: (ctx) => dispatchTrigger(ctx) } },
)
