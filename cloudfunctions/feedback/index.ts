/** The feedback cloud function: thin edge over the feedback use cases (see cloudfunctions/_core/function.ts). */
import { createFunction, type Answering } from '../_core/function'
import type { FeedbackActionOutputs } from '../../shared/feedback/types'
import { feedbackActions } from '../../shared/actions/feedback'
import { submitFeedback } from './usecases/submitFeedback.usecase'
import { getFeedback } from './usecases/getFeedback.usecase'
import { myFeedback } from './usecases/myFeedback.usecase'
import { rateFeedback } from './usecases/rateFeedback.usecase'
import { reopenFeedback } from './usecases/reopenFeedback.usecase'
import { feedbackInbox } from './usecases/feedbackInbox.usecase'
import { acceptFeedback } from './usecases/acceptFeedback.usecase'
import { assignFeedback } from './usecases/assignFeedback.usecase'
import { replyFeedback } from './usecases/replyFeedback.usecase'
import { resolveFeedback } from './usecases/resolveFeedback.usecase'
import { extendFeedback } from './usecases/extendFeedback.usecase'
import { revealContact } from './usecases/revealContact.usecase'
import { replyTemplates } from './usecases/replyTemplates.usecase'
import { feedbackStats } from './usecases/feedbackStats.usecase'
import { escalateOverdue } from './usecases/escalateOverdue.usecase'
import { recheckPending } from './usecases/recheckPending.usecase'
import { autoClose } from './usecases/autoClose.usecase'
import { recordMediaCheck } from './usecases/mediaCheckResult.usecase'
import { getHolidays, setHolidays } from './usecases/holidays.usecase'

export const main = createFunction(
  feedbackActions,
  {
    submit: submitFeedback,
    get: getFeedback,
    mine: myFeedback,
    rate: rateFeedback,
    reopen: reopenFeedback,
    inbox: feedbackInbox,
    accept: acceptFeedback,
    assign: assignFeedback,
    reply: replyFeedback,
    resolve: resolveFeedback,
    extend: extendFeedback,
    revealContact,
    templates: replyTemplates,
    stats: feedbackStats,
    holidays: getHolidays,
    setHolidays,
  } satisfies Answering<typeof feedbackActions, FeedbackActionOutputs>,
  {
    triggers: { escalate: escalateOverdue, recheck: recheckPending, autoClose },
    pushes: { wxa_media_check: recordMediaCheck },
  },
)
