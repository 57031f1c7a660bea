/** The training module's stores: the catalogue with its filter, one course, my signups and my record. */
import { create } from 'zustand'
import type { ErrorBody } from '@shared/errors'
import type { CourseDetail, CourseView, MySignup, TrainingRecordView } from '@shared/training/views'
import { createPagedListStore } from './pagedList'
import { personalDataChanged } from './user.store'
import {
  cancelSignup,
  fetchCourse,
  fetchMyRecords,
  fetchMySignups,
  searchCourses,
  signupCourse,
  type CourseFilter,
} from '@/services/training.service'

interface CatalogueFilterState {
  filter: CourseFilter
  setFilter: (patch: Partial<CourseFilter>) => void
}
export const useCourseFilterStore = create<CatalogueFilterState>()((set) => ({
  filter: {},
  setFilter: (patch) => set((s) => ({ filter: { ...s.filter, ...patch } })),
}))

export const useCourseListStore = createPagedListStore<CourseView>((cursor) =>
  searchCourses(useCourseFilterStore.getState().filter, cursor),
)
export const useMySignupsStore = createPagedListStore<MySignup>((cursor) => fetchMySignups(cursor))
export const useMyRecordsStore = createPagedListStore<TrainingRecordView>((cursor) => fetchMyRecords(cursor))

interface CourseState {
  course: CourseDetail | null
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: ErrorBody | null
  busy: boolean
  /** Chinese outcome of the last signup/cancel, shown as a toast. */
  notice: string | null
  load: (id: string) => Promise<void>
  signup: () => Promise<boolean>
  cancel: () => Promise<boolean>
}

export const useCourseStore = create<CourseState>()((set, get) => ({
  course: null,
  status: 'idle',
  error: null,
  busy: false,
  notice: null,
  load: async (id) => {
    set({ status: get().course?.id === id ? 'ready' : 'loading', error: null })
    const res = await fetchCourse(id)
    if (res.ok) set({ course: res.data, status: 'ready' })
    else set({ status: 'error', error: res.error })
  },
  signup: async () => {
    const c = get().course
    if (!c || get().busy) return false
    set({ busy: true, notice: null })
    const res = await signupCourse(c.id)
    if (!res.ok) {
      set({ busy: false, notice: res.error.message })
      return false
    }
    const notice =
      res.data.status === 'waitlisted' ? `名额已满，已为你候补（第${res.data.waitlistPosition}位）` : '报名成功'
    set({ busy: false, notice })
    await get().load(c.id)
    void useMySignupsStore.getState().refresh()
    personalDataChanged()
    return true
  },
  cancel: async () => {
    const c = get().course
    if (!c || get().busy) return false
    set({ busy: true, notice: null })
    const res = await cancelSignup(c.id)
    set({ busy: false, notice: res.ok ? '已取消报名' : res.error.message })
    if (res.ok) {
      await get().load(c.id)
      void useMySignupsStore.getState().refresh()
      personalDataChanged()
    }
    return res.ok
  },
}))
