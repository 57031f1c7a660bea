/** The policy module's stores: the list, a detail cache, the check (answers → results) and my matches. */
import { create } from 'zustand'
import type { ErrorBody } from '@shared/errors'
import type { Facts } from '@shared/rules/types'
import { createPagedListStore } from './pagedList'
import {
  checkPolicies,
  getPolicy,
  listPolicies,
  myMatches,
  type CheckAnswer,
  type MatchItem,
  type PolicyDetail,
  type PolicyListItem,
} from '@/services/policy.service'
import type { LoadStatus } from './user.store'
import type { ActionInput } from '@/services/cloud'

export const usePolicyListStore = createPagedListStore<PolicyListItem>((cursor) => listPolicies({ cursor }))

/** 我的匹配: the matches still to claim, paged on the server; `meta.claimedCount` says how many are claimed. */
export const usePolicyMatchesStore = createPagedListStore<MatchItem, { bound: boolean; claimedCount: number | null }>(
  (cursor) => myMatches({ cursor, excludeClaimed: true }),
)

interface DetailState {
  byId: Record<string, { status: LoadStatus; data?: PolicyDetail; error?: ErrorBody }>
  load: (id: string) => Promise<void>
}

export const usePolicyDetailStore = create<DetailState>()((set, get) => ({
  byId: {},
  load: async (id) => {
    const had = get().byId[id]?.data
    set((s) => ({ byId: { ...s.byId, [id]: { status: had ? 'ready' : 'loading', data: had } } }))
    const res = await getPolicy(id)
    set((s) => ({
      byId: {
        ...s.byId,
        [id]: res.ok
          ? { status: 'ready', data: res.data }
          : { status: had ? 'ready' : 'error', data: had, error: res.error },
      },
    }))
  },
}))

interface CheckState {
  policyIds: string[] | undefined
  /** Answers the resident gave in this session (merged over their bound record by the server). */
  answers: Facts
  status: LoadStatus
  answer: CheckAnswer | null
  error: ErrorBody | null
  start: (policyIds?: string[]) => Promise<void>
  answer1: (facts: Facts) => Promise<void>
  run: () => Promise<void>
}

export const usePolicyCheckStore = create<CheckState>()((set, get) => ({
  policyIds: undefined,
  answers: {},
  status: 'idle',
  answer: null,
  error: null,
  start: async (policyIds) => {
    set({ policyIds, answers: {}, answer: null })
    await get().run()
  },
  answer1: async (facts) => {
    set((s) => ({ answers: { ...s.answers, ...facts } }))
    await get().run()
  },
  run: async () => {
    const { policyIds, answers } = get()
    set((s) => ({ status: s.answer ? 'ready' : 'loading', error: null }))
    // answers are keyed by the questions asked (a fact name known only at run time), null only for the nullable
    // ones (FACTS[f].nullable): the shared schema checks each one, so the static type is asserted here
    const facts = answers as ActionInput<'policy', 'check'>['facts']
    const res = await checkPolicies({ facts, ...(policyIds ? { policyIds } : {}) })
    if (res.ok) set({ status: 'ready', answer: res.data })
    else set((s) => ({ status: s.answer ? 'ready' : 'error', error: res.error }))
  },
}))
