/** The application function (业务经办): one case engine for registrations and policy applications. */
import { applicationActions } from '../../shared/actions/application'
import type { ApplicationActionOutputs } from '../../shared/application/views'
import { createFunction, type Answering } from '../_core/function'
import { respondToCorrection, withdrawApplication } from './usecases/applicant.usecase'
import { sweepDeadlines } from './usecases/deadlines.usecase'
import { approveApplication, bulkDecide, refuseApplication } from './usecases/decide.usecase'
import { saveDraft, startDraft } from './usecases/draft.usecase'
import { exportQueue } from './usecases/export.usecase'
import { listKinds } from './usecases/kinds.usecase'
import { addNote, assignCase, reopenCase, requestCorrection, reviewQueue, takeCase } from './usecases/review.usecase'
import { applicationStats } from './usecases/stats.usecase'
import { submitApplication } from './usecases/submit.usecase'
import { getApplication, getTimeline, keptMaterials, myApplications } from './usecases/view.usecase'

export const main = createFunction(
  applicationActions,
  {
    kinds: listKinds,
    draft: startDraft,
    save: saveDraft,
    submit: submitApplication,
    get: getApplication,
    timeline: getTimeline,
    mine: myApplications,
    withdraw: withdrawApplication,
    respond: respondToCorrection,
    queue: reviewQueue,
    take: takeCase,
    assign: assignCase,
    note: addNote,
    requestCorrection,
    approve: approveApplication,
    refuse: refuseApplication,
    reopen: reopenCase,
    bulkDecide,
    export: exportQueue,
    stats: applicationStats,
    kept: keptMaterials,
  } satisfies Answering<typeof applicationActions, ApplicationActionOutputs>,
  { triggers: { deadlines: sweepDeadlines } },
)
