/** The `places` collection: employment service stations and gig markets (零工市场). */
import { db } from '../../_core/app'
import type { PlaceDoc } from '../../../shared/job/types'

export async function findPlacesInBox(
  box: { minLat: number; maxLat: number; minLng: number; maxLng: number },
  kind?: string,
): Promise<PlaceDoc[]> {
  const _ = db().command
  const c: object[] = [
    { lat: _.gte(box.minLat).and(_.lte(box.maxLat)) },
    { lng: _.gte(box.minLng).and(_.lte(box.maxLng)) },
  ]
  if (kind) c.push({ kind })
  const res = await db().collection('places').where(_.and(c)).limit(1000).get()
  return res.data as PlaceDoc[]
}
