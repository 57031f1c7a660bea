/**
 * Renders only the cards near the viewport of a long list: fixed-height cards (job.scss), the page's scroll
 * position, a few screens of margin. Items outside are replaced by two spacers, so a list of thousands stays
 * smooth and every setData stays small.
 */
import { useMemo, useState } from 'react'
import Taro, { usePageScroll } from '@tarojs/taro'

const DESIGN_WIDTH = 750

export function useVisibleWindow(count: number, itemDesignPx: number, listTopPx = 0) {
  const [scrollTop, setScrollTop] = useState(0)
  usePageScroll((e) => setScrollTop(e.scrollTop))
  const { windowWidth, windowHeight } = useMemo(() => {
    try {
      const info = Taro.getSystemInfoSync()
      return { windowWidth: info.windowWidth || 375, windowHeight: info.windowHeight || 667 }
    } catch {
      return { windowWidth: 375, windowHeight: 667 }
    }
  }, [])
  // card height plus the card's bottom margin (16 design px)
  const itemPx = ((itemDesignPx + 16) * windowWidth) / DESIGN_WIDTH
  const margin = 2 * windowHeight
  const first = Math.max(0, Math.floor((scrollTop - listTopPx - margin) / itemPx))
  const last = Math.min(count, Math.ceil((scrollTop - listTopPx + windowHeight + margin) / itemPx))
  return { first, last, before: first * itemPx, after: Math.max(0, (count - last) * itemPx) }
}
