/** 我的简历: the résumé built on the server from the profile, and the person's edits of it. */
import { create } from 'zustand'
import type { ErrorBody } from '@shared/errors'
import { fetchResume, saveResume, type ResumePatch, type ResumeView } from '@/services/user.service'

interface ResumeState {
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: ErrorBody | null
  view: ResumeView | null
  saving: boolean
  load: () => Promise<void>
  save: (patch: ResumePatch) => Promise<ErrorBody | null>
}

export const useResumeStore = create<ResumeState>()((set, get) => ({
  status: 'idle',
  error: null,
  view: null,
  saving: false,
  load: async () => {
    set({ status: get().view ? 'ready' : 'loading', error: null })
    const res = await fetchResume()
    set(res.ok ? { status: 'ready', view: res.data } : { status: 'error', error: res.error })
  },
  save: async (patch) => {
    set({ saving: true })
    const res = await saveResume(patch)
    set(res.ok ? { saving: false, view: res.data } : { saving: false })
    return res.ok ? null : res.error
  },
}))
