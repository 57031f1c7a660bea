/** The staff workbench's notification outbox list, filtered by message state (dead letters first). */
import type { OutboxState } from '@shared/actions/notify'
import { fetchOutbox, type OutboxItem } from '@/services/admin.service'
import { createFilteredListStore } from './pagedList'

export const useOutboxList = createFilteredListStore<OutboxItem, OutboxState | undefined>('dead', (state, cursor) =>
  fetchOutbox(state, cursor),
)
