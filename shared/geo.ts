/** Geography helpers shared by jobs, training and service points. Pure. */
export interface LatLng {
  lat: number
  lng: number
}

const R_KM = 6371.0088

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLng = (b.lng - a.lng) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2
  return 2 * R_KM * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** A latitude/longitude box that contains the circle (for an indexed pre-filter before exact distance). */
export function boundingBox(
  c: LatLng,
  radiusKm: number,
): { minLat: number; maxLat: number; minLng: number; maxLng: number } {
  const dLat = radiusKm / 111.32
  const dLng = radiusKm / (111.32 * Math.max(0.01, Math.cos((c.lat * Math.PI) / 180)))
  return { minLat: c.lat - dLat, maxLat: c.lat + dLat, minLng: c.lng - dLng, maxLng: c.lng + dLng }
}

/** "850米" / "3.2公里" */
export function formatDistance(km: number): string {
  return km < 1 ? `${Math.round(km * 1000)}米` : `${km.toFixed(km < 10 ? 1 : 0)}公里`
}
