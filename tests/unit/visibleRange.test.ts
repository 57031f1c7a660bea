/** The maths of a windowed list (miniprogram/src/hooks/visibleRange.ts): which cards are rendered, how tall the spacers are. */
import {
  CARD_GAP_DESIGN_PX,
  designToPx,
  sameRange,
  visibleRange,
  type RangeInput,
} from '../../miniprogram/src/hooks/visibleRange'

/** A phone 375 × 603 px with cards 100 px apart, two screens of margin. */
const aList = (over: Partial<RangeInput> = {}): RangeInput => ({
  count: 1000,
  itemPx: 100,
  scrollTop: 0,
  viewportPx: 603,
  marginPx: 1206,
  ...over,
})

describe('visibleRange', () => {
  it('given the top of a long list, then only the first screens are rendered and the rest is one spacer below', () => {
    const r = visibleRange(aList())
    expect(r.first).toBe(0)
    // 603 px of screen + 1206 px of margin below = 19 cards of 100 px
    expect(r.last).toBe(19)
    expect(r.before).toBe(0)
    expect(r.after).toBe((1000 - 19) * 100)
  })

  it('given a scroll to the middle, then the cards around the viewport are rendered and the spacers keep the full height', () => {
    const input = aList({ scrollTop: 50_000 })
    const r = visibleRange(input)
    expect(r.first).toBe(Math.floor((50_000 - 1206) / 100))
    expect(r.last).toBe(Math.ceil((50_000 + 603 + 1206) / 100))
    // the card at the top of the screen is rendered, the first cards are not
    expect(r.first).toBeLessThanOrEqual(500)
    expect(r.last).toBeGreaterThan(506)
    expect(r.before + (r.last - r.first) * input.itemPx + r.after).toBe(input.count * input.itemPx)
  })

  it('given what is above the list, then the window starts that much later', () => {
    const without = visibleRange(aList({ scrollTop: 10_000 }))
    const withTop = visibleRange(aList({ scrollTop: 10_000, listTopPx: 500 }))
    expect(withTop.first).toBe(without.first - 5)
    expect(withTop.last).toBe(without.last - 5)
  })

  it('given a chunk, then the edges move in whole chunks and a small scroll changes nothing', () => {
    const a = visibleRange(aList({ scrollTop: 20_500, chunk: 4 }))
    expect(a.first % 4).toBe(0)
    expect(a.last % 4).toBe(0)
    // the unchunked window would be [192, 224) here and [193, 224) half a card further: same chunks
    expect(sameRange(a, visibleRange(aList({ scrollTop: 20_550, chunk: 4 })))).toBe(true)
    expect(sameRange(a, visibleRange(aList({ scrollTop: 21_000, chunk: 4 })))).toBe(false)
    // rounding only ever widens the window
    const exact = visibleRange(aList({ scrollTop: 20_550 }))
    const chunked = visibleRange(aList({ scrollTop: 20_550, chunk: 4 }))
    expect(chunked.first).toBeLessThanOrEqual(exact.first)
    expect(chunked.last).toBeGreaterThanOrEqual(exact.last)
  })

  it('given a short list, then every card is rendered with no spacers', () => {
    expect(visibleRange(aList({ count: 7 }))).toEqual({ first: 0, last: 7, before: 0, after: 0 })
    expect(visibleRange(aList({ count: 0 }))).toEqual({ first: 0, last: 0, before: 0, after: 0 })
  })

  it('given a position past the end, then the last screen of cards is rendered (never an empty list)', () => {
    const r = visibleRange(aList({ scrollTop: 10_000_000, chunk: 4 }))
    expect(r.last).toBe(1000)
    expect(r.first).toBeGreaterThan(900)
    expect(r.after).toBe(0)
    expect(r.before).toBe(r.first * 100)
  })

  it('given no usable card height, then everything is rendered rather than nothing', () => {
    expect(visibleRange(aList({ count: 30, itemPx: 0 }))).toEqual({ first: 0, last: 30, before: 0, after: 0 })
    expect(visibleRange(aList({ count: 30, scrollTop: Number.NaN })).first).toBe(0)
  })

  it('converts design px to px on the phone, card gap included', () => {
    // a 232-design-px job card on a 375 px wide phone is 124 px apart from the next
    expect(designToPx(232 + CARD_GAP_DESIGN_PX, 375)).toBe(124)
  })
})
