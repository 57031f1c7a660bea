/**
 * What each action answers, for `callAction`'s return type. The action registry (shared/actions) types the
 * inputs; each module declares its outputs once, as a map next to its views in shared (`JobActionOutputs` in
 * shared/job/views.ts; policy, notify, training, privacy, outreach, feedback likewise), and this interface extends those
 * maps. Modules not moved there yet still add their entries from their service file through declaration merging:
 *
 *   declare module './actionOutputs' {
 *     interface ActionOutputs { 'monitor.overview': OverviewAnswer }
 *   }
 *
 * An action with no entry answers `unknown`.
 */
import type { FeedbackActionOutputs } from '@shared/feedback/types'
import type { JobActionOutputs } from '@shared/job/views'
import type { NotifyActionOutputs } from '@shared/notify/types'
import type { OutreachActionOutputs } from '@shared/outreach/types'
import type { PolicyActionOutputs } from '@shared/policies/views'
import type { PrivacyActionOutputs } from '@shared/privacy/views'
import type { TrainingActionOutputs } from '@shared/training/views'

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ActionOutputs
  extends
    JobActionOutputs,
    PolicyActionOutputs,
    NotifyActionOutputs,
    TrainingActionOutputs,
    PrivacyActionOutputs,
    OutreachActionOutputs,
    FeedbackActionOutputs {}
