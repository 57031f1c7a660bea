/** outreach.myList: the grid worker's visit list, most urgent first, paged; ID and phone numbers masked. */
import type { Page } from '../../../shared/actions/common'
import type { InputOf } from '../../../shared/actions/define'
import type { outreachActions } from '../../../shared/actions/outreach'
import { maskIdNumber, maskPhone } from '../../../shared/mask'
import { compareEntries, type ListEntry } from '../../../shared/outreach/listRules'
import type { OutreachListItem } from '../../../shared/outreach/types'
import { type ActionContext, requireCaller } from '../../_core/function'
import { decodeCursor, encodeCursor, pageSizeOf } from '../../_core/paging'
import { loadGridEntries } from '../services/gridEntries.service'
import { scopeGrids } from '../services/gridScope.service'
import type { PersonRecord } from '../repositories/person.repository'
import type { VisitSummary } from '../repositories/visit.repository'
import { toIsoCst } from '../../../shared/calendar/chinaTime'

type Input = InputOf<typeof outreachActions, 'myList'>
type CursorKey = [number, number, string]

const isKey = (v: unknown): v is CursorKey =>
  Array.isArray(v) && v.length === 3 && typeof v[0] === 'number' && typeof v[1] === 'number' && typeof v[2] === 'string'

function ageOn(birthDate: string | undefined, nowMs: number): number | null {
  if (!birthDate || !/^\d{4}-\d{2}-\d{2}/.test(birthDate)) return null
  const now = toIsoCst(nowMs)
  const y = Number(now.slice(0, 4)) - Number(birthDate.slice(0, 4))
  return now.slice(5, 10) < birthDate.slice(5, 10) ? y - 1 : y
}

export function toListItem(
  e: ListEntry,
  p: PersonRecord,
  last: VisitSummary | undefined,
  nowMs: number,
): OutreachListItem {
  return {
    personId: p._id,
    name: p.name,
    sex: p.sex ?? null,
    age: ageOn(p.birthDate, nowMs),
    idNumber: maskIdNumber(p.idNumber),
    phone: maskPhone(p.phone),
    gridCode: p.gridCode,
    residenceRegion: p.residenceRegion ?? null,
    streetCode: p.streetCode ?? null,
    employmentStatus: p.employmentStatus,
    keyGroups: p.keyGroups ?? [],
    priority: e.priority,
    level: e.level,
    reasons: e.reasons,
    startAt: toIsoCst(e.startMs),
    dueAt: toIsoCst(e.dueMs),
    stage: e.stage,
    stageText: e.stageText,
    escalatedTo: e.escalatedTo,
    taskIds: e.taskIds,
    lastVisit: last ? { visitedAt: last.visitedAt, outcome: last.outcome, byStaff: true } : null,
  }
}

export async function myList(input: Input, ctx: ActionContext): Promise<Page<OutreachListItem>> {
  const caller = requireCaller(ctx)
  const after = decodeCursor(input.cursor, isKey)
  const grids = await scopeGrids(caller, input.gridCode)
  const nowMs = ctx.now().getTime()
  const { entries, persons, lastVisit } = await loadGridEntries(grids, nowMs)
  const size = pageSizeOf(input.pageSize)
  const rest = after
    ? entries.filter(
        (e) => compareEntries(e, { priority: after[0], dueMs: after[1], personId: after[2] } as ListEntry) > 0,
      )
    : entries
  const page = rest.slice(0, size)
  const items = page.map((e) => toListItem(e, persons.get(e.personId)!, lastVisit.get(e.personId), nowMs))
  const lastEntry = page[page.length - 1]
  return {
    items,
    nextCursor:
      rest.length > size && lastEntry ? encodeCursor([lastEntry.priority, lastEntry.dueMs, lastEntry.personId]) : null,
  }
}
