/**
 * The demo resident opens the H5 app in headless Chromium and sees the home page with seeded content from
 * the backend (their masked name, their key groups and district), and the 长辈版 switch enlarges the text.
 */
import { openBrowser, useAppStack } from '../helpers/browser'

jest.setTimeout(120_000)

const app = useAppStack()

describe('H5: the resident home page', () => {
  it('given the demo resident, when they open the app, then home greets them by masked name with seeded facts', async () => {
    const b = await openBrowser({ baseUrl: app.url, identity: 'o_demo_resident', testName: 'resident-home' })
    try {
      await b.page.goto(b.url('/'))
      const greeting = b.page.locator('[data-testid="home-greeting"]')
      await greeting.getByText('历下区').waitFor({ timeout: 30_000 })
      const text = await greeting.innerText()
      // The seeded demo resident is 李晓明: shown masked, never in full.
      expect(text).toContain('李*明')
      expect(text).not.toContain('李晓明')
      expect(text).toContain('登记失业人员')
      expect(text).toContain('高校毕业生')
      // Sections of the modules are on the page, each in a settled state (content, empty or error with retry).
      await expect(b.page.getByText('为你推荐的政策').count()).resolves.toBeGreaterThan(0)
      await expect(b.page.getByText('推荐岗位').count()).resolves.toBeGreaterThan(0)
      await b.screenshot('01-home')
    } finally {
      await b.close()
    }
  })

  it('given anonymous, when they open the app, then no name is shown and the page still renders', async () => {
    const b = await openBrowser({ baseUrl: app.url, identity: null, testName: 'anonymous-home' })
    try {
      await b.page.goto(b.url('/'))
      await b.page.getByText('找工作、查政策、报培训、提建议，都在这里').waitFor({ timeout: 30_000 })
      const hero = await b.page.locator('[data-testid="home-greeting"]').innerText()
      expect(hero).not.toContain('李*明')
      await b.screenshot('01-home')
    } finally {
      await b.close()
    }
  })

  it('given the resident on 我的, when they switch on 长辈版, then body text grows at least 1.25×', async () => {
    const b = await openBrowser({ baseUrl: app.url, identity: 'o_demo_resident', testName: 'resident-large-font' })
    try {
      await b.page.goto(b.url('/pages/mine/index'))
      const row = b.page.locator('[data-testid="large-font-row"]')
      await row.waitFor({ timeout: 30_000 })
      const label = row.getByText('长辈版（大字体）')
      const before = await label.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
      await b.screenshot('01-mine')
      await row.locator('input[type="checkbox"], .weui-switch, taro-switch-core').first().click()
      await b.page.waitForFunction(
        ([sel, px]) => {
          const el = document.querySelector(sel as string)
          return !!el && parseFloat(getComputedStyle(el).fontSize) >= (px as number) * 1.25 - 0.01
        },
        ['[data-testid="large-font-row"] > *:first-child', before] as const,
        { timeout: 10_000 },
      )
      const after = await label.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
      expect(after / before).toBeGreaterThanOrEqual(1.25)
      await b.screenshot('02-mine-large-font')
      // persisted: a reload keeps 长辈版
      await b.page.reload()
      await row.waitFor()
      const reloaded = await row
        .getByText('长辈版（大字体）')
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
      expect(reloaded).toBeCloseTo(after, 1)
    } finally {
      await b.close()
    }
  })
})
