/** What the exchange function answers (docs/api.md ## exchange), shared by the function and the mini-program. Pure. */
import type { Page } from '../actions/common'
import type { ImportKind } from './templates'

export type ImportState = 'queued' | 'running' | 'done' | 'failed'

export interface ImportSummary {
  jobId: string
  kind: ImportKind
  kindLabel: string
  format: 'csv' | 'xlsx'
  state: ImportState
  dryRun: boolean
  total: number
  imported: number
  updated: number
  unchanged: number
  rejected: number
  progress: number | null
  createdAt: string
  finishedAt: string | null
}
export interface ImportReport extends ImportSummary {
  errors: { row: number; column: string; message: string }[]
  unknownColumns: string[]
  errorsFileID?: string
  errorsFileURL?: string | null
}
export interface ImportTemplate {
  kind: ImportKind
  title: string
  naturalKey: string
  csv: string
  columns: { header: string; required: boolean; example: string; note: string }[]
}
export interface ExportAnswer {
  fileID: string
  rows: number
  url: string | null
}

/** What each `exchange` action answers: the client's `ActionOutputs` extends it and the function's index.ts is held to it. */
export interface ExchangeActionOutputs {
  'exchange.importStart': { jobId: string }
  'exchange.importStatus': ImportReport
  'exchange.imports': Page<ImportSummary>
  'exchange.template': ImportTemplate
  'exchange.export': ExportAnswer
}
