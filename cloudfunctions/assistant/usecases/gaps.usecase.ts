/**
 * gaps: questions the assistant could not answer (handed off) or answered unhelpfully, grouped by their
 * words, the most asked first, for staff to answer with 「加入知识库」 (upsertFaq with fromGap).
 */
import type { InputOf } from '../../../shared/actions/define'
import type { assistantActions } from '../../../shared/actions/assistant'
import { decodeCursor, encodeCursor, pageSizeOf } from '../../_core/paging'
import type { ActionContext } from '../../_core/function'
import { type AskDoc, openGaps } from '../repositories/ask.repository'

const SCAN = 1000

interface Group {
  key: string
  question: string
  samples: string[]
  count: number
  handoff: number
  unhelpful: number
  lastAt: string
  lastAtMs: number
  citedBefore: { kind: string; id: string }[]
}

export function groupGaps(asks: readonly AskDoc[]): Group[] {
  const groups = new Map<string, Group>()
  for (const a of asks) {
    const g = groups.get(a.key) ?? {
      key: a.key,
      question: a.question,
      samples: [],
      count: 0,
      handoff: 0,
      unhelpful: 0,
      lastAt: a.at,
      lastAtMs: a.atMs,
      citedBefore: [],
    }
    g.count++
    if (a.gapReason === 'unhelpful') g.unhelpful++
    else g.handoff++
    if (g.samples.length < 3 && !g.samples.includes(a.question)) g.samples.push(a.question)
    if (a.atMs > g.lastAtMs) {
      g.lastAtMs = a.atMs
      g.lastAt = a.at
      g.question = a.question
    }
    for (const c of a.citations)
      if (!g.citedBefore.some((x) => x.kind === c.kind && x.id === c.id)) g.citedBefore.push(c)
    groups.set(a.key, g)
  }
  return [...groups.values()].sort((x, y) => y.count - x.count || y.lastAtMs - x.lastAtMs || x.key.localeCompare(y.key))
}

const isOffset = (v: unknown): v is { o: number } =>
  typeof v === 'object' && v !== null && Number.isInteger((v as { o: unknown }).o) && (v as { o: number }).o >= 0

export async function gaps(input: InputOf<typeof assistantActions, 'gaps'>, _ctx: ActionContext) {
  const size = pageSizeOf(input.pageSize)
  const from = decodeCursor(input.cursor, isOffset)?.o ?? 0
  const groups = groupGaps(await openGaps(SCAN, input.reason))
  const items = groups.slice(from, from + size).map(({ lastAtMs: _m, ...g }) => g)
  return {
    items,
    nextCursor: from + size < groups.length ? encodeCursor({ o: from + size }) : null,
    total: groups.length,
  }
}
