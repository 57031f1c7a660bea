/** The job cloud function: thin edge over the job use cases (see cloudfunctions/_core/function.ts). */
import { createFunction, type Answering } from '../_core/function'
import { jobActions } from '../../shared/actions/job'
import type { JobActionOutputs } from '../../shared/job/views'
import { searchJobs } from './usecases/searchJobs.usecase'
import { getJob } from './usecases/getJob.usecase'
import { favoriteJob, myFavorites } from './usecases/favorite.usecase'
import { applyToJob } from './usecases/apply.usecase'
import { myApplications, reportOutcome } from './usecases/myApplications.usecase'
import { recommendJobs } from './usecases/recommend.usecase'
import { nearbyPlaces } from './usecases/nearby.usecase'
import { closeJob, myPostings, postJob, updateJobPosting } from './usecases/managePosting.usecase'
import { listJobApplications, setApplicationStatus } from './usecases/staffApplications.usecase'
import { setContactConsent } from './usecases/contactConsent.usecase'
import { revealApplicantContact } from './usecases/revealContact.usecase'

export const main = createFunction(jobActions, {
  search: searchJobs,
  get: getJob,
  favorite: favoriteJob,
  myFavorites,
  apply: applyToJob,
  myApplications,
  reportOutcome,
  recommend: recommendJobs,
  nearby: nearbyPlaces,
  post: postJob,
  update: updateJobPosting,
  close: closeJob,
  myPostings,
  applications: listJobApplications,
  setApplicationStatus,
  setContactConsent,
  revealContact: revealApplicantContact,
} satisfies Answering<typeof jobActions, JobActionOutputs>)
