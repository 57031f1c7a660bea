/** @jest-environment node */
/**
 * 我的 on the compiled weapp build: the resident's masked name, entries by role, a tap opens 我的资料, and the
 * 长辈版 switch turns on large-font mode and persists it.
 */
import { loadMiniApp, SET_DATA_BUDGET_BYTES, useSimulatedApp } from '../helpers/simulate'
import { renderedAttribute } from '../helpers/weappAttributes'

jest.setTimeout(120_000)

const env = useSimulatedApp()

describe('weapp 我的', () => {
  it('given the demo resident, when 我的 opens, then it shows their masked name and resident entries only', async () => {
    const app = env.open('o_demo_resident')
    const page = await app.openPage('pages/mine/index')
    await page.waitForText('李*明', 30_000)
    expect(page.text()).toContain('我的资料')
    expect(page.text()).toContain('长辈版')
    // staff and grid entries are not offered to a resident
    expect(page.text()).not.toContain('网格走访')
    expect(page.text()).not.toContain('工作台')

    await page.tapText('我的资料')
    expect(app.navigations()).toEqual([{ api: 'navigateTo', url: '/packages/me/index/index' }])
    expect(page.maxSetDataBytes()).toBeLessThan(SET_DATA_BUDGET_BYTES)
    await app.settle()
    page.close()
  })

  it('given a grid worker, when 我的 opens, then 网格走访 is offered', async () => {
    const app = env.open('o_demo_grid')
    const page = await app.openPage('pages/mine/index')
    await page.waitForText('网格员', 30_000)
    await page.waitForText('网格走访')
    await page.tapText('网格走访')
    expect(app.navigations()).toEqual([{ api: 'navigateTo', url: '/packages/outreach/index/index' }])
    await app.settle()
    page.close()
  })

  it('given a screen-reader user, when 我的 opens in WeChat, then its entries and the 长辈版 switch carry their labels and roles', async () => {
    const app = env.open('o_demo_resident')
    const page = await app.openPage('pages/mine/index')
    await page.waitForText('我的资料', 30_000)
    // Taro's weapp templates bind no aria-* by themselves; a11yAttributes adds them on both sides of the template
    const row = Array.from(page.comp.dom.querySelectorAll('wx-text')).find(
      (t) => t.textContent === '我的资料',
    )?.parentElement
    expect(row).toBeTruthy()
    expect(renderedAttribute(env.root, page, row as Element, 'aria-label')).toBe('我的资料')
    expect(renderedAttribute(env.root, page, row as Element, 'aria-role')).toBe('link')
    expect(renderedAttribute(env.root, page, row?.parentElement as Element, 'aria-role')).toBe('list')
    const sw = page.comp.dom.querySelector('wx-switch') as Element
    expect(renderedAttribute(env.root, page, sw, 'aria-label')).toBe('长辈版大字体开关')
    await app.settle()
    page.close()
  })

  it('given the resident, when they switch on 长辈版, then the page root gets the large-font class and it is stored', async () => {
    const app = env.open('o_demo_resident')
    const page = await app.openPage('pages/mine/index')
    await page.waitForText('长辈版', 30_000)
    const rootEl = () => page.comp.dom.querySelector('[class*="zj-root"]')
    expect(rootEl()?.className).not.toMatch(/zj-elder/)
    await page.fire('wx-switch', 'change', { value: true })
    expect(rootEl()?.className).toMatch(/zj-elder/)
    expect(app.storage.get('zhijiu.largeFont')).toBe(true)
    await app.settle()
    page.close()

    // a later start reads the stored setting
    const again = loadMiniApp({
      root: env.root,
      openid: 'o_demo_resident',
      storage: { 'zhijiu.largeFont': true },
      cloud: (n, d, o) => env.emu.call(o, n, d),
    })
    const home = await again.openPage('pages/home/index')
    await home.waitForText('推荐岗位', 30_000)
    expect(home.comp.dom.querySelector('[class*="zj-root"]')?.className).toMatch(/zj-elder/)
    await again.settle()
    home.close()
  })
})
