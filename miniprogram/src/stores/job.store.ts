/**
 * The job module's stores: the searchable list (filters + paged results), a posting's detail with favourite and
 * apply, my applications and favourites, nearby places, and the staff side.
 */
import { create } from 'zustand'
import type { Envelope, ErrorBody } from '@shared/errors'
import { createPagedListStore } from './pagedList'
import type { LoadStatus } from './user.store'
import {
  applyJob,
  closePosting,
  fetchFavorites,
  fetchJob,
  fetchJobApplications,
  fetchMyApplications,
  fetchMyPostings,
  fetchNearbyPlaces,
  fetchRecommendations,
  moveApplication,
  reportOutcome,
  revealApplicantContact,
  searchJobs,
  setContactConsent,
  setFavorite,
  type JobDetail,
  type JobListItem,
  type JobSearchFilter,
  type JobSearchPage,
  type MyApplicationItem,
  type PlaceItem,
  type StaffApplicationItem,
} from '@/services/job.service'

export type { JobListItem }

// ---- the 找工作 list
interface FilterState {
  /** What the resident chose; a sort only when they picked one (the function decides the default). */
  filter: JobSearchFilter
  setFilter: (patch: Partial<JobSearchFilter>) => void
  reset: () => void
}
export const useJobFilterStore = create<FilterState>()((set) => ({
  filter: {},
  setFilter: (patch) => set((s) => ({ filter: { ...s.filter, ...patch } })),
  reset: () => set({ filter: {} }),
}))

/** The results; `meta` holds what the keyword was understood as (`interpreted`) and the order applied (`sort`). */
export const useJobListStore = createPagedListStore<JobListItem, Omit<JobSearchPage, 'items' | 'nextCursor'>>(
  (cursor) => searchJobs({ ...useJobFilterStore.getState().filter, ...(cursor ? { cursor } : {}), pageSize: 20 }),
)

// ---- a posting
interface DetailState {
  detail: JobDetail | null
  status: LoadStatus
  error: ErrorBody | null
  applying: boolean
  /** 同意招聘方/经办人员联系我 for the next apply (off unless the resident turns it on). */
  contactConsent: boolean
  setContactConsent: (on: boolean) => void
  load: (id: string) => Promise<void>
  /** The answer's data is what to tell the resident (null: nothing was done, e.g. already applying). */
  apply: () => Promise<Envelope<string | null>>
  toggleFavorite: () => Promise<void>
}
export const useJobDetailStore = create<DetailState>()((set, get) => ({
  detail: null,
  status: 'idle',
  error: null,
  applying: false,
  contactConsent: false,
  setContactConsent: (on) => set({ contactConsent: on }),
  load: async (id) => {
    const same = get().detail?.id === id
    set({ status: same ? 'ready' : 'loading', error: null, ...(same ? {} : { contactConsent: false }) })
    const r = await fetchJob(id)
    if (r.ok) set({ detail: r.data, status: 'ready' })
    else set({ status: 'error', error: r.error })
  },
  apply: async () => {
    const d = get().detail
    if (!d || get().applying) return { ok: true, data: null }
    set({ applying: true })
    const r = await applyJob(d.id, get().contactConsent)
    set({ applying: false })
    if (!r.ok) return r
    set({ detail: { ...d, applicationStatus: r.data.status } })
    return { ok: true, data: '投递成功，可在“我的投递”查看进度' }
  },
  toggleFavorite: async () => {
    const d = get().detail
    if (!d) return
    const on = !d.favorited
    set({ detail: { ...d, favorited: on } })
    const r = await setFavorite(d.id, on)
    if (!r.ok) set({ detail: { ...d, favorited: !on } })
  },
}))

// ---- mine
export const useMyApplicationsStore = createPagedListStore((cursor) => fetchMyApplications(cursor))
export const answerFollowUp = async (applicationId: string, hired: boolean) => {
  const r = await reportOutcome(applicationId, hired)
  if (r.ok) {
    useMyApplicationsStore.setState((s) => ({ items: s.items.map((i) => (i.id === applicationId ? r.data : i)) }))
  }
  return r
}
/** The application whose consent is being saved (its switch shows it busy). */
export const useConsentSavingStore = create<{ savingId: string | null }>()(() => ({ savingId: null }))
/** 我的投递: give or withdraw 同意招聘方/经办人员联系我; the card shows the answer (or the previous state on failure). */
export const changeContactConsent = async (
  applicationId: string,
  consent: boolean,
): Promise<Envelope<MyApplicationItem>> => {
  useConsentSavingStore.setState({ savingId: applicationId })
  const r = await setContactConsent(applicationId, consent)
  useConsentSavingStore.setState({ savingId: null })
  if (r.ok) {
    useMyApplicationsStore.setState((s) => ({ items: s.items.map((i) => (i.id === applicationId ? r.data : i)) }))
  }
  return r
}
export const useFavoritesStore = createPagedListStore((cursor) => fetchFavorites(cursor))

