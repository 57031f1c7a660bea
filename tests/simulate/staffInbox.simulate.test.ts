/** @jest-environment node */
/**
 * 反馈待办 (the handler's inbox) on the compiled weapp build with a long list (issue 11: long lists render only what
 * is visible, no data update over 256 KB): the demo handler's department gets 330 more items awaiting a reply; the
 * handler scrolls to the bottom page after page (20 a page) until everything has loaded, and the page keeps only the
 * cards near the viewport — in normal mode and in 长辈版.
 */
import { loadMiniApp, SET_DATA_BUDGET_BYTES, useSimulatedApp, type MiniApp, type SimPage } from '../helpers/simulate'
import { consecutiveRun, until } from '../helpers/windowedList'
import { toIsoCst } from '../../shared/calendar/chinaTime'
import { aFeedbackDoc } from '../helpers/factories'

jest.setTimeout(240_000)

const HANDLER = 'o_demo_handler'
const ADDED = 330
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
const env = useSimulatedApp()

/** Indices of the items whose card is on the page (every tracking number has the same length: no false hits). */
const shownIndices = (text: string, trackingNos: string[]) =>
  trackingNos.flatMap((t, i) => (text.includes(t) ? [i] : []))

const inboxCalls = (app: MiniApp) =>
  app.calls.filter(
    (c) => c.api === 'cloud.callFunction' && (c.args[0] as { data?: { action?: string } }).data?.action === 'inbox',
  ).length

/** Scrolls to the bottom and lets the next page load, until the footer says there is no more. */
async function scrollToTheEnd(page: SimPage, app: MiniApp): Promise<void> {
  for (let i = 0; i < 40 && !page.text().includes('没有更多了'); i++) {
    await page.scroll(10_000_000)
    const before = inboxCalls(app)
    await page.reachBottom()
    const end = Date.now() + 20_000
    while (inboxCalls(app) === before && Date.now() < end) await new Promise((r) => setTimeout(r, 20))
    await app.settle()
    await new Promise((r) => setTimeout(r, 30))
  }
  await page.waitForText('没有更多了')
}

const expected: string[] = []

beforeAll(async () => {
  // 330 more items awaiting a reply in the demo handler's department (历下区), through the SDK
  const db = env.emu.sdk().database()
  const now = env.emu.server.now().getTime()
  const code = (n: number) => `SIM${ALPHABET[(n >> 10) % 32]}${ALPHABET[(n >> 5) % 32]}${ALPHABET[n % 32]}`
  const ymd = toIsoCst(now).slice(2, 10).replace(/-/g, '')
  for (let start = 0; start < ADDED; start += 20) {
    await Promise.all(
      Array.from({ length: Math.min(20, ADDED - start) }, (_, k) => {
        const n = start + k + 1
        return db.collection('feedback').add(
          aFeedbackDoc({
            _id: `fb_sim_${String(n).padStart(3, '0')}`,
            trackingNo: `F${ymd}${code(n)}`,
            openid: `o_sim_fb_${n}`,
            content: `第${n}条：小区附近的招聘信息太少，希望多举办一些家门口的招聘会，也希望把岗位信息贴到社区公告栏，方便不会用手机的老人。`,
            createdAtMs: now - 3600_000,
            dueAtMs: now + n * 3600_000,
          }),
        )
      }),
    )
  }
  // the inbox as the backend orders it (earliest answer deadline first)
  let cursor: string | undefined
  do {
    const r = await env.emu.call(HANDLER, 'feedback', { action: 'inbox', pageSize: 100, ...(cursor ? { cursor } : {}) })
    expect(r.ok).toBe(true)
    expected.push(...r.data.items.map((i: { trackingNo: string }) => i.trackingNo))
    cursor = r.data.nextCursor ?? undefined
  } while (cursor)
}, 900_000)

describe.each([
  { mode: 'normal', elder: false },
  { mode: '长辈版', elder: true },
])('weapp 反馈待办 with a long inbox ($mode)', ({ elder }) => {
  it('given 330+ items awaiting a reply, when the handler scrolls page after page to the end, then only the cards near the viewport are rendered and the first ones come back on scrolling up', async () => {
    expect(expected.length).toBeGreaterThan(ADDED)
    const app = loadMiniApp({
      root: env.root,
      openid: HANDLER,
      storage: { 'zhijiu.largeFont': elder },
      cloud: (n, d, o) => env.emu.call(o, n, d),
    })
    const page = await app.openPage('packages/staff/feedback/inbox/index')
    await page.waitForText(expected[0], 60_000)
    expect(/zj-elder/.test(page.comp.dom.querySelector('[class*="zj-root"]')?.className ?? '')).toBe(elder)
    const firstScreen = consecutiveRun(shownIndices(page.text(), expected))
    expect(firstScreen.first).toBe(0)
    expect(page.text()).toContain('上拉加载更多')

    // every page of 20 loaded, one per reach-bottom…
    await scrollToTheEnd(page, app)
    expect(inboxCalls(app)).toBe(Math.ceil(expected.length / 20))

    // …and at the bottom only the last cards are on the page, not the first ones
    const end = consecutiveRun(shownIndices(page.text(), expected))
    expect(end.last).toBe(expected.length)
    expect(end.last - end.first).toBeLessThanOrEqual(40)
    expect(page.text()).not.toContain(expected[0])

    // halfway up: the middle of the inbox
    await page.scroll(20_000)
    await until(() => !page.text().includes(expected[expected.length - 1]), 'the last card to leave the page')
    const middle = consecutiveRun(shownIndices(page.text(), expected))
    expect(middle.first).toBeGreaterThan(firstScreen.last)
    expect(middle.last).toBeLessThan(end.first + 1)
    expect(middle.last - middle.first).toBeLessThanOrEqual(40)

    // back at the top: the most urgent item again, and a tap on it opens it
    await page.scroll(0)
    await until(() => page.text().includes(expected[0]), 'the first card to show again')
    expect(consecutiveRun(shownIndices(page.text(), expected))).toEqual(firstScreen)
    expect(page.text()).not.toContain(expected[expected.length - 1])
    await page.tapText(expected[0])
    expect(app.navigations()).toContainEqual({
      api: 'navigateTo',
      url: `/packages/staff/feedback/detail/index?trackingNo=${expected[0]}`,
    })

    expect(page.maxSetDataBytes()).toBeLessThan(SET_DATA_BUDGET_BYTES)
    await app.settle()
    page.close()
  })
})
