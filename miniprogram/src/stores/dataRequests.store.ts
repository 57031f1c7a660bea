/** The staff workbench's list of residents' correction / deletion requests, filtered by state (pending first). */
import { fetchPrivacyRequests, type AdminPrivacyRequest } from '@/services/admin.service'
import { createFilteredListStore } from './pagedList'

export type RequestStateFilter = 'pending' | 'done' | 'rejected' | undefined

export const useDataRequestList = createFilteredListStore<AdminPrivacyRequest, RequestStateFilter>(
  'pending',
  (state, cursor) => fetchPrivacyRequests(state, cursor),
)
