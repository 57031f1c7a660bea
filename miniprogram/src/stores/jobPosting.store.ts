/**
 * 发布岗位 (staff): the posting form in store state and its submit. The form is turned into `job.post`'s input here
 * (the backend validates it with the shared schema); the request id is kept until a post succeeds, so a retry
 * after a timeout or an error answers with the first result instead of posting the job twice.
 */
import { create } from 'zustand'
import type { Envelope } from '@shared/errors'
import { OCCUPATIONS } from '@shared/occupations/occupations'
import { newRequestId } from '@/services/cloud'
import { postJob, type PostingDraft } from '@/services/job.service'

export const SALARY_UNITS = [
  { key: 'month', label: '元/月' },
  { key: 'day', label: '元/天' },
  { key: 'hour', label: '元/小时' },
] as const
export const JOB_TYPES = [
  { key: 'fullTime', label: '全职' },
  { key: 'partTime', label: '兼职' },
  { key: 'gig', label: '零工' },
] as const

/** What the staff member typed; `occupation`, `unit` and `type` are picker indexes. */
export interface PostingForm {
  title: string
  employerName: string
  occupation: number
  districtCode: string
  address: string
  lat: string
  lng: string
  salaryMin: string
  salaryMax: string
  unit: number
  type: number
  skills: string
  headcount: string
  contactName: string
  contactPhone: string
  description: string
}

const EMPTY_FORM: PostingForm = {
  title: '',
  employerName: '',
  occupation: 0,
  districtCode: '370102',
  address: '',
  lat: '36.6702',
  lng: '117.0768',
  salaryMin: '',
  salaryMax: '',
  unit: 0,
  type: 0,
  skills: '',
  headcount: '1',
  contactName: '',
  contactPhone: '',
  description: '',
}

export const postingDraftOf = (f: PostingForm): PostingDraft => ({
  title: f.title.trim(),
  employerName: f.employerName.trim(),
  occupationCode: OCCUPATIONS[Number(f.occupation)].code,
  districtCode: f.districtCode.trim(),
  address: f.address.trim(),
  lat: Number(f.lat),
  lng: Number(f.lng),
  salaryMin: Number(f.salaryMin),
  salaryMax: Number(f.salaryMax),
  salaryUnit: SALARY_UNITS[Number(f.unit)].key,
  jobType: JOB_TYPES[Number(f.type)].key,
  skills: f.skills
    .split(/[，,、\s]+/)
    .map((s) => s.trim())
    .filter(Boolean),
  headcount: Number(f.headcount) || 1,
  contactName: f.contactName.trim(),
  contactPhone: f.contactPhone.trim(),
  description: f.description.trim() || undefined,
})

interface JobPostingState {
  form: PostingForm
  saving: boolean
  requestId: string | null
  setField: <K extends keyof PostingForm>(key: K, value: PostingForm[K]) => void
  /** A fresh form (on opening the page). */
  reset: () => void
  submit: () => Promise<Envelope<{ id: string }>>
}

export const useJobPostingStore = create<JobPostingState>()((set, get) => ({
  form: EMPTY_FORM,
  saving: false,
  requestId: null,
  setField: (key, value) => set({ form: { ...get().form, [key]: value } }),
  reset: () => set({ form: EMPTY_FORM, saving: false, requestId: null }),
  submit: async () => {
    const requestId = get().requestId ?? newRequestId('jp')
    set({ saving: true, requestId })
    const r = await postJob(postingDraftOf(get().form), requestId)
    set({ saving: false, ...(r.ok ? { requestId: null } : {}) })
    return r
  },
}))
