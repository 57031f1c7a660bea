import type { z } from 'zod'
import type { trainingActions } from '../../../shared/actions/training'
import type { Page } from '../../../shared/actions/common'
import { boundingBox, distanceKm } from '../../../shared/geo'
import type { ActionContext } from '../../_core/function'
import { decodeCursor, encodeCursor, pageSizeOf } from '../../_core/paging'
import { findCourses, findCoursesNear, type CourseFilter } from '../repositories/course.repository'
import { courseView, type CourseView } from '../helpers/courseView'

type Input = z.output<typeof trainingActions.actions.search.input>

const isKey = (v: unknown): v is { s: number; i: string } =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as { s: unknown }).s === 'number' &&
  typeof (v as { i: unknown }).i === 'string'
const isOffset = (v: unknown): v is { o: number } =>
  typeof v === 'object' && v !== null && Number.isInteger((v as { o: unknown }).o) && (v as { o: number }).o >= 0

/** Catalogue search; with `near` it is the training map: offline courses within the radius, nearest first. */
export async function searchCourses(input: Input, ctx: ActionContext): Promise<Page<CourseView>> {
  const now = ctx.now().getTime()
  const size = pageSizeOf(input.pageSize)
  const filter: CourseFilter = {
    cityCode: input.cityCode,
    districtCode: input.districtCode,
    occupationCode: input.occupationCode,
    level: input.level,
    mode: input.near ? 'offline' : input.mode,
    hasSubsidy: input.hasSubsidy,
    keyword: input.keyword || undefined,
    startFromMs: now,
    startToMs: input.startsWithinDays ? now + input.startsWithinDays * 86400_000 : undefined,
  }

  if (input.near) {
    const { lat, lng, radiusKm } = input.near
    const offset = decodeCursor(input.cursor, isOffset)?.o ?? 0
    const all = (await findCoursesNear({ ...filter, bbox: boundingBox({ lat, lng }, radiusKm) }))
      .filter((c) => c.lat !== null && c.lng !== null)
      .map((c) => ({ c, d: distanceKm({ lat, lng }, { lat: c.lat as number, lng: c.lng as number }) }))
      .filter((x) => x.d <= radiusKm)
      .sort((a, b) => a.d - b.d || (a.c._id < b.c._id ? -1 : 1))
    const slice = all.slice(offset, offset + size)
    return {
      items: slice.map((x) => ({ ...courseView(x.c), distanceKm: Math.round(x.d * 100) / 100 })),
      nextCursor: offset + size < all.length ? encodeCursor({ o: offset + size }) : null,
    }
  }

  const after = decodeCursor(input.cursor, isKey)
  const rows = await findCourses(filter, after ? { startAtMs: after.s, id: after.i } : null, size + 1)
  const page = rows.slice(0, size)
  const last = page[page.length - 1]
  return {
    items: page.map(courseView),
    nextCursor: rows.length > size && last ? encodeCursor({ s: last.startAtMs, i: last._id }) : null,
  }
}
