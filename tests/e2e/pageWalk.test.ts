/**
 * The UX walk (docs/ux-walk.md, tests/helpers/pageWalk.ts): every page of the H5 build at 375×667, as the identity
 * that reaches it, in normal mode and in 长辈版, a screenshot each into test-output/ux-walk/<mode>/ and the layout
 * checks measured in the page (tab bar, navigation bar, tap targets, centred labels, text areas, clipped tags,
 * internal codes, raw JSON, 「即将上线」). Any finding fails the test with the page and what was found.
 * `npx tsx scripts/walkPages.ts` runs the same walk and prints it.
 */
import { buttonByLabel, openBrowser, useAppStack } from '../helpers/browser'
import { findWalkIds, walk, type WalkIds, type WalkResult } from '../helpers/pageWalk'

jest.setTimeout(600_000)

const app = useAppStack()
let ids: WalkIds

beforeAll(async () => {
  ids = await findWalkIds(app.emulator.serviceUrl, app.url)
})

const report = (results: WalkResult[]) =>
  results.filter((r) => r.probe.findings.length > 0).map((r) => `${r.name} (${r.path}): ${r.probe.findings.join('; ')}`)

describe.each([
  { mode: 'normal', elder: false },
  { mode: '长辈版', elder: true },
])('H5 UX walk ($mode)', ({ elder }) => {
  it('given every page as who reaches it, then none shows a layout defect, an internal code or 「即将上线」', async () => {
    const results = await walk({ appUrl: app.url, ids, elder })
    expect(results.length).toBeGreaterThan(60)
    expect(report(results)).toEqual([])
  })
})

describe.each([
  { mode: 'normal', elder: false },
  { mode: '长辈版', elder: true },
])('H5 找工作 → 筛选 ($mode)', ({ mode, elder }) => {
  it('given the filter sheet open, then 清空 and 查看结果 sit above the tab bar, centred, and the options scroll', async () => {
    const b = await openBrowser({
      baseUrl: app.url,
      identity: 'o_demo_resident',
      largeFont: elder,
      testName: `ux-walk-filter-${mode}`,
    })
    try {
      await b.page.goto(b.url('/pages/jobs/index'))
      await b.page.locator('[role="group"][aria-label="排序与筛选"] [aria-label^="筛选"]').first().click()
      await b.page.locator('[data-testid="job-filter-sheet"]').waitFor({ timeout: 60_000 })
      await b.screenshot('filter-sheet')
      const tabbarTop = await b.page.locator('.taro-tabbar__tabbar').evaluate((el) => el.getBoundingClientRect().top)
      for (const label of ['清空筛选', '查看结果']) {
        const box = await buttonByLabel(b, label).evaluate((el) => {
          const r = el.getBoundingClientRect()
          const range = document.createRange()
          range.selectNodeContents(el)
          const t = range.getBoundingClientRect()
          return {
            bottom: r.bottom,
            height: r.height,
            offCentre: Math.abs(t.top + t.height / 2 - (r.top + r.height / 2)),
          }
        })
        expect({
          label,
          above: box.bottom <= tabbarTop + 0.5,
          tall: box.height >= 44,
          centred: box.offCentre <= 4,
        }).toEqual({
          label,
          above: true,
          tall: true,
          centred: true,
        })
      }
      const body = await b.page.locator('[data-testid="job-filter-body"]').evaluate((el) => {
        const s = (el.querySelector('.taro-scroll-view__scroll-y') ?? el) as HTMLElement
        const before = s.scrollTop
        s.scrollTop = 10_000
        // every option is reachable: they fit, or the body scrolls to the last one
        return s.scrollHeight <= s.clientHeight + 1 || s.scrollTop > before
      })
      expect(body).toBe(true)
    } finally {
      await b.close()
    }
  })
})
