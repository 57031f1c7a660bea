/** @jest-environment node */
/**
 * 政策 tab on the compiled weapp build: the first page of `policy.list` from the real backend is listed,
 * a tap on an item opens it in the policy subpackage, pull-to-refresh reloads, and no data update passes 256 KB.
 */
import { SET_DATA_BUDGET_BYTES, useSimulatedApp } from '../helpers/simulate'

jest.setTimeout(120_000)

const env = useSimulatedApp()

describe('weapp 政策', () => {
  it('given seeded policies, when the tab opens, then the first result is listed and a tap opens it', async () => {
    const first = await env.emu.call('o_demo_resident', 'policy', { action: 'list' })
    expect(first.ok).toBe(true)
    expect(first.data.items.length).toBeGreaterThan(0)
    const title: string = first.data.items[0].title

    const app = env.open('o_demo_resident')
    const page = await app.openPage('pages/policies/index')
    await page.waitForText(title, 30_000)

    await page.tapText(title)
    const nav = app.navigations()
    expect(nav).toHaveLength(1)
    expect(nav[0].api).toBe('navigateTo')
    expect(nav[0].url.startsWith('/packages/policy/')).toBe(true)

    const callsBefore = app.calls.filter((c) => c.api === 'cloud.callFunction').length
    await page.pullDownRefresh()
    await app.waitForCall('stopPullDownRefresh')
    expect(page.text()).toContain(title)
    expect(app.calls.filter((c) => c.api === 'cloud.callFunction').length).toBeGreaterThan(callsBefore)

    expect(page.maxSetDataBytes()).toBeLessThan(SET_DATA_BUDGET_BYTES)
    await app.settle()
    page.close()
  })
})
