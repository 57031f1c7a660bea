/**
 * Renders only the cards near the viewport of a long list (找工作, 走访名单, 反馈待办): fixed-height cards, the
 * page's scroll position, two screens of margin above and below. The items outside are replaced by two spacers
 * (`before` / `after` px high), so a list of thousands stays smooth and every data update stays small:
 *
 *   const win = useVisibleWindow(items.length, largeFont ? 312 : 232, 200)
 *   <View style={{ height: `${win.before}px` }} />
 *   {items.slice(win.first, win.last).map(…)}
 *   <View style={{ height: `${win.after}px` }} />
 *
 * `itemDesignPx` is the card's fixed height in design px (its scss, per 长辈版 or not; the 16 design px card gap is
 * added here); `listTopPx` is roughly where the list starts on the page. The page re-renders only when the window
 * moves by a few cards, not on every scroll event. The maths is hooks/visibleRange.ts.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import Taro, { usePageScroll } from '@tarojs/taro'
import { CARD_GAP_DESIGN_PX, designToPx, sameRange, visibleRange, type VisibleRange } from './visibleRange'

/** The window's edges move in steps of this many cards. */
const CHUNK = 4

function windowSize(): { windowWidth: number; windowHeight: number } {
  try {
    const info = Taro.getSystemInfoSync()
    return { windowWidth: info.windowWidth || 375, windowHeight: info.windowHeight || 667 }
  } catch {
    return { windowWidth: 375, windowHeight: 667 }
  }
}

/** The window, and where the page really is (e.g. to come back to it after a form opened at the top). */
export type VisibleWindow = VisibleRange & { scrollTop: () => number }

export function useVisibleWindow(count: number, itemDesignPx: number, listTopPx = 0): VisibleWindow {
  const { windowWidth, windowHeight } = useMemo(windowSize, [])
  const itemPx = designToPx(itemDesignPx + CARD_GAP_DESIGN_PX, windowWidth)
  const rangeAt = (scrollTop: number) =>
    visibleRange({
      count,
      itemPx,
      scrollTop,
      viewportPx: windowHeight,
      marginPx: 2 * windowHeight,
      listTopPx,
      chunk: CHUNK,
    })
  // `shownTop` is the position the rendered window was computed for; `realTop` follows every scroll event
  const [shownTop, setShownTop] = useState(0)
  const realTop = useRef(0)
  usePageScroll((e) => {
    realTop.current = e.scrollTop
    if (!sameRange(rangeAt(e.scrollTop), rangeAt(shownTop))) setShownTop(e.scrollTop)
  })
  // more items loaded or 长辈版 switched: the window follows the real position
  useEffect(() => {
    if (!sameRange(rangeAt(realTop.current), rangeAt(shownTop))) setShownTop(realTop.current)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [count, itemPx, listTopPx])
  return { ...rangeAt(shownTop), scrollTop: () => realTop.current }
}
