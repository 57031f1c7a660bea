/** @jest-environment node */
/**
 * 找工作 tab on the compiled weapp build: the first page of `job.search` from the real backend is listed,
 * a tap on an item opens it in the job subpackage, pull-to-refresh reloads, and no data update passes 256 KB;
 * a city and 日结 typed into the keyword are shown as the filters the search understood.
 */
import { loadMiniApp, SET_DATA_BUDGET_BYTES, useSimulatedApp } from '../helpers/simulate'

jest.setTimeout(120_000)

const env = useSimulatedApp()

describe('weapp 找工作', () => {
  it('given seeded jobs, when the tab opens, then the first result is listed and a tap opens it', async () => {
    const first = await env.emu.call('o_demo_resident', 'job', { action: 'search' })
    expect(first.ok).toBe(true)
    expect(first.data.items.length).toBeGreaterThan(0)
    const title: string = first.data.items[0].title

    const app = env.open('o_demo_resident')
    const page = await app.openPage('pages/jobs/index')
    await page.waitForText(title, 30_000)

    await page.tapText(title)
    const nav = app.navigations()
    expect(nav).toHaveLength(1)
    expect(nav[0].api).toBe('navigateTo')
    expect(nav[0].url.startsWith('/packages/job/')).toBe(true)

    const callsBefore = app.calls.filter((c) => c.api === 'cloud.callFunction').length
    await page.pullDownRefresh()
    await app.waitForCall('stopPullDownRefresh')
    expect(page.text()).toContain(title)
    expect(app.calls.filter((c) => c.api === 'cloud.callFunction').length).toBeGreaterThan(callsBefore)

    expect(page.maxSetDataBytes()).toBeLessThan(SET_DATA_BUDGET_BYTES)
    await app.settle()
    page.close()
  })

  it('given the network is down, when the tab opens, then it says so with 重试, and 重试 loads the list once it is back', async () => {
    let online = false
    const app = loadMiniApp({
      root: env.root,
      openid: 'o_demo_resident',
      cloud: async (n, d, o) => {
        if (!online) throw new Error('request:fail timeout')
        return env.emu.call(o, n, d)
      },
    })
    const page = await app.openPage('pages/jobs/index')
    await page.waitForText('网络连接失败', 30_000)
    expect(page.text()).toContain('网络已断开')

    online = true
    await page.tapText('重试')
    const first = await env.emu.call('o_demo_resident', 'job', { action: 'search' })
    await page.waitForText(first.data.items[0].title, 30_000)
    expect(page.text()).not.toContain('网络已断开')
    await app.settle()
    page.close()
  })

  it('given "济南 日结 装卸工" typed into the search box, then the page says it filtered by 济南市 and 零工, and 综合 is the order', async () => {
    const app = env.open('o_demo_resident')
    const page = await app.openPage('pages/jobs/index')
    const first = await env.emu.call('o_demo_resident', 'job', { action: 'search' })
    await page.waitForText(first.data.items[0].title, 30_000)
    expect(page.text()).not.toContain('已按')

    await page.fire('wx-input', 'input', { value: '济南 日结 装卸工' })
    await page.tapText('搜索')
    await page.waitForText('已按', 30_000)
    expect(page.text().replace(/\s+/g, '')).toContain('已按济南市零工筛选')
    expect(page.text()).toContain('✓ 综合')
    await app.settle()
    page.close()
  })
})