// ---- recommended for me (the home page's 推荐岗位 shows the first few; its section keeps its own states)
export const HOME_RECOMMENDATIONS = 3
export const loadHomeRecommendations = () => fetchRecommendations(HOME_RECOMMENDATIONS)

// ---- nearby (15-minute employment service circle)
interface NearbyState {
  places: PlaceItem[]
  jobs: JobListItem[]
  center: { lat: number; lng: number } | null
  status: LoadStatus
  error: ErrorBody | null
  load: (center: { lat: number; lng: number }) => Promise<void>
}
export const useNearbyStore = create<NearbyState>()((set) => ({
  places: [],
  jobs: [],
  center: null,
  status: 'idle',
  error: null,
  load: async (center) => {
    set({ status: 'loading', center, error: null })
    const [p, j] = await Promise.all([
      fetchNearbyPlaces(center.lat, center.lng, 5),
      searchJobs({ near: { ...center, radiusKm: 3 }, sort: 'distance', pageSize: 20 }),
    ])
    if (!p.ok) return set({ status: 'error', error: p.error })
    set({ places: p.data.items, jobs: j.ok ? j.data.items : [], status: 'ready' })
  },
}))

// ---- staff
export const useMyPostingsStore = createPagedListStore((cursor) => fetchMyPostings(cursor))
/** One application's 查看完整号码: kept in memory only while the page is open, never stored on the phone. */
export type RevealState =
  { state: 'loading' } | { state: 'shown'; name: string; phone: string } | { state: 'error'; message: string }
interface StaffApplicationsState {
  jobId: string | null
  items: StaffApplicationItem[]
  status: LoadStatus
  error: ErrorBody | null
  reveals: Record<string, RevealState>
  load: (jobId: string) => Promise<void>
  /** The audited reveal of a consenting applicant's full number. */
  reveal: (applicationId: string) => Promise<void>
  /** Masks the number again (the page also forgets it when it loads another posting). */
  hide: (applicationId: string) => void
  /** The answer's data is what to tell the staff member. */
  move: (applicationId: string, status: 'viewed' | 'interview' | 'rejected' | 'hired') => Promise<Envelope<string>>
  close: (jobId: string) => Promise<Envelope<string>>
}
export const useStaffApplicationsStore = create<StaffApplicationsState>()((set, get) => ({
  jobId: null,
  items: [],
  status: 'idle',
  error: null,
  reveals: {},
  load: async (jobId) => {
    const same = get().jobId === jobId
    set({ jobId, status: same && get().items.length ? 'ready' : 'loading', error: null, reveals: {} })
    const r = await fetchJobApplications(jobId)
    if (r.ok) set({ items: r.data.items, status: 'ready' })
    else set({ status: 'error', error: r.error })
  },
  reveal: async (applicationId) => {
    if (get().reveals[applicationId]?.state === 'loading') return
    const put = (v: RevealState) => set((s) => ({ reveals: { ...s.reveals, [applicationId]: v } }))
    put({ state: 'loading' })
    const r = await revealApplicantContact(applicationId)
    if (r.ok) put({ state: 'shown', name: r.data.name, phone: r.data.phone })
    else put({ state: 'error', message: r.error.message })
  },
  hide: (applicationId) =>
    set((s) => {
      const { [applicationId]: _gone, ...rest } = s.reveals
      return { reveals: rest }
    }),
  move: async (applicationId, status) => {
    const r = await moveApplication(applicationId, status)
    if (!r.ok) return r
    set({ items: get().items.map((i) => (i.id === applicationId ? r.data : i)) })
    return { ok: true, data: `已更新为“${r.data.statusLabel}”，并已通知求职者` }
  },
  close: async (jobId) => {
    const r = await closePosting(jobId)
    return r.ok ? { ok: true, data: '岗位已关闭' } : r
  },
}))
