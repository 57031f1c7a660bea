/** @jest-environment node */
/**
 * 首页 on the compiled weapp build: the demo resident sees their masked name and the module sections, a tap on
 * 查看全部 opens the job tab, and no data update passes the 256 KB budget.
 */
import { SET_DATA_BUDGET_BYTES, useSimulatedApp } from '../helpers/simulate'

jest.setTimeout(120_000)

const env = useSimulatedApp()

describe('weapp 首页', () => {
  it('given the demo resident, when 首页 opens, then it greets them by masked name and lists the module sections', async () => {
    const app = env.open('o_demo_resident')
    const page = await app.openPage('pages/home/index')
    await page.waitForText('李*明', 30_000)
    expect(page.text()).not.toContain('李晓明')
    for (const title of ['为你推荐的政策', '推荐岗位', '近期培训', '我的反馈']) expect(page.text()).toContain(title)
    // the identity came from the (stubbed) WeChat context, not from the page
    const cloudCalls = app.calls
      .filter((c) => c.api === 'cloud.callFunction')
      .map((c) => c.args[0] as { name: string; data: { action: string } })
    expect(cloudCalls).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'user', data: expect.objectContaining({ action: 'login' }) }),
      ]),
    )
    for (const c of cloudCalls) expect(JSON.stringify(c.data)).not.toContain('openid')
    // the dev-only identity switcher is not in the weapp build
    expect(page.text()).not.toContain('演示身份')

    // a section title is not a link
    await expect(page.tapText('推荐岗位')).rejects.toThrow(/nothing tappable/)
    expect(app.navigations()).toEqual([])

    // the first 查看全部 is the one of 为你推荐的政策 (a resident has no staff section above it)
    const before = app.navigations().length
    await page.tapText('查看全部 ›')
    const nav = app.navigations().slice(before)
    expect(nav).toHaveLength(1)
    expect(nav[0].api).toBe('switchTab')
    expect(nav[0].url).toBe('/pages/policies/index')

    expect(page.setDataSizes.length).toBeGreaterThan(0)
    expect(page.maxSetDataBytes()).toBeLessThan(SET_DATA_BUDGET_BYTES)
    await app.settle()
    page.close()
  })

  it('given an anonymous visitor, when 首页 opens, then it renders without a name and without crashing', async () => {
    const app = env.open(null)
    const page = await app.openPage('pages/home/index')
    await page.waitForText('找工作、查政策、报培训、提建议', 30_000)
    await page.waitForText('为你推荐的政策')
    expect(page.text()).not.toContain('李*明')
    await app.settle()
    page.close()
  })
})
