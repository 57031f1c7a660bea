/**
 * The dashboard's hand-built charts (docs/adr/0011-monitor-charts.md): plain Views placed by percentages, so the
 * same code renders in weapp and H5, scales with 长辈版, is tappable and carries aria labels. This file holds
 * the pure geometry; the components beside it draw it.
 */

export interface Point {
  x: number
  y: number
}

/** Chart area aspect ratio (height / width) of the trend line. */
export const TREND_ASPECT = 0.42

/** Points of a series in [0, 100] × [0, 100] (y up), nulls skipped; the scale starts at 0. */
export function linePoints(values: readonly (number | null)[]): { points: (Point | null)[]; max: number } {
  const known = values.filter((v): v is number => v !== null)
  const max = Math.max(0, ...known)
  const n = values.length
  return {
    max,
    points: values.map((v, i) =>
      v === null ? null : { x: n <= 1 ? 50 : (i / (n - 1)) * 100, y: max === 0 ? 0 : (v / max) * 100 },
    ),
  }
}

/** A segment between two points as a rotated bar: left/top in %, length in % of the width, angle in degrees. */
export function segment(
  a: Point,
  b: Point,
  aspect = TREND_ASPECT,
): { left: number; top: number; length: number; angle: number } {
  const dx = b.x - a.x
  const dy = (a.y - b.y) * aspect // screen y grows downwards; in width units
  return {
    left: a.x,
    top: 100 - a.y,
    length: Math.sqrt(dx * dx + dy * dy),
    angle: (Math.atan2(dy, dx) * 180) / Math.PI,
  }
}

export interface Tile {
  code: string
  col: number
  row: number
}

/**
 * A tile map: each region a cell of a cols × rows grid placed by its centroid (lng → column, lat → row, north at
 * the top); a region whose cell is taken moves to the nearest free cell. Regions without a centroid follow the placed
 * ones in the order given (overview lists children by code).
 */
export function tileLayout(
  regions: readonly { code: string; lat: number | null; lng: number | null }[],
  cols: number,
): { tiles: Tile[]; rows: number } {
  const placed = regions.filter((r) => r.lat !== null && r.lng !== null) as { code: string; lat: number; lng: number }[]
  const rest = regions.filter((r) => r.lat === null || r.lng === null)
  const rows = Math.max(1, Math.ceil(regions.length / cols) + 1)
  const taken = new Set<string>()
  const tiles: Tile[] = []
  if (placed.length) {
    const lats = placed.map((r) => r.lat)
    const lngs = placed.map((r) => r.lng)
    const [minLat, maxLat, minLng, maxLng] = [
      Math.min(...lats),
      Math.max(...lats),
      Math.min(...lngs),
      Math.max(...lngs),
    ]
    const norm = (v: number, lo: number, hi: number) => (hi === lo ? 0.5 : (v - lo) / (hi - lo))
    for (const r of [...placed].sort((a, b) => a.code.localeCompare(b.code))) {
      const want = {
        col: Math.round(norm(r.lng, minLng, maxLng) * (cols - 1)),
        row: Math.round((1 - norm(r.lat, minLat, maxLat)) * (rows - 1)),
      }
      let best: Tile | null = null
      let bestD = Number.POSITIVE_INFINITY
      for (let row = 0; row < rows + 4; row++) {
        for (let col = 0; col < cols; col++) {
          if (taken.has(`${col},${row}`)) continue
          const d = (col - want.col) ** 2 + (row - want.row) ** 2
          if (d < bestD) {
            bestD = d
            best = { code: r.code, col, row }
          }
        }
      }
      if (best) {
        taken.add(`${best.col},${best.row}`)
        tiles.push(best)
      }
    }
  }
  let i = 0
  const maxRow = tiles.reduce((m, t) => Math.max(m, t.row), -1)
  for (const r of rest) {
    tiles.push({ code: r.code, col: i % cols, row: maxRow + 1 + Math.floor(i / cols) })
    i++
  }
  return { tiles, rows: tiles.reduce((m, t) => Math.max(m, t.row + 1), 1) }
}

/** Legend classes of 求人倍率 (supply and demand): below 0.8 岗位偏少 … above 1.5 岗位充足. */
export const RATIO_CLASSES: { max: number; label: string; className: string }[] = [
  { max: 0.5, label: '＜0.5', className: 'zj-mon-shade--0' },
  { max: 0.8, label: '0.5–0.8', className: 'zj-mon-shade--1' },
  { max: 1.2, label: '0.8–1.2', className: 'zj-mon-shade--2' },
  { max: 1.5, label: '1.2–1.5', className: 'zj-mon-shade--3' },
  { max: Number.POSITIVE_INFINITY, label: '≥1.5', className: 'zj-mon-shade--4' },
]
export const shadeOf = (ratio: number | null): string =>
  ratio === null
    ? 'zj-mon-shade--none'
    : (RATIO_CLASSES.find((c) => ratio < c.max) ?? RATIO_CLASSES[RATIO_CLASSES.length - 1]).className
