/**
 * The grid worker offline in Chromium: the demo grid worker loads the list, the browser goes offline, three
 * visits are recorded, the browser comes back online, the app syncs, and the server holds exactly three visits.
 */
import tcb from '@cloudbase/node-sdk'
import { openBrowser, useAppStack } from '../helpers/browser'

jest.setTimeout(300_000)

const app = useAppStack()

async function serverVisitsBy(openid: string): Promise<{ personId: string; outcome: string; clientId: string }[]> {
  const sdk = tcb.init({
    env: 'local',
    serviceUrl: app.emulator.serviceUrl,
    secretId: 'local',
    secretKey: 'local',
  } as never)
  const res = await sdk
    .database()
    .collection('visits')
    .where({ workerOpenid: openid, recordedBy: 'staff' })
    .limit(100)
    .get()
  return (res.data as { personId: string; outcome: string; clientId: string }[]).filter(
    (v) => !v.clientId.startsWith('seed-'),
  )
}

describe('H5: grid worker visits offline', () => {
  it('given the list loaded, when three visits are recorded offline and the network returns, then they sync and the server holds exactly three', async () => {
    const b = await openBrowser({ baseUrl: app.url, identity: 'o_demo_grid', testName: 'outreach-offline' })
    try {
      const { page, context } = b
      // the home page has the grid worker's section with the most urgent persons
      await page.goto(b.url('/'))
      await page.getByText('网格走访', { exact: true }).waitFor({ timeout: 60_000 })
      await page.getByText('优先走访：', { exact: false }).waitFor({ timeout: 30_000 })
      await b.screenshot('00-home')

      await page.goto(b.url('/packages/outreach/index/index'))
      const list = page.locator('[data-testid="outreach-list"]')
      await list.locator('[data-testid="outreach-item-p_demo_g1_01"]').waitFor({ timeout: 60_000 })
      // masked numbers only in the list
      const listText = await list.innerText()
      expect(listText).not.toMatch(/1[3-9]\d{9}/)
      await b.screenshot('01-list')
      expect(await serverVisitsBy('o_demo_grid')).toHaveLength(0)

      await context.setOffline(true)
      const people = ['p_demo_g1_01', 'p_demo_g1_02', 'p_demo_g1_05']
      const outcomes = ['reached', 'unreachable', 'reached']
      for (let i = 0; i < people.length; i++) {
        await list.locator(`[data-testid="outreach-item-${people[i]}"]`).getByText('记录走访').click()
        const form = page.locator('[data-testid="visit-form"]')
        await form.waitFor()
        await form.locator(`[data-testid="outcome-${outcomes[i]}"]`).click()
        if (i === 0) await form.locator('[data-testid="need-job"]').click()
        await form.getByText('保存', { exact: true }).click()
        await form.waitFor({ state: 'detached' })
      }
      const bar = page.locator('[data-testid="outreach-sync"]')
      await bar.getByText('待同步 3').waitFor({ timeout: 20_000 })
      // the offline banner tells the worker why nothing syncs
      await page.getByText('网络已断开').first().waitFor({ timeout: 10_000 })
      await b.screenshot('02-offline-pending')
      expect(await serverVisitsBy('o_demo_grid')).toHaveLength(0)

      await context.setOffline(false)
      // The app syncs by itself when the network returns (online event); 立即同步 is the manual fallback.
      const synced = bar.getByText('已同步 3')
      try {
        await synced.waitFor({ timeout: 15_000 })
      } catch {
        await bar.getByText('立即同步').click()
        await synced.waitFor({ timeout: 20_000 })
      }
      await bar.getByText('待同步 0').waitFor()
      await b.screenshot('03-synced')

      const visits = await serverVisitsBy('o_demo_grid')
      expect(visits).toHaveLength(3)
      expect(visits.map((v) => v.personId).sort()).toEqual([...people].sort())
      expect(visits.map((v) => v.outcome).sort()).toEqual([...outcomes].sort())

      // the sync page lists the three as synced; the grid view counts them
      await page.goto(b.url('/packages/outreach/sync/index'))
      await page.locator('[data-testid="queued-synced"]').nth(2).waitFor({ timeout: 30_000 })
      expect(await page.locator('[data-testid="queued-synced"]').count()).toBe(3)
      await page.goto(b.url('/packages/outreach/grid/index'))
      const visitsStat = page.locator('[data-testid="stat-visits"]')
      await visitsStat.waitFor({ timeout: 30_000 })
      expect(Number((await visitsStat.innerText()).match(/\d+/)?.[0])).toBeGreaterThanOrEqual(3)
      await b.screenshot('04-grid')

      // the person page shows the masked phone until the worker asks for the full number (audited)
      await page.goto(b.url('/packages/outreach/index/index'))
      await list.locator('[data-testid="outreach-item-p_demo_g1_02"]').getByText('详情').click()
      const phone = page.locator('[data-testid="person-phone"]')
      await phone.getByText('137****0012').waitFor({ timeout: 30_000 })
      await page.getByText('查看完整号码', { exact: true }).click()
      await phone.getByText('13706410012').waitFor({ timeout: 30_000 })
      await b.screenshot('05-person-revealed')
    } finally {
      await b.close()
    }
  })
})
