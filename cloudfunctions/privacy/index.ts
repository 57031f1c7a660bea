/** The privacy function: the privacy guide and consent, 我的数据 (export, correction, deletion), admin tools, retention. */
import { privacyActions } from '../../shared/actions/privacy'
import { createFunction, type Answering } from '../_core/function'
import type { PrivacyActionOutputs } from '../../shared/privacy/views'
import { auditLog, block, unblock } from './usecases/admin.usecase'
import { exportMyData } from './usecases/exportMyData.usecase'
import { consent, guide, status } from './usecases/guide.usecase'
import { completeRequest, myRequests, requestCorrection, requestDeletion, requests } from './usecases/requests.usecase'
import { applyRetention } from './usecases/retention.usecase'
import { rekey } from './usecases/rekey.usecase'

export const main = createFunction(
  privacyActions,
  {
    guide,
    status,
    consent,
    exportMyData,
    requestCorrection,
    requestDeletion,
    myRequests,
    requests,
    completeRequest,
    auditLog,
    block,
    unblock,
  } satisfies Answering<typeof privacyActions, PrivacyActionOutputs>,
  { triggers: { retention: applyRetention, rekey: (ctx) => rekey(ctx) } },
)
