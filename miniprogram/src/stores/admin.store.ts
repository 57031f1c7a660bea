/**
 * The staff workbench (工作台) admin state: counts for the home, the audit log, residents' data requests and the
 * outbox as paged lists with filters, and the write actions (roles, blocks, completing requests, re-queueing,
 * policy publishing). Inputs are checked here first, with the same limits as the shared schemas, so a page
 * shows a clear Chinese message without a round trip; the backend's message is shown when it refuses.
 */
import { create } from 'zustand'
import type { Role } from '@shared/actions/define'
import type { OutboxState } from '@shared/actions/notify'
import type { Envelope, ErrorBody } from '@shared/errors'
import { POLICY_LIBRARY } from '@shared/policies/library'
import { requirementsOf } from '@shared/rules/requirements'
import type { Condition } from '@shared/rules/types'
import {
  blockAccount,
  completePrivacyRequest,
  dispatchNow,
  fetchAuditLog,
  fetchOutbox,
  fetchOutboxStats,
  fetchPolicyForEdit,
  fetchPrivacyRequests,
  getRoles,
  policyImpact,
  publishPolicy,
  requeueOutbox,
  setRoles,
  unblockAccount,
  type AuditFilter,
  type DispatchStats,
  type ImpactAnswer,
  type OutboxCounts,
  type PolicyDetail,
  type PolicyInput,
  type PublishAnswer,
  type RolesAnswer,
  type SetRolesAnswer,
} from '@/services/admin.service'
import { createPagedListStore } from './pagedList'
import type { LoadStatus } from './user.store'
import { cstMidnightMs, endOfCstDayMs, toIsoCst } from '@shared/calendar/chinaTime'

const invalid = (message: string): Envelope<never> => ({ ok: false, error: { code: 'VALIDATION_FAILED', message } })

// ---------- input checks (pure; mirror shared/actions/common `id()` and `text()`) ----------

const ID_RE = /^[\w.:-]+$/
/** An openid / document id: 1–64 printable characters, no operators. Returns a message or null. */
export function idProblem(value: string, what: string): string | null {
  const v = value.trim()
  if (!v) return `请填写${what}`
  if (v.length > 64) return `${what}过长（最多64个字符）`
  if (!ID_RE.test(v)) return `${what}格式不正确（只能包含字母、数字、下划线、点、冒号和连字符）`
  return null
}
export function textProblem(value: string, what: string, min: number, max: number): string | null {
  const n = Array.from(value.trim()).length
  if (n < min) return n === 0 ? `请填写${what}` : `${what}至少填写${min}个字`
  if (n > max) return `${what}不能超过${max}个字`
  return null
}
/** Grid codes / department as typed: separated by commas, Chinese commas or blanks. */
export function splitCodes(value: string): string[] {
  return value
    .split(/[\s,，、]+/)
    .map((s) => s.trim())
    .filter(Boolean)
}
/** `YYYY-MM-DD` → the start (or end) of that day in China time, as the ISO instant the audit filter takes. */
export function dayBound(date: string, end: boolean): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim())
  if (!m) return null
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]))
  if (d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) return null
  const day = `${m[1]}-${m[2]}-${m[3]}`
  return toIsoCst(end ? endOfCstDayMs(day) : cstMidnightMs(day))
}

/** Roles the user holds now that the form would take away (each needs the admin's confirmation). */
export function droppedRoles(current: readonly Role[], chosen: readonly Role[]): Role[] {
  return current.filter((r) => r !== 'resident' && !chosen.includes(r))
}

export interface RolesForm {
  openid: string
  roles: Role[]
  gridCodes: string
  departmentId: string
}
export function checkRolesForm(f: RolesForm): string | null {
  const idErr = idProblem(f.openid, '用户 openid')
  if (idErr) return idErr
  if (f.roles.length === 0) return '请至少选择一个角色'
  const grids = splitCodes(f.gridCodes)
  if (grids.length > 50) return '网格最多50个'
  for (const g of grids) {
    const e = idProblem(g, '网格编码')
    if (e) return `${e}：${g}`
  }
  if (f.roles.includes('handler') && !f.departmentId.trim()) return '投诉处理人员需要填写所属部门编号'
  if (f.departmentId.trim()) return idProblem(f.departmentId, '部门编号')
  return null
}

