/** The notify cloud function: thin edge over the notify use cases (see cloudfunctions/_core/function.ts). */
import { createFunction, type Answering } from '../_core/function'
import { notifyActions } from '../../shared/actions/notify'
import type { NotifyActionOutputs } from '../../shared/notify/types'
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
  } satisfies Answering<typeof notifyActions, NotifyActionOutputs>,
  { triggers: { dispatch: (ctx) => dispatchTrigger(ctx) } },
)
