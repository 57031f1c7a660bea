/**
 * The pure maths of a windowed list (hooks/useVisibleWindow.ts): which of `count` fixed-height items lie within
 * `marginPx` of the viewport, and how tall the two spacers standing in for the others must be. No Taro, no React,
 * so it is unit-tested on its own (tests/unit/visibleRange.test.ts).
 */

/** Taro's design width: 750 design px = the window's width. */
export const DESIGN_WIDTH = 750
/** The bottom margin of a list card (`.zj-card`: $zj-space-2), part of every item's pitch. */
export const CARD_GAP_DESIGN_PX = 16

export interface VisibleRange {
  /** Index of the first rendered item. */
  first: number
  /** One past the last rendered item. */
  last: number
  /** Height in px of the spacer above the rendered items (stands in for items [0, first)). */
  before: number
  /** Height in px of the spacer below them (items [last, count)). */
  after: number
}

export interface RangeInput {
  count: number
  /** An item's pitch in px (its height plus the gap to the next one). */
  itemPx: number
  /** The page's scroll position in px. */
  scrollTop: number
  /** The window's height in px. */
  viewportPx: number
  /** How far above and below the viewport items are still rendered, in px. */
  marginPx: number
  /** Where the list starts on the page, in px (what is above it: search bar, filters…). */
  listTopPx?: number
  /**
   * The window's edges move in steps of this many items, so scrolling by less than that changes nothing (no
   * render, no data update). Default 1.
   */
  chunk?: number
}

/** px of `designPx` on a window `windowWidth` px wide. */
export function designToPx(designPx: number, windowWidth: number): number {
  return (designPx * windowWidth) / DESIGN_WIDTH
}

export function visibleRange({
  count,
  itemPx,
  scrollTop,
  viewportPx,
  marginPx,
  listTopPx = 0,
  chunk = 1,
}: RangeInput): VisibleRange {
  const n = Math.max(0, Math.floor(count))
  if (n === 0) return { first: 0, last: 0, before: 0, after: 0 }
  if (!(itemPx > 0) || !Number.isFinite(itemPx)) return { first: 0, last: n, before: 0, after: 0 }
  const step = Math.max(1, Math.floor(chunk))
  // a position past the list's end (content below it, a stale event after the list shrank) shows its last screen
  const y = Math.min(
    Math.max(0, (Number.isFinite(scrollTop) ? scrollTop : 0) - listTopPx),
    Math.max(0, n * itemPx - viewportPx),
  )
  const top = Math.floor((y - marginPx) / itemPx)
  const bottom = Math.ceil((y + viewportPx + marginPx) / itemPx)
  const first = Math.min(n, Math.max(0, Math.floor(top / step) * step))
  const last = Math.max(first, Math.min(n, Math.ceil(bottom / step) * step))
  return { first, last, before: first * itemPx, after: (n - last) * itemPx }
}

/** Two ranges render the same items. */
export function sameRange(a: VisibleRange, b: VisibleRange): boolean {
  return a.first === b.first && a.last === b.last
}
