/**
 * The staff workbench (工作台, admin side): the counts its home shows and its write actions (roles, blocks,
 * completing residents' data requests, re-queueing and dispatching the outbox). Inputs are checked first with the
 * actions' shared schemas (utils/staffForms.ts), so a page shows a clear Chinese message without a round trip; the
 * backend's message is shown when it refuses. Its lists are stores of their own (auditLog, dataRequests, outbox).
 */
import { create } from 'zustand'
import type { Envelope } from '@shared/errors'
import {
  blockAccount,
  completePrivacyRequest,
  dispatchNow,
  fetchOutboxStats,
  fetchPrivacyRequests,
  getRoles,
  requeueOutbox,
  setRoles,
  unblockAccount,
  type DispatchStats,
  type OutboxCounts,
  type RolesAnswer,
  type SetRolesAnswer,
} from '@/services/admin.service'
import { blockProblem, completeRequestProblem, openidProblem, rolesInputOf, type RolesForm } from '@/utils/staffForms'
import { useDataRequestList } from './dataRequests.store'
import { useOutboxList } from './outbox.store'
import type { LoadStatus } from './user.store'

export const invalid = (message: string): Envelope<never> => ({
  ok: false,
  error: { code: 'VALIDATION_FAILED', message },
})

// ---------- workbench counts ----------

interface WorkbenchState {
  status: LoadStatus
  pendingRequests: number | null
  /** More pending requests than one page holds. */
  pendingMore: boolean
  counts: OutboxCounts | null
  loadCounts: () => Promise<void>
}

export const useWorkbenchStore = create<WorkbenchState>()((set) => ({
  status: 'idle',
  pendingRequests: null,
  pendingMore: false,
  counts: null,
  loadCounts: async () => {
    set({ status: 'loading' })
    const [req, stats] = await Promise.all([fetchPrivacyRequests('pending'), fetchOutboxStats()])
    set({
      status: 'ready',
      pendingRequests: req.ok ? req.data.items.length : null,
      pendingMore: req.ok ? !!req.data.nextCursor : false,
      counts: stats.ok ? stats.data.counts : null,
    })
  },
}))

// ---------- writes ----------

interface AdminActionsState {
  busy: boolean
  saveRoles: (f: RolesForm) => Promise<Envelope<SetRolesAnswer>>
  loadRoles: (openid: string) => Promise<Envelope<RolesAnswer>>
  block: (openid: string, reason: string) => Promise<Envelope<null>>
  unblock: (openid: string) => Promise<Envelope<null>>
  completeRequest: (id: string, outcome: 'done' | 'rejected', note: string) => Promise<Envelope<null>>
  requeue: (input: {
    keys?: string[]
    state?: 'dead' | 'uncertain' | 'skipped'
  }) => Promise<Envelope<{ requeued: number }>>
  dispatch: () => Promise<Envelope<DispatchStats>>
}

export const useAdminActions = create<AdminActionsState>()((set, get) => {
  const run = async <T>(call: () => Promise<Envelope<T>>): Promise<Envelope<T>> => {
    if (get().busy) return invalid('正在处理，请稍候')
    set({ busy: true })
    try {
      return await call()
    } finally {
      set({ busy: false })
    }
  }
  return {
    busy: false,
    loadRoles: (openid) => {
      const problem = openidProblem(openid)
      if (problem) return Promise.resolve(invalid(problem))
      return run(() => getRoles(openid.trim()))
    },
    saveRoles: (f) => {
      const r = rolesInputOf(f)
      if ('problem' in r) return Promise.resolve(invalid(r.problem))
      return run(() => setRoles(r.input))
    },
    block: (openid, reason) => {
      const problem = blockProblem(openid, reason)
      if (problem) return Promise.resolve(invalid(problem))
      return run(async () => {
        const r = await blockAccount(openid.trim(), reason.trim())
        return r.ok ? { ok: true as const, data: null } : r
      })
    },
    unblock: (openid) => {
      const problem = openidProblem(openid)
      if (problem) return Promise.resolve(invalid(problem))
      return run(async () => {
        const r = await unblockAccount(openid.trim())
        return r.ok ? { ok: true as const, data: null } : r
      })
    },
    completeRequest: (id, outcome, note) => {
      const problem = completeRequestProblem(id, outcome, note)
      if (problem) return Promise.resolve(invalid(problem))
      return run(async () => {
        const r = await completePrivacyRequest(id, outcome, note.trim())
        if (!r.ok) return r
        await useDataRequestList.getState().refresh()
        void useWorkbenchStore.getState().loadCounts()
        return { ok: true as const, data: null }
      })
    },
    requeue: (input) =>
      run(async () => {
        const r = await requeueOutbox(input)
        if (!r.ok) return r
        await useOutboxList.getState().refresh()
        void useWorkbenchStore.getState().loadCounts()
        return { ok: true as const, data: { requeued: r.data.requeued } }
      }),
    dispatch: () =>
      run(async () => {
        const r = await dispatchNow()
        if (r.ok) {
          await useOutboxList.getState().refresh()
          void useWorkbenchStore.getState().loadCounts()
        }
        return r
      }),
  }
})
