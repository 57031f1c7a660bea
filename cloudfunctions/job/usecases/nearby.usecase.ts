/** Service stations and gig markets (零工市场) within a radius, nearest first: the 15-minute service circle. */
import type { Page } from '../../../shared/actions/common'
import { boundingBox, distanceKm, formatDistance } from '../../../shared/geo'
import { PLACE_KIND_LABELS, type PlaceDoc } from '../../../shared/job/types'
import type { ActionContext } from '../../_core/function'
import { decodeCursor, encodeCursor, pageSizeOf } from '../../_core/paging'
import { findPlacesInBox } from '../repositories/place.repository'
import type { PlaceItem } from '../../../shared/job/views'

const DEFAULT_RADIUS_KM = 5

const isCursor = (v: unknown): v is { k: number; id: string } =>
  !!v && typeof (v as { k: number }).k === 'number' && typeof (v as { id: string }).id === 'string'

export async function nearbyPlaces(
  input: { lat: number; lng: number; radiusKm?: number; kind?: PlaceDoc['kind']; cursor?: string; pageSize?: number },
  _ctx: ActionContext,
): Promise<Page<PlaceItem>> {
  const center = { lat: input.lat, lng: input.lng }
  const radius = input.radiusKm ?? DEFAULT_RADIUS_KM
  const size = pageSizeOf(input.pageSize)
  const after = decodeCursor(input.cursor, isCursor)
  const ranked = (await findPlacesInBox(boundingBox(center, radius), input.kind))
    .map((p) => ({ p, km: distanceKm(center, p) }))
    .filter((x) => x.km <= radius)
    .sort((a, b) => a.km - b.km || (a.p._id < b.p._id ? -1 : 1))
  const start = after ? ranked.findIndex((x) => x.km > after.k || (x.km === after.k && x.p._id > after.id)) : 0
  const slice = start < 0 ? [] : ranked.slice(start, start + size + 1)
  const page = slice.slice(0, size)
  const last = page[page.length - 1]
  return {
    items: page.map(({ p, km }) => ({
      id: p._id,
      kind: p.kind,
      kindLabel: PLACE_KIND_LABELS[p.kind],
      name: p.name,
      address: p.address,
      districtCode: p.districtCode,
      lat: p.lat,
      lng: p.lng,
      phone: p.phone,
      openHours: p.openHours,
      services: p.services,
      distanceKm: Math.round(km * 100) / 100,
      distanceText: formatDistance(km),
    })),
    nextCursor: slice.length > size && last ? encodeCursor({ k: last.km, id: last.p._id }) : null,
  }
}
