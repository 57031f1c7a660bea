/** job function client (the jobs engineer owns it; this is the minimum the job tab needs). */
import type { Page } from '@shared/actions/common'
import { callFunction } from './cloud'

export interface JobListItem {
  id: string
  title: string
  employerName?: string
  salaryMin?: number
  salaryMax?: number
  districtName?: string
}

export const searchJobs = (input: { keyword?: string; cursor?: string; pageSize?: number }) =>
  callFunction<Page<JobListItem>>('job', { action: 'search', ...input })