export interface AuditForm {
  actor: string
  event: string
  targetId: string
  from: string
  to: string
}
/** The audit search form → the action's filter, or a message. */
export function auditFilterOf(f: AuditForm): { filter: AuditFilter } | { problem: string } {
  const filter: AuditFilter = {}
  if (f.actor.trim()) {
    const e = idProblem(f.actor, '操作人')
    if (e) return { problem: e }
    filter.actor = f.actor.trim()
  }
  if (f.event.trim()) {
    if (!/^[\w.]{1,60}$/.test(f.event.trim())) return { problem: '事件名格式不正确，如 privacy.block' }
    filter.event = f.event.trim()
  }
  if (f.targetId.trim()) {
    const e = idProblem(f.targetId, '对象编号')
    if (e) return { problem: e }
    filter.targetId = f.targetId.trim()
  }
  if (f.from.trim()) {
    const from = dayBound(f.from, false)
    if (!from) return { problem: '开始日期应为 YYYY-MM-DD 格式的真实日期' }
    filter.from = from
  }
  if (f.to.trim()) {
    const to = dayBound(f.to, true)
    if (!to) return { problem: '结束日期应为 YYYY-MM-DD 格式的真实日期' }
    filter.to = to
  }
  if (filter.from && filter.to && filter.from > filter.to) return { problem: '开始日期不能晚于结束日期' }
  return { filter }
}

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

// ---------- paged lists with filters ----------

let auditFilter: AuditFilter = {}
export const useAuditLogList = createPagedListStore((cursor) => fetchAuditLog(auditFilter, cursor))
export async function searchAuditLog(filter: AuditFilter): Promise<void> {
  auditFilter = filter
  useAuditLogList.setState({ items: [], nextCursor: null })
  await useAuditLogList.getState().refresh()
}

export type RequestStateFilter = 'pending' | 'done' | 'rejected' | undefined
let requestState: RequestStateFilter = 'pending'
export const useDataRequestList = createPagedListStore((cursor) => fetchPrivacyRequests(requestState, cursor))
export const currentRequestState = () => requestState
export async function showRequests(state: RequestStateFilter): Promise<void> {
  requestState = state
  useDataRequestList.setState({ items: [], nextCursor: null })
  await useDataRequestList.getState().refresh()
}

