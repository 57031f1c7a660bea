/**
 * The staff workbench's policy editor: publishing a new version of an existing policy (summary, validity,
 * application window, amounts) after an impact dry run of exactly that draft. The form and its check with
 * `policy.publish`'s shared schema are in utils/policyForm.ts.
 */
import { create } from 'zustand'
import type { Envelope, ErrorBody } from '@shared/errors'
import type { Condition } from '@shared/rules/types'
import {
  fetchPolicyForEdit,
  policyImpact,
  publishPolicy,
  type ImpactAnswer,
  type PolicyDetail,
  type PolicyInput,
  type PublishAnswer,
} from '@/services/admin.service'
import { mergeImpact, ruleFor } from '@/utils/policyForm'
import { invalid } from './workbench.store'
import type { LoadStatus } from './user.store'

interface PolicyEditorState {
  status: LoadStatus
  error: ErrorBody | null
  detail: PolicyDetail | null
  rule: Condition | null
  impact: ImpactAnswer | null
  /** The draft the impact was computed for (publish is allowed for exactly that draft). */
  impactFor: string | null
  working: boolean
  published: PublishAnswer | null
  load: (id: string) => Promise<void>
  runImpact: (policy: PolicyInput) => Promise<Envelope<ImpactAnswer>>
  publish: (policy: PolicyInput) => Promise<Envelope<PublishAnswer>>
}

const MAX_IMPACT_ROUNDS = 20

export const usePolicyEditor = create<PolicyEditorState>()((set, get) => ({
  status: 'idle',
  error: null,
  detail: null,
  rule: null,
  impact: null,
  impactFor: null,
  working: false,
  published: null,
  load: async (id) => {
    set({ status: 'loading', error: null, detail: null, rule: null, impact: null, impactFor: null, published: null })
    const res = await fetchPolicyForEdit(id)
    if (!res.ok) return set({ status: 'error', error: res.error })
    set({ status: 'ready', detail: res.data, rule: ruleFor(res.data) })
  },
  runImpact: async (policy) => {
    if (get().working) return invalid('正在处理，请稍候')
    set({ working: true, impact: null, impactFor: null })
    try {
      let total: ImpactAnswer | null = null
      let cursor: string | undefined
      for (let round = 0; round < MAX_IMPACT_ROUNDS; round++) {
        const res = await policyImpact(policy, cursor)
        if (!res.ok) return res
        total = mergeImpact(total, res.data)
        set({ impact: total })
        if (!res.data.nextCursor) break
        cursor = res.data.nextCursor
      }
      set({ impactFor: JSON.stringify(policy) })
      return { ok: true, data: total as ImpactAnswer }
    } finally {
      set({ working: false })
    }
  },
  publish: async (policy) => {
    if (get().working) return invalid('正在处理，请稍候')
    if (get().impactFor !== JSON.stringify(policy)) return invalid('内容已修改，请先重新试算影响人数再发布')
    set({ working: true })
    try {
      const res = await publishPolicy(policy)
      if (res.ok) set({ published: res.data })
      return res
    } finally {
      set({ working: false })
    }
  },
}))
