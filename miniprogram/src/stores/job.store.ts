/** The job module's store (the jobs engineer extends it: filters, favourites, apply). */
import { createPagedListStore } from './pagedList'
import { searchJobs, type JobListItem } from '../services/job.service'

export const useJobListStore = createPagedListStore<JobListItem>((cursor) => searchJobs({ cursor }))
