/** @jest-environment node */
/**
 * 走访名单 on the compiled weapp build with a long list (issue 11: long lists render only what is visible, no data
 * update over 256 KB): the demo grid worker's grid gets 340 more residents to visit, the page loads the whole list
 * (pages of 100, up to 500), renders only the cards near the viewport, and scrolling moves that window — in normal
 * mode and in 长辈版.
 */
import { loadMiniApp, SET_DATA_BUDGET_BYTES, useSimulatedApp } from '../helpers/simulate'
import { consecutiveRun, until } from '../helpers/windowedList'

jest.setTimeout(240_000)

const GRID = 'o_demo_grid'
const ADDED = 340
const env = useSimulatedApp()

interface ListItem {
  personId: string
  name: string
  age: number | null
}

/** The card title a grid worker reads: 张建国（54岁）. */
const titleOf = (i: ListItem) => `${i.name}${i.age !== null ? `（${i.age}岁）` : ''}`

/** Indices of the items whose card is on the page (titles that are part of another title are left out). */
function shownIndices(text: string, titles: string[]): number[] {
  const ambiguous = new Set(titles.filter((t, i) => titles.some((o, j) => j !== i && o.includes(t))))
  return titles.flatMap((t, i) => (!ambiguous.has(t) && text.includes(t) ? [i] : []))
}

/** The list page starts a 20 s sync timer that outlives the test: collect the app's intervals and clear them at the end. */
const intervals: ReturnType<typeof setInterval>[] = []
const realSetInterval = global.setInterval
beforeAll(() => {
  global.setInterval = ((...args: Parameters<typeof setInterval>) => {
    const t = realSetInterval(...args)
    intervals.push(t)
    return t
  }) as typeof setInterval
})
afterAll(() => {
  global.setInterval = realSetInterval
  intervals.forEach(clearInterval)
})

const expected: ListItem[] = []

beforeAll(async () => {
  // 340 more unemployed residents in the demo grid worker's grid (copies of a seeded one), through the SDK
  const db = env.emu.sdk().database()
  const model = (await db.collection('persons').doc('p_demo_g1_01').get()).data[0] as Record<string, unknown>
  const { _id: _ignored, ...fields } = model
  for (let start = 0; start < ADDED; start += 20) {
    await Promise.all(
      Array.from({ length: Math.min(20, ADDED - start) }, (_, k) => {
        const n = String(start + k + 1).padStart(3, '0')
        return db.collection('persons').add({ ...fields, _id: `p_sim_${n}`, name: `模拟居民${n}` })
      }),
    )
  }
  // the list as the backend orders it (most urgent first)
  let cursor: string | undefined
  do {
    const r = await env.emu.call(GRID, 'outreach', { action: 'myList', pageSize: 100, ...(cursor ? { cursor } : {}) })
    expect(r.ok).toBe(true)
    expected.push(...r.data.items)
    cursor = r.data.nextCursor ?? undefined
  } while (cursor)
}, 900_000)

describe.each([
  { mode: 'normal', elder: false },
  { mode: '长辈版', elder: true },
])('weapp 走访名单 with a long list ($mode)', ({ elder }) => {
  it('given 340+ residents to visit, when the list has loaded, then only the first screens of cards are rendered; scrolling shows later ones and hides earlier ones', async () => {
    expect(expected.length).toBeGreaterThan(ADDED)
    expect(expected.length).toBeLessThanOrEqual(500)
    const titles = expected.map(titleOf)
    const app = loadMiniApp({
      root: env.root,
      openid: GRID,
      storage: { 'zhijiu.largeFont': elder },
      cloud: (n, d, o) => env.emu.call(o, n, d),
    })
    const page = await app.openPage('packages/outreach/index/index')
    await page.waitForText(titles[0], 60_000)
    // the whole list was fetched (pages of 100)…
    const listCalls = app.calls.filter(
      (c) => c.api === 'cloud.callFunction' && (c.args[0] as { data?: { action?: string } }).data?.action === 'myList',
    )
    expect(listCalls.length).toBe(Math.ceil(expected.length / 100))
    expect(/zj-elder/.test(page.comp.dom.querySelector('[class*="zj-root"]')?.className ?? '')).toBe(elder)

    // …but only a few screens of it are on the page, from the top
    const top = consecutiveRun(shownIndices(page.text(), titles))
    expect(top.first).toBe(0)
    expect(top.last).toBeGreaterThanOrEqual(3)
    expect(top.last).toBeLessThanOrEqual(40)
    expect(page.text()).not.toContain(titles[titles.length - 1])

    // scrolled halfway down: cards far below the first screens, none of the first ones
    await page.scroll(40_000)
    await until(() => !page.text().includes(titles[0]), 'the first card to leave the page')
    const middle = consecutiveRun(shownIndices(page.text(), titles))
    expect(middle.first).toBeGreaterThan(top.last)
    expect(middle.last - middle.first).toBeLessThanOrEqual(40)
    expect(page.text()).not.toContain(titles[0])
    expect(middle.last).toBeLessThan(titles.length)
    // 记录走访 down there: the form opens at the top of the page, so the page goes up to it, and back after 取消
    await page.tapText('记录走访')
    await page.waitForText(`走访记录 · ${expected[middle.first].name}`)
    const scrolls = () =>
      app.calls.filter((c) => c.api === 'pageScrollTo').map((c) => (c.args[0] as { scrollTop: number }).scrollTop)
    expect(scrolls()).toEqual([0])
    await page.tapText('取消')
    expect(page.text()).not.toContain('走访记录 · ')
    expect(scrolls()).toEqual([0, 40_000])

    // at the end: the last resident; back at the top: the first again
    await page.scroll(10_000_000)
    await until(() => page.text().includes(titles[titles.length - 1]), 'the last card to show')
    const end = consecutiveRun(shownIndices(page.text(), titles))
    expect(end.last).toBe(titles.length)
    expect(end.last - end.first).toBeLessThanOrEqual(40)
    await page.scroll(0)
    await until(() => page.text().includes(titles[0]), 'the first card to show again')
    expect(consecutiveRun(shownIndices(page.text(), titles))).toEqual(top)

    // a card still works after all that: 记录走访 on the first resident opens the visit form for them
    await page.tapText('记录走访')
    await page.waitForText(`走访记录 · ${expected[0].name}`)

    expect(page.maxSetDataBytes()).toBeLessThan(SET_DATA_BUDGET_BYTES)
    await app.settle()
    page.close()
  })
})
