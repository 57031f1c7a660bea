/**
 * What each action answers, for `callAction`'s return type. The action registry (shared/actions) types the
 * inputs; each module declares its outputs once, as a map next to its views in shared (`JobActionOutputs` in
 * shared/job/views.ts; every other module likewise), and this interface extends those maps. Each function's index.ts
 * is held to the same map (`satisfies Answering<…>`, cloudfunctions/_core/function.ts), so the client and the use
 * cases cannot disagree. No service file declares outputs of its own. An action with no entry answers `unknown`.
 */
import type { ApplicationActionOutputs } from '@shared/application/views'
import type { AssistantActionOutputs } from '@shared/assistant/views'
import type { ExchangeActionOutputs } from '@shared/exchange/views'
import type { FeedbackActionOutputs } from '@shared/feedback/types'
import type { JobActionOutputs } from '@shared/job/views'
import type { MonitorActionOutputs } from '@shared/monitor/views'
import type { NotifyActionOutputs } from '@shared/notify/types'
import type { OutreachActionOutputs } from '@shared/outreach/types'
import type { PolicyActionOutputs } from '@shared/policies/views'
import type { PrivacyActionOutputs } from '@shared/privacy/views'
import type { TrainingActionOutputs } from '@shared/training/views'
import type { UserActionOutputs } from '@shared/user/views'

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ActionOutputs
  extends
    JobActionOutputs,
    PolicyActionOutputs,
    NotifyActionOutputs,
    TrainingActionOutputs,
    PrivacyActionOutputs,
    OutreachActionOutputs,
    FeedbackActionOutputs,
    ApplicationActionOutputs,
    ExchangeActionOutputs,
    AssistantActionOutputs,
    UserActionOutputs,
    MonitorActionOutputs {}
