/**
 * 数据导入: the import page's state — the chosen kind and its template, the picked file, the running import
 * (polled every 2 s until done or failed) and its report; plus the list of past imports.
 */
import { create } from 'zustand'
import type { ErrorBody } from '@shared/errors'
import type { ImportKind } from '@shared/exchange/templates'
import { createPagedListStore } from './pagedList'
import type { LoadStatus } from './user.store'
import {
  fetchImports,
  fetchImportStatus,
  fetchTemplate,
  startImport,
  uploadImportFile,
  type ImportReport,
  type ImportSummary,
  type ImportTemplate,
  type PickedFile,
} from '@/services/exchange.service'

export const POLL_MS = 2000

interface ImportState {
  kind: ImportKind
  template: ImportTemplate | null
  templateStatus: LoadStatus
  file: PickedFile | null
  /** uploading → starting → polling */
  phase: 'idle' | 'uploading' | 'starting' | 'polling'
  report: ImportReport | null
  error: ErrorBody | null
  setKind: (k: ImportKind) => void
  loadTemplate: () => Promise<void>
  pick: (f: PickedFile | null) => void
  start: (dryRun: boolean) => Promise<void>
  poll: () => Promise<boolean>
  reset: () => void
}

let timer: ReturnType<typeof setTimeout> | null = null
const stopTimer = () => {
  if (timer) clearTimeout(timer)
  timer = null
}

export const useImportStore = create<ImportState>()((set, get) => ({
  kind: 'persons',
  template: null,
  templateStatus: 'idle',
  file: null,
  phase: 'idle',
  report: null,
  error: null,
  setKind: (kind) => {
    if (kind === get().kind) return
    stopTimer()
    set({ kind, template: null, templateStatus: 'idle', report: null, error: null, phase: 'idle' })
    void get().loadTemplate()
  },
  loadTemplate: async () => {
    const kind = get().kind
    set({ templateStatus: 'loading' })
    const res = await fetchTemplate(kind)
    if (get().kind !== kind) return
    set(res.ok ? { template: res.data, templateStatus: 'ready' } : { templateStatus: 'error', error: res.error })
  },
  pick: (file) => set({ file, error: null }),
  start: async (dryRun) => {
    const { file, kind } = get()
    if (!file) return set({ error: { code: 'VALIDATION_FAILED', message: '请先选择要导入的文件' } })
    stopTimer()
    set({ phase: 'uploading', error: null, report: null })
    const up = await uploadImportFile(file)
    if (!up.ok) return set({ phase: 'idle', error: up.error })
    set({ phase: 'starting' })
    const started = await startImport({ kind, fileID: up.data, dryRun })
    if (!started.ok) return set({ phase: 'idle', error: started.error })
    set({
      phase: 'polling',
      report: {
        jobId: started.data.jobId,
        kind,
        kindLabel: '',
        format: 'csv',
        state: 'queued',
        dryRun,
        total: 0,
        imported: 0,
        updated: 0,
        unchanged: 0,
        rejected: 0,
        progress: 0,
        createdAt: '',
        finishedAt: null,
        errors: [],
        unknownColumns: [],
      },
    })
    void get().poll()
  },
  poll: async () => {
    const jobId = get().report?.jobId
    if (!jobId) return false
    const res = await fetchImportStatus(jobId)
    if (get().report?.jobId !== jobId) return false
    if (!res.ok) {
      set({ error: res.error })
    } else {
      set({ report: res.data, error: null })
      if (res.data.state === 'done' || res.data.state === 'failed') {
        set({ phase: 'idle' })
        return true
      }
    }
    stopTimer()
    timer = setTimeout(() => void get().poll(), POLL_MS)
    return false
  },
  reset: () => {
    stopTimer()
    set({ file: null, report: null, error: null, phase: 'idle' })
  },
}))

export const stopImportPolling = stopTimer

export const useImportsList = createPagedListStore<ImportSummary>((cursor) => fetchImports(cursor))
