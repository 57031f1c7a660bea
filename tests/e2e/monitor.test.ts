/**
 * 就业监测 in the H5 app (headless Chromium): the demo admin opens the dashboard from the workbench, drills
 * 山东省 → 济南市 → 历下区 by tapping child regions, and the cards show the same figures `monitor.overview`
 * gives for each region; the occupation table sorts; 长辈版 once. Clock and seed date pinned together.
 */
import { H5_TEST_OUTPUT_ROOT, openBrowser, type BrowserSession } from '../helpers/browser'
import { startEmulator, type TestEmulator } from '../helpers/emulator'
import { startH5Server, type H5Server } from '../../mock/h5server'
import { ensureAppBuild } from '../../scripts/appBuild'
import { formatValue } from '../../shared/monitor/format'
import { HEADLINE_KEYS } from '../../shared/monitor/indicators'
import type { OverviewAnswer } from '../../shared/monitor/views'

jest.setTimeout(420_000)

const NOW = '2026-06-15T10:00:00+08:00'
const ADMIN = 'o_demo_admin'
let emu: TestEmulator
let web: H5Server
beforeAll(async () => {
  const build = await ensureAppBuild('h5', { outputRoot: H5_TEST_OUTPUT_ROOT, versioned: true })
  emu = await startEmulator({ seed: { now: new Date(NOW) } })
  await emu.setClock(NOW)
  web = await startH5Server({ root: build.outputRoot, serviceUrl: emu.serviceUrl, port: 0 })
  // the daily snapshot, invocation by invocation (each within its time budget) until the day's run is done
  let state = ''
  for (let i = 0; i < 20 && state !== 'done'; i++)
    state = (await emu.trigger('monitor', 'snapshot')).results[0].result.data.runs.at(-1).state
  expect(state).toBe('done')
}, 900_000)
afterAll(async () => {
  await web?.close()
  await emu?.stop()
})

const overviewOf = async (regionCode: string): Promise<OverviewAnswer> =>
  (await emu.call(ADMIN, 'monitor', { action: 'overview', regionCode })).data

async function expectCardsMatch(b: BrowserSession, regionCode: string): Promise<OverviewAnswer> {
  const page = b.page
  await page.locator(`[data-testid="monitor-dashboard"][data-region="${regionCode}"]`).waitFor({ timeout: 30_000 })
  const o = await overviewOf(regionCode)
  for (const key of HEADLINE_KEYS) {
    const i = o.indicators.find((x) => x.key === key)!
    await expect(page.locator(`[data-testid="value-${key}"]`).first().innerText()).resolves.toBe(
      formatValue(i.value, i.unit),
    )
  }
  return o
}

test('admin drills 山东省 → 济南市 → 历下区; the cards match overview, the occupation table sorts; 长辈版 once', async () => {
  const b = await openBrowser({ baseUrl: web.url, identity: ADMIN, testName: 'monitor' })
  try {
    const page = b.page
    await page.goto(b.url('/packages/staff/index/index'))
    await page.locator('[data-testid="entry-monitor"]').click({ timeout: 60_000 })

    const province = await expectCardsMatch(b, '370000')
    await expect(page.locator('[data-testid="current-region"]').innerText()).resolves.toBe('山东省')
    await page.locator('[data-testid="tile-370100"]').waitFor()
    await b.screenshot('01-province')
    await page.locator('[data-testid="trend-chart"]').scrollIntoViewIfNeeded()
    await b.screenshot('01b-province-trend')
    await page.locator('[data-testid="tile-map"]').scrollIntoViewIfNeeded()
    await b.screenshot('01c-province-tile-map')

    await page.locator('[data-testid="bar-370100"]').click()
    const city = await expectCardsMatch(b, '370100')
    expect(city.breadcrumbs.map((c) => c.regionName)).toEqual(['山东省', '济南市'])
    await expect(page.locator('[data-testid="breadcrumbs"]').innerText()).resolves.toContain('山东省')
    await b.screenshot('02-jinan')

    await page.locator('[data-testid="children-table-row-370102"]').click()
    const district = await expectCardsMatch(b, '370102')
    await expect(page.locator('[data-testid="current-region"]').innerText()).resolves.toBe('历下区')
    expect(district.children.length).toBeGreaterThan(0)
    await b.screenshot('03-lixia')

    // the occupation table sorts by 求职人数 (highest first)
    await page.locator('[data-testid="sort-seekers"]').click()
    const occ = (
      await emu.call(ADMIN, 'monitor', { action: 'occupations', regionCode: '370102', sort: 'seekers', pageSize: 50 })
    ).data
    const firstRow = page.locator('[data-testid="occupation-table"] [role="row"]').nth(1)
    await expect(firstRow.innerText()).resolves.toContain(occ.items[0].occupationName)
    await page.locator('[data-testid="sort-seekers"][aria-pressed="true"]').waitFor()
    await b.screenshot('04-occupations-by-seekers')

    // back up through the breadcrumbs
    await page.locator('[data-testid="crumb-370000"]').click()
    await expectCardsMatch(b, '370000')
    expect(province.regionName).toBe('山东省')
  } finally {
    await b.close()
  }

  const elder = await openBrowser({ baseUrl: web.url, identity: ADMIN, testName: 'monitor-elder', largeFont: true })
  try {
    await elder.page.goto(elder.url('/packages/monitor/index/index?regionCode=370102'))
    await expectCardsMatch(elder, '370102')
    await elder.page.locator('.zj-elder [data-testid="trend-table"]').waitFor({ timeout: 30_000 })
    await elder.screenshot('01-lixia-elder')
  } finally {
    await elder.close()
  }
})
