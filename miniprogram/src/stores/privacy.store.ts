/** Privacy state: the guide, whether the current version still needs consent, and my data requests. */
import { create } from 'zustand'
import type { ErrorBody } from '@shared/errors'
import {
  consentTo,
  exportMyData,
  fetchGuide,
  fetchMyRequests,
  fetchPrivacyStatus,
  requestCorrection,
  requestDeletion,
  type PrivacyGuide,
  type PrivacyRequest,
  type PrivacyStatus,
} from '@/services/privacy.service'

interface PrivacyState {
  guide: PrivacyGuide | null
  status: PrivacyStatus | null
  requests: PrivacyRequest[]
  loading: boolean
  error: ErrorBody | null
  notice: string | null
  exportSummary: { label: string; count: number }[] | null
  exportJson: string | null
  loadGuide: () => Promise<void>
  loadStatus: () => Promise<void>
  consent: () => Promise<boolean>
  loadRequests: () => Promise<void>
  exportData: () => Promise<void>
  askCorrection: (field: string, value: string, reason?: string) => Promise<boolean>
  askDeletion: (reason?: string) => Promise<boolean>
}

const SECTIONS: [string, string][] = [
  ['applications', '求职申请'],
  ['favorites', '收藏的岗位'],
  ['trainingSignups', '培训报名'],
  ['trainingRecords', '培训记录'],
  ['feedback', '反馈与投诉'],
  ['messages', '消息'],
  ['subscriptionConsents', '订阅授权'],
  ['policyMatches', '政策匹配'],
  ['visits', '走访记录'],
]

export const usePrivacyStore = create<PrivacyState>()((set, get) => ({
  guide: null,
  status: null,
  requests: [],
  loading: false,
  error: null,
  notice: null,
  exportSummary: null,
  exportJson: null,
  loadGuide: async () => {
    set({ loading: !get().guide, error: null })
    const res = await fetchGuide()
    set(res.ok ? { guide: res.data, loading: false } : { error: res.error, loading: false })
  },
  loadStatus: async () => {
    const res = await fetchPrivacyStatus()
    if (res.ok) set({ status: res.data })
  },
  consent: async () => {
    const version = get().guide?.version ?? get().status?.currentVersion
    if (!version) return false
    const res = await consentTo(version)
    if (res.ok)
      set({
        status: {
          currentVersion: version,
          consentedVersion: version,
          consentedAt: res.data.consentedAt,
          needsConsent: false,
        },
        notice: '已同意隐私保护指引',
      })
    else set({ notice: res.error.message })
    return res.ok
  },
  loadRequests: async () => {
    const res = await fetchMyRequests()
    if (res.ok) set({ requests: res.data.items })
    else set({ error: res.error })
  },
  exportData: async () => {
    set({ loading: true, notice: null })
    const res = await exportMyData()
    if (!res.ok) return set({ loading: false, notice: res.error.message })
    const data = res.data
    const exportSummary = SECTIONS.map(([k, label]) => ({
      label,
      count: Array.isArray(data[k]) ? (data[k] as unknown[]).length : 0,
    }))
    set({ loading: false, exportSummary, exportJson: JSON.stringify(data, null, 2), notice: '数据已导出，可复制保存' })
  },
  askCorrection: async (field, value, reason) => {
    const res = await requestCorrection(field, value, reason)
    set({ notice: res.ok ? '更正申请已提交，办理结果会通过消息告诉你' : res.error.message })
    if (res.ok) await get().loadRequests()
    return res.ok
  },
  askDeletion: async (reason) => {
    const res = await requestDeletion(reason)
    set({ notice: res.ok ? '注销申请已提交，工作人员核实后办理' : res.error.message })
    if (res.ok) await get().loadRequests()
    return res.ok
  },
}))
