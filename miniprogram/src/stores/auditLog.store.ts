/** The staff workbench's 操作日志 list: the search filter is the store's state (`show(filter)` runs a search). */
import { fetchAuditLog, type AuditEntry, type AuditFilter } from '@/services/admin.service'
import { createFilteredListStore } from './pagedList'

export const useAuditLogList = createFilteredListStore<AuditEntry, AuditFilter>({}, (filter, cursor) =>
  fetchAuditLog(filter, cursor),
)