let outboxState: OutboxState | undefined = 'dead'
export const useOutboxList = createPagedListStore((cursor) => fetchOutbox(outboxState, cursor))
export const currentOutboxState = () => outboxState
export async function showOutbox(state: OutboxState | undefined): Promise<void> {
  outboxState = state
  useOutboxList.setState({ items: [], nextCursor: null })
  await useOutboxList.getState().refresh()
}

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
      const problem = idProblem(openid, '用户 openid')
      if (problem) return Promise.resolve(invalid(problem))
      return run(() => getRoles(openid.trim()))
    },
    saveRoles: (f) => {
      const problem = checkRolesForm(f)
      if (problem) return Promise.resolve(invalid(problem))
      const roles = Array.from(new Set<Role>(['resident', ...f.roles]))
      const grids = splitCodes(f.gridCodes)
      return run(() =>
        setRoles({
          openid: f.openid.trim(),
          roles,
          ...(roles.includes('grid') ? { gridCodes: grids } : {}),
          departmentId: roles.includes('handler') ? f.departmentId.trim() : null,
        }),
      )
    },
    block: (openid, reason) => {
      const problem = idProblem(openid, '用户 openid') ?? textProblem(reason, '限制原因', 2, 200)
      if (problem) return Promise.resolve(invalid(problem))
      return run(async () => {
        const r = await blockAccount(openid.trim(), reason.trim())
        return r.ok ? { ok: true as const, data: null } : r
      })
    },
    unblock: (openid) => {
      const problem = idProblem(openid, '用户 openid')
      if (problem) return Promise.resolve(invalid(problem))
      return run(async () => {
        const r = await unblockAccount(openid.trim())
        return r.ok ? { ok: true as const, data: null } : r
      })
    },
    completeRequest: (id, outcome, note) => {
      const problem = textProblem(note, '办理说明', 2, 500)
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

// ---------- policy publishing (a new version of an existing policy) ----------

/**
 * `policy.get` answers the document without its machine rule (it shows the rule as Chinese statements). The rule
 * comes from the shared policy library, and only when its statements equal what the server shows — so a
 * publish from here never reverts a rule changed elsewhere.
 */
const textsOf = (rs: { text: string; children?: unknown[] }[]): unknown =>
  rs.map((r) => [r.text, r.children ? textsOf(r.children as { text: string; children?: unknown[] }[]) : null])
export function ruleFor(detail: PolicyDetail): Condition | null {
  const doc = POLICY_LIBRARY.find((p) => p.id === detail.id)
  if (!doc) return null
  return JSON.stringify(textsOf(requirementsOf(doc.rule))) === JSON.stringify(textsOf(detail.requirements))
    ? doc.rule
    : null
}

export interface PolicyForm {
  summary: string
  effectiveTo: string
  windowFrom: string
  windowTo: string
  windowNote: string
  amounts: { text: string; maxYuan: string }[]
}
export function policyFormOf(d: PolicyDetail): PolicyForm {
  return {
    summary: d.summary,
    effectiveTo: d.effectiveTo ?? '',
    windowFrom: d.applicationWindow?.from ?? '',
    windowTo: d.applicationWindow?.to ?? '',
    windowNote: d.applicationWindow?.note ?? '',
    amounts: d.amounts.map((a) => ({ text: a.text, maxYuan: a.maxYuan === undefined ? '' : String(a.maxYuan) })),
  }
}
const realDate = (s: string) => dayBound(s, false) !== null

/** The edited document as `policy.publish` takes it, or a message saying what to fix. */
export function policyDraftOf(
  d: PolicyDetail,
  rule: Condition,
  f: PolicyForm,
): { policy: PolicyInput } | { problem: string } {
  const summaryErr = textProblem(f.summary, '通俗摘要', 5, 300)
  if (summaryErr) return { problem: summaryErr }
  if (f.effectiveTo.trim() && !realDate(f.effectiveTo))
    return { problem: '有效期截止日期应为 YYYY-MM-DD 格式的真实日期（留空表示长期有效）' }
  if (f.effectiveTo.trim() && f.effectiveTo.trim() < d.effectiveFrom)
    return { problem: `有效期截止日期不能早于生效日期 ${d.effectiveFrom}` }
  const hasWindow = !!(f.windowFrom.trim() || f.windowTo.trim() || f.windowNote.trim())
  if (hasWindow) {
    if (!realDate(f.windowFrom))
      return { problem: '申请开始日期应为 YYYY-MM-DD 格式的真实日期（全年可申请则三项都留空）' }
    if (f.windowTo.trim() && !realDate(f.windowTo))
      return { problem: '申请截止日期应为 YYYY-MM-DD 格式的真实日期（留空表示不限）' }
    if (f.windowTo.trim() && f.windowTo.trim() < f.windowFrom.trim()) return { problem: '申请截止日期不能早于开始日期' }
    const noteErr = textProblem(f.windowNote, '申请期说明', 0, 120)
    if (noteErr) return { problem: noteErr }
  }
  if (f.amounts.length < 1) return { problem: '至少保留一项补贴标准' }
  if (f.amounts.length > 10) return { problem: '补贴标准最多10项' }
  const amounts: { text: string; maxYuan?: number }[] = []
  for (const [i, a] of f.amounts.entries()) {
    const e = textProblem(a.text, `第${i + 1}项补贴标准`, 2, 200)
    if (e) return { problem: e }
    const raw = a.maxYuan.trim()
    if (raw && !/^\d+(\.\d{1,2})?$/.test(raw)) return { problem: `第${i + 1}项的最高金额应为数字（元），可留空` }
    const n = raw ? Number(raw) : undefined
    if (n !== undefined && n > 10_000_000) return { problem: `第${i + 1}项的最高金额不能超过1000万元` }
    amounts.push({ text: a.text.trim(), ...(n !== undefined ? { maxYuan: n } : {}) })
  }
  return {
    policy: {
      id: d.id,
      title: d.title,
      category: d.category as PolicyInput['category'],
      level: d.level,
      summary: f.summary.trim(),
      audience: d.audience,
      effectiveFrom: d.effectiveFrom,
      effectiveTo: f.effectiveTo.trim() || null,
      applicationWindow: hasWindow
        ? {
            from: f.windowFrom.trim(),
            to: f.windowTo.trim() || null,
            ...(f.windowNote.trim() ? { note: f.windowNote.trim() } : {}),
          }
        : null,
      amounts,
      materials: d.materials,
      howToApply: d.howToApply,
      handledBy: d.handledBy,
      sources: d.sources.map(({ title, issuer, docNumber, note }) => ({
        title,
        issuer,
        docNumber,
        ...(note ? { note } : {}),
      })),
      rule,
    },
  }
}

/** Adds the partial answers of an impact run that continued with nextCursor. */
export function mergeImpact(a: ImpactAnswer | null, b: ImpactAnswer): ImpactAnswer {
  if (!a) return b
  const byCity = new Map(a.byCity.map((c) => [c.cityCode, { ...c }]))
  for (const c of b.byCity) {
    const prev = byCity.get(c.cityCode)
    if (prev) prev.count += c.count
    else byCity.set(c.cityCode, { ...c })
  }
  return {
    ...b,
    scanned: a.scanned + b.scanned,
    eligible: a.eligible + b.eligible,
    newlyEligible: a.newlyEligible + b.newlyEligible,
    noLongerEligible: a.noLongerEligible + b.noLongerEligible,
    byCity: [...byCity.values()].sort((x, y) => y.count - x.count),
  }
}

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
