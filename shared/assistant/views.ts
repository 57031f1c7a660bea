/** What the assistant function answers (docs/api.md ## assistant), shared by the function and the mini-program. Pure. */
import type { Page } from '../actions/common'
import type { Answer } from './answer'

export interface AskAnswer {
  askId: string
  answers: Answer[]
  confidence: number
  handoff: boolean
}
export interface GapGroup {
  key: string
  question: string
  samples: string[]
  count: number
  handoff: number
  unhelpful: number
  lastAt: string
  citedBefore: { kind: string; id: string }[]
}
export interface FaqItem {
  id: string
  question: string
  answer: string
  keywords: string[]
  ref: { kind: 'policy' | 'guide'; id: string } | null
  active: boolean
  updatedAt: string
}

/** What each `assistant` action answers: the client's `ActionOutputs` extends it and the function's index.ts is held to it. */
export interface AssistantActionOutputs {
  'assistant.ask': AskAnswer
  'assistant.rate': { askId: string; helpful: boolean }
  'assistant.gaps': Page<GapGroup> & { total: number }
  'assistant.faqs': Page<FaqItem>
  'assistant.upsertFaq': { id: string; created: boolean; active: boolean; resolvedGaps: number; updatedAt: string }
}
